import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on an adapter directory (`flock` on `DIR/adapter.lock`), held while a run reads,
/// seals or pushes: two processes sealing into one outbox would fork the partner's chain. The kernel
/// releases it when the process dies, so a crashed run never leaves it behind.
final class DirectoryLock: Sendable {
    private let descriptor: Int32

    init(directory: AdapterDirectory) throws(AdapterError) {
        let path = directory.path(AdapterDirectory.lockFile)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AdapterError(.directory, "cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw AdapterError(
                .directory, "another adapter process is running in '\(directory.url.path)'; wait for it to finish")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File writes that reach the disk before they are reported done: keys, configuration, envelopes of a
/// dry run and reject files.
enum DurableFile {
    /// Creates a file that must not exist yet, with `mode` from the start (no window in which a private
    /// key is world-readable), flushed to disk.
    static func createNew(_ path: String, _ bytes: [UInt8], mode: mode_t) throws(AdapterError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw AdapterError(.directory, "cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try write(bytes, to: descriptor, path: path)
        _ = fchmod(descriptor, mode)
        guard fsync(descriptor) == 0 else { throw AdapterError(.directory, "cannot flush '\(path)'") }
    }

    /// Replaces `path` with `bytes` atomically: readers see the old content or the new, never a mix.
    static func replace(_ path: String, _ bytes: [UInt8]) throws(AdapterError) {
        let temporary = path + ".tmp"
        unlink(temporary)
        try createNew(temporary, bytes, mode: 0o644)
        guard rename(temporary, path) == 0 else {
            throw AdapterError(.directory, "cannot replace '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    /// Appends `bytes` to `path`, creating it.
    static func append(_ path: String, _ bytes: [UInt8]) throws(AdapterError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AdapterError(.directory, "cannot append to '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try write(bytes, to: descriptor, path: path)
    }

    static func createDirectory(_ url: URL) throws(AdapterError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw AdapterError(.directory, "cannot create '\(url.path)': \(error.localizedDescription)")
        }
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(AdapterError) {
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw AdapterError(.directory, "cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
            written += result
        }
    }
}

/// The POSIX `write`, named apart from ``DurableFile``'s own.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

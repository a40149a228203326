public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes a child process's pipes, retrying reads and writes a signal interrupted.
///
/// Foundation's `FileHandle.readDataToEndOfFile()` and `write(_:)` end the whole test process with a fatal
/// error when a read or write returns `EINTR`, which a loaded machine running many child processes sees.
public enum PipeIO {
    /// Everything until end of file.
    public static func readAll(_ handle: FileHandle) -> Data {
        let descriptor = handle.fileDescriptor
        var result = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                result.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return result
            }
        }
    }

    /// All of `bytes`, unless the reader went away.
    public static func writeAll(_ handle: FileHandle, _ bytes: [UInt8]) {
        let descriptor = handle.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if count > 0 {
                offset += count
            } else if count < 0 && errno != EINTR {
                return
            }
        }
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File access for the commands: read a path or `-` (stdin), write new files without clobbering.
enum FileIO {
    static func read(_ path: String) throws(CLIFailure) -> [UInt8] {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .usage("error: cannot read '\(path)'")
        }
        return Array(data)
    }

    static func readText(_ path: String) throws(CLIFailure) -> String {
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .usage("error: '\(path)' is not UTF-8 text")
        }
        return text
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Writes `bytes` to a file that must not exist yet, with `mode` from the start (no window in which
    /// a private key is world-readable), and flushes it to disk.
    static func writeNew(_ path: String, _ bytes: [UInt8], mode: mode_t) throws(CLIFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
            throw .usage("error: cannot create '\(path)': \(reason)")
        }
        defer { close(descriptor) }
        try writeAll(descriptor, bytes, path: path)
        _ = fchmod(descriptor, mode)
        guard fsync(descriptor) == 0 else { throw .usage("error: cannot flush '\(path)'") }
    }

    /// Writes to `path`, replacing it, or to stdout for nil or `-`.
    static func write(_ bytes: [UInt8], to path: String?) throws(CLIFailure) {
        guard let path, path != "-" else {
            try writeAll(STDOUT_FILENO, bytes, path: "standard output")
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw .usage("error: cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try writeAll(descriptor, bytes, path: path)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(CLIFailure) {
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .usage("error: cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
            written += result
        }
    }
}

/// The POSIX `write`, named apart from ``FileIO/write(_:to:)``.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

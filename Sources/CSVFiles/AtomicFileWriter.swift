#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file through a temporary sibling renamed into place on ``commit()``: a reader never sees half an
/// output, and a run that fails midway leaves the previous file as it was (the temporary file is removed when
/// the writer is released uncommitted).
public final class AtomicFileWriter {
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var pending: [UInt8] = []
    private var committed = false
    private static let flushThreshold = 1 << 20

    public init(path: String) throws(CSVFileError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = "\(directory).\(name).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw Self.failure("cannot create a file next to '\(path)'") }
        pending.reserveCapacity(Self.flushThreshold + 4096)
    }

    deinit {
        if !committed {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
        }
    }

    /// Appends one CSV record (the fields are quoted where RFC 4180 needs it) and a LF.
    public func writeRecord(_ fields: [String]) throws(CSVFileError) {
        for (position, field) in fields.enumerated() {
            if position > 0 { pending.append(UInt8(ascii: ",")) }
            Self.appendField(field, to: &pending)
        }
        pending.append(UInt8(ascii: "\n"))
        if pending.count >= Self.flushThreshold { try flush() }
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws(CSVFileError) {
        try flush()
        guard fsync(descriptor) == 0 else { throw Self.failure("cannot flush '\(path)'") }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else { throw Self.failure("cannot write '\(path)'") }
        committed = true
    }

    private func flush() throws(CSVFileError) {
        var written = 0
        while written < pending.count {
            let count = pending[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot write '\(path)'")
            }
            written += count
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break.
    static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let special: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        guard field.utf8.contains(where: special.contains) else {
            bytes.append(contentsOf: field.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func failure(_ what: String) -> CSVFileError {
        CSVFileError(.access, "\(what): \(String(cString: strerror(errno)))")
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One record of a CSV file: its fields and the physical line it starts on (1-based, for error messages).
public struct CSVRow: Sendable, Equatable {
    public var fields: [String]
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// A streaming RFC 4180 reader: fixed-size reads of the file, byte-level parsing, one row at a time, so a
/// file of a million rows is never held in memory.
///
/// - Fields are separated by the delimiter (`,` by default); records end with CRLF, LF or a lone CR.
/// - A field that starts with `"` is quoted: it may contain delimiters, line breaks and `""` for a quote, and
///   after its closing quote only a delimiter or the end of the record may follow.
/// - A `"` inside an unquoted field is kept as a literal character (`5'11"`), as spreadsheet exports write it.
/// - A UTF-8 byte-order mark at the start is skipped; every field must be valid UTF-8.
/// - Empty lines are skipped (a one-column file cannot express an empty value with them anyway).
public final class CSVReader {
    public let path: String
    private let descriptor: Int32
    private let delimiter: UInt8
    private var buffer: [UInt8]
    private var position = 0
    private var end = 0
    private var reachedEndOfFile = false
    private var line = 1
    /// A record ended with CR: an LF right after it belongs to the same line break.
    private var skipLineFeed = false
    private var fieldBytes: [UInt8] = []
    private var fieldCountHint = 8

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Opens `path`. `bufferSize` is the read size, at least 4 (tests use tiny ones to put every construct
    /// across a buffer boundary).
    public init(path: String, delimiter: UInt8 = UInt8(ascii: ","), bufferSize: Int = 1 << 20) throws(CSVFileError) {
        self.path = path
        self.delimiter = delimiter
        self.buffer = [UInt8](repeating: 0, count: max(bufferSize, 4))
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CSVFileError(.access, "cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        try skipByteOrderMark()
    }

    deinit { close(descriptor) }

    /// The next non-empty record, or nil at the end of the file.
    public func nextRow() throws(CSVFileError) -> CSVRow? {
        var fields: [String] = []
        fields.reserveCapacity(fieldCountHint)
        fieldBytes.removeAll(keepingCapacity: true)
        var startLine = line
        var inQuotes = false
        var fieldWasQuoted = false
        var quoteClosed = false
        var atFieldStart = true
        while true {
            if position == end, try !refill() { break }
            let byte = buffer[position]
            position += 1
            if skipLineFeed {
                skipLineFeed = false
                if byte == Self.lineFeed { continue }
            }
            if inQuotes {
                if byte == Self.quote {
                    inQuotes = false
                    quoteClosed = true
                } else {
                    // Line breaks inside quotes are content (CRLF stays CRLF); only LF advances the count.
                    if byte == Self.lineFeed { line += 1 }
                    fieldBytes.append(byte)
                    appendQuotedRun()
                }
                continue
            }
            if quoteClosed && byte == Self.quote {
                // `""` inside a quoted field: a literal quote, and the field goes on.
                fieldBytes.append(Self.quote)
                inQuotes = true
                quoteClosed = false
                continue
            }
            if byte == delimiter {
                fields.append(try finishField(number: fields.count + 1, line: startLine))
                atFieldStart = true
                fieldWasQuoted = false
                quoteClosed = false
                continue
            }
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                countLineBreak(byte)
                if fields.isEmpty && atFieldStart && !fieldWasQuoted {
                    startLine = line
                    continue
                }
                fields.append(try finishField(number: fields.count + 1, line: startLine))
                fieldCountHint = fields.count
                return CSVRow(fields: fields, line: startLine)
            }
            if quoteClosed {
                throw .content(
                    path, line: line,
                    "column \(fields.count + 1): text after the closing quote of a quoted field "
                        + "(a quote inside a quoted field is written as two quotes)")
            }
            if atFieldStart && byte == Self.quote {
                inQuotes = true
                fieldWasQuoted = true
                atFieldStart = false
                continue
            }
            atFieldStart = false
            fieldBytes.append(byte)
            appendUnquotedRun()
        }
        if inQuotes {
            throw .content(path, line: startLine, "column \(fields.count + 1): a quoted field is never closed")
        }
        if fields.isEmpty && atFieldStart && !fieldWasQuoted { return nil }
        fields.append(try finishField(number: fields.count + 1, line: startLine))
        return CSVRow(fields: fields, line: startLine)
    }

    /// Copies the bytes up to the next delimiter or line break in one go (a quote there is a literal character).
    private func appendUnquotedRun() {
        var stop = position
        while stop < end {
            let byte = buffer[stop]
            if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            stop += 1
        }
        fieldBytes.append(contentsOf: buffer[position..<stop])
        position = stop
    }

    /// Copies the bytes up to the next quote or line break (line breaks are counted by the caller).
    private func appendQuotedRun() {
        var stop = position
        while stop < end {
            let byte = buffer[stop]
            if byte == Self.quote || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            stop += 1
        }
        fieldBytes.append(contentsOf: buffer[position..<stop])
        position = stop
    }

    private func countLineBreak(_ byte: UInt8) {
        line += 1
        if byte == Self.carriageReturn { skipLineFeed = true }
    }

    private func finishField(number: Int, line: Int) throws(CSVFileError) -> String {
        defer { fieldBytes.removeAll(keepingCapacity: true) }
        guard let text = String(validating: fieldBytes, as: UTF8.self) else {
            throw .content(path, line: line, "column \(number) is not valid UTF-8 (save the file as UTF-8)")
        }
        return text
    }

    /// Reads the next block into the buffer; false at the end of the file.
    private func refill() throws(CSVFileError) -> Bool {
        if reachedEndOfFile { return false }
        position = 0
        end = try readBlock(at: 0)
        return end > 0
    }

    /// Reads until the first three bytes are in the buffer (or the file is shorter) and steps over a BOM.
    private func skipByteOrderMark() throws(CSVFileError) {
        while end < Self.byteOrderMark.count && !reachedEndOfFile {
            end += try readBlock(at: end)
        }
        if buffer.prefix(end).starts(with: Self.byteOrderMark) { position = Self.byteOrderMark.count }
    }

    /// One `read(2)` into the buffer from `offset`, retried on EINTR; 0 marks the end of the file.
    private func readBlock(at offset: Int) throws(CSVFileError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count >= 0 {
                if count == 0 { reachedEndOfFile = true }
                return count
            }
            if errno != EINTR {
                throw CSVFileError(.access, "cannot read '\(path)': \(String(cString: strerror(errno)))")
            }
        }
    }
}

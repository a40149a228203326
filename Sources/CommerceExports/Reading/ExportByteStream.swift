import Foundation

/// The bytes of an export, read in 1 MiB chunks so that a file of a million orders never sits in memory
/// whole: it hands out one line (JSON Lines) or one top-level JSON value (pretty-printed documents) at a
/// time, and counts lines for provenance.
struct ExportByteStream {
    static let chunkSize = 1 << 20
    /// The largest line or single JSON value held at once; larger ones are refused (export JSON Lines).
    static let maximumUnitSize = 256 << 20

    private let handle: FileHandle?
    private var buffer: [UInt8]
    /// The first byte not yet handed out.
    private var start = 0
    private var atEnd: Bool
    /// The 1-based line of the byte at `start`.
    private(set) var line = 1

    init(contentsOf url: URL) throws(CommerceFormatError) {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw CommerceFormatError(.unreadableFile, "cannot open the file: \(error.localizedDescription)")
        }
        buffer = []
        atEnd = false
    }

    init(bytes: [UInt8]) {
        handle = nil
        buffer = bytes
        atEnd = true
    }

    /// Skips a UTF-8 byte order mark at the very start (spreadsheet tools write one).
    mutating func skipByteOrderMark() throws(CommerceFormatError) {
        while buffer.count - start < 3, try readMore() {}
        if buffer[start...].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
    }

    /// Skips whitespace, counting lines; false when nothing but whitespace is left.
    mutating func skipWhitespace() throws(CommerceFormatError) -> Bool {
        repeat {
            while start < buffer.count {
                let byte = buffer[start]
                guard JSONExtentScanner.isWhitespace(byte) else { return true }
                if byte == UInt8(ascii: "\n") { line += 1 }
                start += 1
            }
        } while try readMore()
        return false
    }

    /// Whether the value at the current position is complete on its line, as in JSON Lines, rather than
    /// spread over several lines, as in a pretty-printed document. Consumes nothing.
    mutating func valueEndsOnItsLine() throws(CommerceFormatError) -> Bool {
        guard start < buffer.count, buffer[start] == UInt8(ascii: "{") || buffer[start] == UInt8(ascii: "[") else {
            return true
        }
        let lineEnd = try endOfLine()
        var scanner = JSONExtentScanner()
        return buffer.withUnsafeBufferPointer { scanner.scan($0, start..<lineEnd) } != nil
    }

    /// The next line without its line break, with its number; nil at the end of the input.
    mutating func nextLine() throws(CommerceFormatError) -> (line: Int, bytes: ArraySlice<UInt8>)? {
        if start == buffer.count {
            guard try readMore() else { return nil }
        }
        let lineEnd = try endOfLine()
        var contentEnd = lineEnd
        if contentEnd > start, buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        let number = line
        let bytes = buffer[start..<contentEnd]
        start = min(lineEnd + 1, buffer.count)
        line += 1
        return (number, bytes)
    }

    /// The next top-level JSON value, which may span lines, with the line it starts on; nil at the end of the
    /// input. Input that does not open an object or array is handed out up to the end of its line, for the
    /// parser to describe.
    mutating func nextValue() throws(CommerceFormatError) -> (line: Int, bytes: ArraySlice<UInt8>)? {
        guard try skipWhitespace() else { return nil }
        guard buffer[start] == UInt8(ascii: "{") || buffer[start] == UInt8(ascii: "[") else { return try nextLine() }
        let number = line
        var scanner = JSONExtentScanner()
        var scanned = 0
        while true {
            let from = start + scanned
            if let end = buffer.withUnsafeBufferPointer({ scanner.scan($0, from..<$0.count) }) {
                let bytes = buffer[start..<end]
                line += bytes.count { $0 == UInt8(ascii: "\n") }
                start = end
                return (number, bytes)
            }
            scanned = buffer.count - start
            guard scanned <= Self.maximumUnitSize else {
                throw CommerceFormatError(
                    .unreadableFile,
                    "the JSON value starting on line \(number) is larger than 256 MiB; export JSON Lines instead")
            }
            guard try readMore() else {
                throw CommerceFormatError(
                    .unreadableFile, "the JSON value starting on line \(number) is not closed before the file ends")
            }
        }
    }

    /// The index of the line break ending the current line (or the end of the input), reading more as needed.
    private mutating func endOfLine() throws(CommerceFormatError) -> Int {
        var searched = 0
        while true {
            if let newline = buffer[(start + searched)...].firstIndex(of: UInt8(ascii: "\n")) { return newline }
            searched = buffer.count - start
            guard searched <= Self.maximumUnitSize else {
                throw CommerceFormatError(
                    .unreadableFile, "line \(line) is longer than 256 MiB; is this a JSON Lines export?")
            }
            guard try readMore() else { return buffer.count }
        }
    }

    /// Appends the next chunk after dropping the bytes already handed out (so indices shift to `start` = 0);
    /// false at the end of the input.
    private mutating func readMore() throws(CommerceFormatError) -> Bool {
        guard let handle, !atEnd else { return false }
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw CommerceFormatError(.unreadableFile, "reading the file failed: \(error.localizedDescription)")
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }
}

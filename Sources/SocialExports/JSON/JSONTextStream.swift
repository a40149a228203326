public import Foundation

/// Splits a large JSON text file into its top-level values without parsing them, reading it in chunks:
/// JSON Lines (one value per line), one array (each element), or values one after another (a single
/// pretty-printed object, or compact objects back to back). Each value comes with the line and byte
/// offset where it starts, so that a bad one can be reported and skipped while the rest is read.
///
/// Memory stays bounded by the largest single value plus one chunk, whatever the file's size.
///
/// ```swift
/// var stream = try JSONTextStream(url: URL(fileURLWithPath: "claims.jsonl"), layout: .lines)
/// while let value = try stream.next() {
///     print(value.line, value.bytes.count)
/// }
/// ```
public struct JSONTextStream {
    public enum Layout: Sendable {
        /// One value per line; blank lines are skipped. A bad line never affects the next.
        case lines
        /// One top-level array; its elements are the values.
        case array
        /// Values one after another, separated by optional whitespace.
        case sequence
    }

    /// One top-level value's bytes and where it starts.
    public struct Value: Sendable {
        public var bytes: [UInt8]
        /// 1-based line of the value's first byte.
        public var line: Int
        /// 0-based byte offset of the value's first byte.
        public var offset: Int64
    }

    public private(set) var layout: Layout
    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    /// Index in ``buffer`` of the first byte not yet consumed.
    private var position = 0
    /// File offset of `buffer[0]`.
    private var bufferOffset: Int64 = 0
    /// Line number at ``position``.
    private var line = 1
    private var atEnd = false
    private var arrayState = ArrayState.beforeArray

    private enum ArrayState {
        case beforeArray, firstElement, afterElement, finished
    }

    /// Opens `url`. With no `layout`, a file whose first value starts with `[` is an array and any other
    /// is a sequence of values.
    public init(url: URL, layout: Layout?, chunkSize: Int = 1 << 20) throws(SocialExportError) {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw SocialExportError(.unreadable, "cannot be opened (\(error.localizedDescription))")
        }
        self.chunkSize = max(1, chunkSize)
        self.layout = .lines
        if try byte(at: 0) == 0xEF, try byte(at: 1) == 0xBB, try byte(at: 2) == 0xBF { position = 3 }
        if let layout {
            self.layout = layout
        } else {
            try skipWhitespace()
            self.layout = try byte(at: position) == UInt8(ascii: "[") ? .array : .sequence
        }
    }

    /// The next top-level value, or nil at the end of the file. Throws code `unreadable` when the rest of
    /// the file cannot be split into values (a value that never ends, text after the array).
    public mutating func next() throws(SocialExportError) -> Value? {
        compact()
        switch layout {
        case .lines: return try nextLine()
        case .sequence:
            try skipWhitespace()
            guard try byte(at: position) != nil else { return nil }
            return take(until: try endOfValue(from: position))
        case .array: return try nextElement()
        }
    }

    private mutating func nextLine() throws(SocialExportError) -> Value? {
        while true {
            guard try byte(at: position) != nil else { return nil }
            var end = position
            while true {
                if let newline = buffer[end...].firstIndex(of: 0x0A) {
                    end = newline
                    break
                }
                end = buffer.count
                guard try refill() else { break }
            }
            var contentEnd = end
            if contentEnd > position, buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let isBlank = buffer[position..<contentEnd].allSatisfy(Self.isWhitespace)
            let value = Value(
                bytes: Array(buffer[position..<contentEnd]), line: line, offset: bufferOffset + Int64(position))
            position = min(end + 1, buffer.count)
            line += 1
            if !isBlank { return value }
        }
    }

    private mutating func nextElement() throws(SocialExportError) -> Value? {
        try skipWhitespace()
        switch arrayState {
        case .finished:
            return nil
        case .beforeArray:
            guard try byte(at: position) == UInt8(ascii: "[") else {
                throw SocialExportError(.notAnExport, "does not hold a JSON array")
            }
            position += 1
            arrayState = .firstElement
            return try nextElement()
        case .firstElement, .afterElement:
            let current = try byte(at: position)
            if current == UInt8(ascii: "]") {
                position += 1
                arrayState = .finished
                try skipWhitespace()
                guard try byte(at: position) == nil else { throw unreadable("has content after the closing ']'") }
                return nil
            }
            if arrayState == .afterElement {
                guard current == UInt8(ascii: ",") else { throw unreadable("expected ',' or ']' between elements") }
                position += 1
                try skipWhitespace()
            }
            guard let first = try byte(at: position), first != UInt8(ascii: ","), first != UInt8(ascii: "]") else {
                throw unreadable("expected an array element")
            }
            arrayState = .afterElement
            return take(until: try endOfValue(from: position))
        }
    }

    /// Consumes `buffer[position..<end]` as a value.
    private mutating func take(until end: Int) -> Value {
        let bytes = Array(buffer[position..<end])
        let value = Value(bytes: bytes, line: line, offset: bufferOffset + Int64(position))
        line += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        position = end
        return value
    }

    /// The index just past the value that starts at `start`: balanced brackets outside strings for
    /// objects and arrays, the closing quote for strings, the next delimiter for other scalars.
    private mutating func endOfValue(from start: Int) throws(SocialExportError) -> Int {
        var depth = 0
        var inString = false
        var escaped = false
        let opening = buffer[start]
        let isScalar = opening != UInt8(ascii: "{") && opening != UInt8(ascii: "[") && opening != UInt8(ascii: "\"")
        var index = start
        while true {
            let end = buffer.count
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                while index < end {
                    let byte = bytes[index]
                    if isScalar {
                        if Self.isDelimiter(byte) { return index }
                    } else if inString {
                        if escaped {
                            escaped = false
                        } else if byte == UInt8(ascii: "\\") {
                            escaped = true
                        } else if byte == UInt8(ascii: "\"") {
                            inString = false
                            if depth == 0 { return index + 1 }
                        }
                    } else if byte == UInt8(ascii: "\"") {
                        inString = true
                    } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                        depth += 1
                    } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                        depth -= 1
                        if depth == 0 { return index + 1 }
                    }
                    index += 1
                }
                return nil
            }
            if let found { return found }
            guard try refill() else {
                if isScalar { return buffer.count }
                throw unreadable("the JSON value starting on line \(line) does not end before the end of the file")
            }
        }
    }

    private mutating func skipWhitespace() throws(SocialExportError) {
        while let current = try byte(at: position), Self.isWhitespace(current) {
            if current == 0x0A { line += 1 }
            position += 1
        }
    }

    /// The byte at `index` of the buffer, reading more of the file as needed; nil past the end.
    private mutating func byte(at index: Int) throws(SocialExportError) -> UInt8? {
        while index >= buffer.count {
            guard try refill() else { return nil }
        }
        return buffer[index]
    }

    /// Appends the next chunk of the file; false at the end.
    private mutating func refill() throws(SocialExportError) -> Bool {
        guard !atEnd else { return false }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: chunkSize)
        } catch {
            throw unreadable("cannot be read (\(error.localizedDescription))")
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// Drops consumed bytes once they outweigh a chunk, so the buffer does not grow with the file.
    private mutating func compact() {
        guard position >= chunkSize else { return }
        buffer.removeSubrange(0..<position)
        bufferOffset += Int64(position)
        position = 0
    }

    private func unreadable(_ message: String) -> SocialExportError {
        SocialExportError(.unreadable, "line \(line): \(message)")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        isWhitespace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
    }
}

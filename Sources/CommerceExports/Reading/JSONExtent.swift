/// Finds where JSON values end without parsing them: the byte-level scan that splits a stream of
/// pretty-printed values and locates the elements of a wrapper document, before and apart from the strict
/// parse of each value. Strings are skipped with their escapes, so brackets inside them do not count.
struct JSONExtentScanner {
    private var depth = 0
    private var inString = false
    private var escaped = false

    /// Scans `bytes[range]`, continuing where the previous call stopped: the first byte of the first call
    /// must open the value (`{`, `[` or `"`). Returns the index just past the value's last byte, or nil
    /// when the value continues beyond `range`.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            index += 1
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 { return index }
            default:
                break
            }
        }
        return nil
    }

    /// The index just past the value starting at `start` in complete, valid JSON: containers and strings by
    /// the scan, other scalars up to the next delimiter.
    static func end(ofValueAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        switch bytes[start] {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""):
            var scanner = JSONExtentScanner()
            return scanner.scan(bytes, start..<bytes.count) ?? bytes.count
        default:
            var index = start
            while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
            return index
        }
    }

    /// The start offsets of the children of the object or array at `start` (an object's member values, an
    /// array's elements) in complete, valid JSON.
    static func childStarts(ofContainerAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        let isObject = bytes[start] == UInt8(ascii: "{")
        var starts: [Int] = []
        var index = skipWhitespace(from: start + 1, in: bytes)
        while index < bytes.count, bytes[index] != UInt8(ascii: "}"), bytes[index] != UInt8(ascii: "]") {
            if isObject {
                // The member name, then the colon.
                index = skipWhitespace(from: end(ofValueAt: index, in: bytes), in: bytes) + 1
                index = skipWhitespace(from: index, in: bytes)
            }
            starts.append(index)
            index = skipWhitespace(from: end(ofValueAt: index, in: bytes), in: bytes)
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                index = skipWhitespace(from: index + 1, in: bytes)
            }
        }
        return starts
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        isWhitespace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
    }

    private static func skipWhitespace(from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
        return index
    }
}

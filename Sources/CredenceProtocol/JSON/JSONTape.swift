/// A strict JSON document as a flat list of value positions in its bytes, built in one pass without a
/// ``JSONValue`` per value: a string, number or member name is kept as where its bytes lie, and a decoder
/// reads only what it needs, straight from the bytes (``BatchPayloadReader``).
///
/// It accepts exactly what ``StrictJSONParser`` accepts, through the same lexical rules (``StrictParser``),
/// except that it does not look for duplicate member names: a reader looks names up and must count them (as
/// ``FastBatchDecoder``'s `Fields` does). Building answers nil instead of an error: the caller then parses
/// with ``StrictJSONParser``, whose error stands.
struct JSONTape {
    enum Kind: UInt8 {
        case null, `true`, `false`, number, string, array, object
    }

    /// One value (or member name). Offsets are 32-bit: a batch is far below 4 GiB (the aggregator caps bodies
    /// long before), and the entries of a batch's ~40 values per record stay small.
    struct Entry {
        var kind: Kind
        /// A string whose bytes hold an escape: its value is not its bytes.
        var isEscaped = false
        /// Strings: the bytes between the quotes; numbers: the literal; containers: from the bracket to just
        /// past the closing one.
        var start: UInt32
        var end: UInt32
        /// The index of the entry after this value and everything inside it.
        var next: UInt32 = 0
        /// Members of an object, elements of an array.
        var count: UInt32 = 0
    }

    private(set) var entries: [Entry] = []

    /// The tape of the one JSON value `bytes` holds, or nil when `bytes` are not strict JSON (or too large).
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count < Int(UInt32.max) else { return nil }
        var builder = Builder(lexer: StrictParser(bytes: bytes))
        // About one value per 10 bytes in a batch: one allocation for most payloads.
        builder.entries.reserveCapacity(bytes.count / 8 + 4)
        do throws(ProtocolError) {
            builder.lexer.skipWhitespace()
            try builder.value(depth: 0)
            builder.lexer.skipWhitespace()
            guard builder.lexer.position == bytes.count else { return nil }
        } catch {
            return nil
        }
        entries = builder.entries
    }

    /// Whether any of eight bytes is a quote, a backslash, a control character or not ASCII (the classic
    /// SWAR tests: `x - 0x01..` borrows into a byte's high bit exactly when some byte is zero, and
    /// `x - 0x20..` when some byte is below 0x20; both are exact as to whether, not where).
    static func mayEndPlainString(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highBits != 0 }
        let belowSpace = (word &- ones &* 0x20) & ~word & highBits != 0
        return word & highBits != 0 || belowSpace || hasZeroByte(word ^ (ones &* 0x22))
            || hasZeroByte(word ^ (ones &* 0x5C))
    }

    private struct Builder {
        var lexer: StrictParser
        var entries: [Entry] = []

        var bytes: UnsafeBufferPointer<UInt8> { lexer.bytes }

        func failure() -> ProtocolError { lexer.error("not strict JSON") }

        mutating func value(depth: Int) throws(ProtocolError) {
            guard depth <= StrictJSONParser.maximumDepth, lexer.position < bytes.count else { throw failure() }
            let start = UInt32(lexer.position)
            switch bytes[lexer.position] {
            case UInt8(ascii: "{"): try container(.object, closing: UInt8(ascii: "}"), depth: depth)
            case UInt8(ascii: "["): try container(.array, closing: UInt8(ascii: "]"), depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal(.true, "true", start: start)
            case UInt8(ascii: "f"): try literal(.false, "false", start: start)
            case UInt8(ascii: "n"): try literal(.null, "null", start: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try lexer.skipNumber()
                append(Entry(kind: .number, start: start, end: UInt32(lexer.position)))
            default: throw failure()
            }
        }

        mutating func append(_ entry: Entry) {
            var entry = entry
            entry.next = UInt32(entries.count + 1)
            entries.append(entry)
        }

        mutating func literal(_ kind: Kind, _ text: StaticString, start: UInt32) throws(ProtocolError) {
            try lexer.expectLiteral(text)
            append(Entry(kind: kind, start: start, end: UInt32(lexer.position)))
        }

        /// An object's entries are its members' name and value entries, in document order.
        mutating func container(_ kind: Kind, closing: UInt8, depth: Int) throws(ProtocolError) {
            let index = entries.count
            entries.append(Entry(kind: kind, start: UInt32(lexer.position), end: 0))
            lexer.position += 1
            lexer.skipWhitespace()
            var count: UInt32 = 0
            if lexer.position < bytes.count, bytes[lexer.position] == closing {
                lexer.position += 1
            } else {
                while true {
                    lexer.skipWhitespace()
                    if kind == .object {
                        guard lexer.position < bytes.count, bytes[lexer.position] == UInt8(ascii: "\"") else {
                            throw failure()
                        }
                        try string()
                        lexer.skipWhitespace()
                        guard lexer.position < bytes.count, bytes[lexer.position] == UInt8(ascii: ":") else {
                            throw failure()
                        }
                        lexer.position += 1
                        lexer.skipWhitespace()
                    }
                    try value(depth: depth + 1)
                    count += 1
                    lexer.skipWhitespace()
                    guard lexer.position < bytes.count else { throw failure() }
                    if bytes[lexer.position] == UInt8(ascii: ",") {
                        lexer.position += 1
                        continue
                    }
                    guard bytes[lexer.position] == closing else { throw failure() }
                    lexer.position += 1
                    break
                }
            }
            entries[index].end = UInt32(lexer.position)
            entries[index].count = count
            entries[index].next = UInt32(entries.count)
        }

        /// Plain ASCII strings (nearly all of a batch's) are only scanned; any other is checked by the parser's
        /// own string rules (escapes, surrogates, UTF-8), and its value is made from the bytes when read.
        mutating func string() throws(ProtocolError) {
            let quote = lexer.position
            var position = quote + 1
            // Eight bytes at a time while none of them can end a plain run: base64 and tokens make most of a
            // batch's bytes, and an envelope's payload is one string of hundreds of kilobytes.
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while position + 8 <= bytes.count,
                    !JSONTape.mayEndPlainString(base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                {
                    position += 8
                }
            }
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    append(Entry(kind: .string, start: UInt32(quote + 1), end: UInt32(position)))
                    lexer.position = position + 1
                    return
                }
                if byte < 0x20 { throw failure() }
                if byte == UInt8(ascii: "\\") || byte >= 0x80 { break }
                position += 1
            }
            _ = try lexer.parseString()
            let content = UnsafeBufferPointer(rebasing: bytes[(quote + 1)..<(lexer.position - 1)])
            append(
                Entry(
                    kind: .string, isEscaped: content.contains(UInt8(ascii: "\\")), start: UInt32(quote + 1),
                    end: UInt32(lexer.position - 1)))
        }
    }
}

import CredencePrimitives

/// An RFC 8259 parser that refuses what other parsers quietly accept.
///
/// Signed data must mean one thing to every reader, so this parser rejects: duplicate member names
/// (parsers disagree on which one wins), invalid UTF-8, unpaired surrogate escapes, a byte order mark,
/// trailing content, and nesting deeper than ``maximumDepth``.
///
/// ```swift
/// let value = try StrictJSONParser.parse(Array(#"{"a": 1}"#.utf8))
/// ```
public enum StrictJSONParser {
    public static let maximumDepth = 128

    public static func parse(_ bytes: some Collection<UInt8>) throws(ProtocolError) -> JSONValue {
        try parse(bytes, spansOfArrayMember: nil).value
    }

    /// Parses `bytes` and also returns where each element of the top-level object's array member `member` lies in
    /// them (empty when there is no such array): a store can keep a batch's records as slices of the bytes the
    /// partner signed instead of serializing each again.
    public static func parse(_ bytes: some Collection<UInt8>, spansOfArrayMember member: String?)
        throws(ProtocolError) -> (value: JSONValue, spans: [Range<Int>])
    {
        let result: Result<(JSONValue, [Range<Int>]), ProtocolError>? = bytes.withContiguousStorageIfAvailable {
            buffer in parseBuffer(buffer, spansOf: member)
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { parseBuffer($0, spansOf: member) }.get()
    }

    private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>, spansOf member: String?)
        -> Result<(JSONValue, [Range<Int>]), ProtocolError>
    {
        var parser = StrictParser(bytes: buffer)
        parser.spannedMember = member
        do throws(ProtocolError) {
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            guard parser.position == buffer.count else {
                throw parser.error("unexpected content after the JSON value")
            }
            return .success((value, parser.spans))
        } catch {
            return .failure(error)
        }
    }
}

/// The strict grammar over a byte buffer: ``StrictJSONParser`` builds values with it, and ``JSONTape`` uses its
/// lexical rules (strings, numbers, literals, whitespace) so that both accept exactly the same documents.
struct StrictParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// The member names and array indices leading to the value being parsed. Only a duplicate member's
    /// error names its place, so the parser keeps a stack and builds a ``JSONPointer`` from it only then,
    /// instead of a pointer per value.
    var path: [PathComponent] = []
    /// The top-level member whose array elements' byte ranges are collected into `spans`.
    var spannedMember: String?
    var spans: [Range<Int>] = []

    enum PathComponent {
        case name(String)
        case index(Int)
    }

    var pointer: JSONPointer {
        JSONPointer(
            tokens: path.map { component in
                switch component {
                case .name(let name): name
                case .index(let index): String(index)
                }
            })
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func error(_ message: String, pointer: JSONPointer? = nil) -> ProtocolError {
        ProtocolError(.malformedJSON, "malformed JSON at byte \(position): \(message)", pointer: pointer)
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(ProtocolError) -> JSONValue {
        guard depth <= StrictJSONParser.maximumDepth else {
            throw error("nesting deeper than \(StrictJSONParser.maximumDepth) levels")
        }
        guard position < bytes.count else { throw error("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case 0xEF: throw error("a byte order mark is not allowed")
        default: throw error("unexpected character")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(ProtocolError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("unexpected end of input") }
        for index in 0..<count where bytes[position + index] != literal.utf8Start[index] {
            throw error("invalid literal")
        }
        position += count
    }

    mutating func parseObject(depth: Int) throws(ProtocolError) -> JSONValue {
        position += 1
        var object = JSONObject()
        // Compared as UTF-8 bytes: Swift's String equality treats canonically equivalent spellings as equal,
        // while other parsers keep them as distinct members. Small objects (all of a batch's) compare with
        // the names so far; a set pays off only for large ones.
        var seen = Set<[UInt8]>()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a member name")
            }
            let name = try parseString()
            let duplicate: Bool
            if object.members.count < Self.linearDuplicateCheckLimit {
                // Equal bytes imply equal Strings, and String equality of short names compares two words.
                duplicate = object.members.contains { $0.name == name && sameUTF8($0.name, name) }
            } else {
                if seen.isEmpty { seen = Set(object.members.map { Array($0.name.utf8) }) }
                duplicate = !seen.insert(Array(name.utf8)).inserted
            }
            guard !duplicate else {
                let pointer = self.pointer
                throw ProtocolError(
                    .duplicateMember,
                    "the JSON object at '\(pointer)' has the member '\(name)' twice, which is ambiguous",
                    pointer: pointer.appending(name)
                )
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
            position += 1
            skipWhitespace()
            path.append(.name(name))
            let value = try parseValue(depth: depth + 1)
            path.removeLast()
            object.append(name: name, value: value)
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
            position += 1
            return .object(object)
        }
    }

    mutating func parseArray(depth: Int) throws(ProtocolError) -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        let spansElements = depth == 1 && spannedMember != nil && isAtSpannedMember
        while true {
            skipWhitespace()
            path.append(.index(elements.count))
            let start = position
            elements.append(try parseValue(depth: depth + 1))
            if spansElements { spans.append(start..<position) }
            path.removeLast()
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
            position += 1
            return .array(elements)
        }
    }

    mutating func parseNumber() throws(ProtocolError) -> String {
        let start = position
        try skipNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// Checks the number at `position` against the RFC 8259 grammar and moves past it.
    mutating func skipNumber() throws(ProtocolError) {
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("invalid number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw error("leading zeros are not allowed") }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("invalid fraction") }
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("invalid exponent") }
            skipDigits()
        }
    }

    static let linearDuplicateCheckLimit = 16

    /// Whether the value being parsed is the top-level object's member `spannedMember`.
    var isAtSpannedMember: Bool {
        guard path.count == 1, case .name(let name) = path[0], let spannedMember else { return false }
        return name == spannedMember
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    mutating func parseString() throws(ProtocolError) -> String {
        position += 1
        let start = position
        // Fast path: most strings (and every base64 payload) have no escapes.
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<position])
                // ASCII is valid UTF-8: no validation pass for the common case.
                let string = ascii ? String(decoding: utf8, as: UTF8.self) : try makeString(utf8)
                position += 1
                return string
            }
            ascii = ascii && byte < 0x80
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("control character in a string") }
            position += 1
        }
        var unescaped = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return try unescaped.withUnsafeBufferPointer { buffer throws(ProtocolError) in try makeString(buffer) }
            case UInt8(ascii: "\\"):
                position += 1
                try appendEscape(to: &unescaped)
            case 0..<0x20:
                throw error("control character in a string")
            default:
                unescaped.append(byte)
                position += 1
            }
        }
        throw error("unterminated string")
    }

    func makeString(_ utf8: UnsafeBufferPointer<UInt8>) throws(ProtocolError) -> String {
        guard let string = String(validating: utf8, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
        return string
    }

    mutating func appendEscape(to output: inout [UInt8]) throws(ProtocolError) {
        guard position < bytes.count else { throw error("unterminated escape") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): output.append(0x22)
        case UInt8(ascii: "\\"): output.append(0x5C)
        case UInt8(ascii: "/"): output.append(0x2F)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw error("unpaired surrogate escape") }
                position += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("unpaired surrogate escape")
            }
            guard let unicodeScalar = Unicode.Scalar(scalar) else { throw error("invalid escape") }
            output.append(contentsOf: Array(String(Character(unicodeScalar)).utf8))
        default:
            throw error("invalid escape")
        }
    }

    mutating func parseHex4() throws(ProtocolError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Hex.digitValue(bytes[position]) else { throw error("invalid \\u escape") }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}

/// Whether two strings have the same UTF-8 bytes (not merely canonically equivalent contents).
func sameUTF8(_ lhs: String, _ rhs: String) -> Bool {
    guard lhs.utf8.count == rhs.utf8.count else { return false }
    var lhs = lhs
    var rhs = rhs
    return lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
}

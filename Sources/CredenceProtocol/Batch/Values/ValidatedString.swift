/// A string-valued wire field with a format rule, checked when decoded and when built in code.
///
/// Conformers supply ``formatDescription`` and ``isValid(_:)``; decoding, encoding and the error that
/// names the failing field come from here, so every format has one definition.
public protocol ValidatedString: Codable, Sendable, Hashable, CustomStringConvertible {
    /// What a valid value looks like, for error messages (e.g. "RFC 3339 UTC time like 2026-01-31T12:00:00Z").
    static var formatDescription: String { get }
    static func isValid(_ text: String) -> Bool
    var rawValue: String { get }
    init(unchecked rawValue: String)
}

extension ValidatedString {
    /// Accepts `text` only if it follows the format.
    public init(_ text: String) throws(ProtocolError) {
        guard Self.isValid(text) else {
            throw ProtocolError(.schemaInvalid, "'\(text.prefix(80))' is not a \(Self.formatDescription)")
        }
        self.init(unchecked: text)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard Self.isValid(text) else {
            throw ProtocolError.schema(
                "'\(text.prefix(80))' is not a \(Self.formatDescription)", at: decoder.codingPath)
        }
        self.init(unchecked: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

/// ASCII helpers for format checks.
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLowerHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= 0x61 && byte <= 0x66) }
    static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// The decimal value of `bytes[range]`, all digits, or nil.
    static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }
}

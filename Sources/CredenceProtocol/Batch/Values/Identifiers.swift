/// A partner's id in the registry: 2-64 of `a-z 0-9 . _ -`, starting with a letter or digit.
public struct PartnerID: ValidatedString {
    public static let formatDescription = "partner id (2-64 characters of a-z, 0-9, '.', '_', '-')"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (2...64).contains(bytes.count), ASCII.isLower(bytes[0]) || ASCII.isDigit(bytes[0]) else { return false }
        return bytes.allSatisfy { ASCII.isLower($0) || ASCII.isDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }
}

/// Lower-case hex SHA-256 (64 digits): batch ids and `prev_batch_sha256`.
public struct SHA256Digest: ValidatedString {
    public static let formatDescription = "lower-case hex SHA-256 digest (64 digits)"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(ASCII.isLowerHex)
    }
}

/// A keyed identifier token: base64url without padding of a 32-byte HMAC-SHA256 (43 characters).
public struct Token: ValidatedString {
    public static let formatDescription = "token (base64url of 32 bytes, 43 characters, no padding)"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func isValid(_ text: String) -> Bool {
        isUnpaddedURLSafeBase64(text, characters: 43)
    }
}

/// A keyed 1024-bit Bloom-filter encoding: base64url without padding of 128 bytes (171 characters).
public struct BloomEncoding: ValidatedString {
    public static let formatDescription = "Bloom-filter encoding (base64url of 128 bytes, 171 characters, no padding)"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func isValid(_ text: String) -> Bool {
        isUnpaddedURLSafeBase64(text, characters: 171)
    }
}

/// A short code or name from a partner's system, kept beside its normalized value (1-64 printable characters).
public struct RawCode: ValidatedString {
    public static let formatDescription = "partner code (1-64 printable characters)"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func isValid(_ text: String) -> Bool {
        // Printable ASCII (0x20-0x7E) is one scalar per byte, and letters, digits, punctuation, symbols and
        // the space are none of the refused categories: the common case needs no Unicode property lookup.
        if allBytes(of: text, satisfy: { $0 >= 0x20 && $0 <= 0x7E }) { return (1...64).contains(text.utf8.count) }
        return (1...64).contains(text.unicodeScalars.count)
            && text.unicodeScalars.allSatisfy { !$0.properties.generalCategory.isControl }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isControl: Bool {
        switch self {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: true
        default: false
        }
    }
}

/// Whether `text` is what `Base64.decodeURLSafe` accepts and has `characters` characters, one of 4n + 3 (a
/// whole number of bytes plus two, in its last 3 characters): URL-safe alphabet, no padding, and the 2 unused
/// bits of the last character zero. Checked on the characters without decoding: every record carries several
/// tokens.
private func isUnpaddedURLSafeBase64(_ text: String, characters: Int) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        guard bytes.count == characters else { return false }
        var values: UInt8 = 0
        for byte in bytes { values |= base64URLValues[Int(byte)] }
        // An invalid byte sets the high bit; the last character's value (A-Z 0-25, a-z 26-51, 0-9 52-61, '-' 62,
        // '_' 63) must be a multiple of 4.
        return values & 0x80 == 0 && base64URLValues[Int(bytes[characters - 1])] % 4 == 0
    }
}

/// Each byte's value as a base64url character, 0xFF for the bytes that are none.
private let base64URLValues: [UInt8] = (0...255).map { byte in
    switch UInt8(byte) {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt8(byte) - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0") + 52
    case UInt8(ascii: "-"): 62
    case UInt8(ascii: "_"): 63
    default: 0xFF
    }
}

/// Whether every UTF-8 byte of `text` satisfies `predicate`, over its contiguous bytes: every token and code
/// of every record is checked, and iterating a String's UTF8View byte by byte is several times slower.
private func allBytes(of text: String, satisfy predicate: (UInt8) -> Bool) -> Bool {
    var text = text
    return text.withUTF8 { $0.allSatisfy(predicate) }
}

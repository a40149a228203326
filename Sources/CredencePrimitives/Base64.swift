/// Base64 as the wire uses it (RFC 4648).
///
/// DSSE lets signers use the standard or the URL-safe alphabet, so ``decode(_:strict:)`` accepts either
/// (one alphabet per string, padding optional but correct when present). With `strict` it accepts only
/// canonical padded standard base64: one encoding per byte string, for deployments that want no leeway.
public enum Base64 {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case invalidCharacter(offset: Int)
        case mixedAlphabets
        case badLength
        case badPadding
        case nonCanonical(String)

        public var description: String {
            switch self {
            case .invalidCharacter(let offset): "invalid base64 character at offset \(offset)"
            case .mixedAlphabets: "base64 mixes the standard and URL-safe alphabets"
            case .badLength: "base64 has an impossible length"
            case .badPadding: "base64 padding is wrong"
            case .nonCanonical(let why): "not canonical padded standard base64 (\(why))"
            }
        }
    }

    private static let standardAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlSafeAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The digit's value in the low 6 bits, plus class bits that are OR-ed over a whole string so the
    /// hot loop has no per-character branches: ``invalidBit`` for a non-digit, ``standardBit`` for `+ /`,
    /// ``urlSafeBit`` for `- _`.
    private static let decodeTable: [UInt16] = {
        var table = [UInt16](repeating: invalidBit, count: 256)
        for (value, byte) in standardAlphabet.enumerated() { table[Int(byte)] = UInt16(value) }
        table[Int(UInt8(ascii: "+"))] = 62 | standardBit
        table[Int(UInt8(ascii: "/"))] = 63 | standardBit
        table[Int(UInt8(ascii: "-"))] = 62 | urlSafeBit
        table[Int(UInt8(ascii: "_"))] = 63 | urlSafeBit
        return table
    }()
    private static let invalidBit: UInt16 = 0x100
    private static let standardBit: UInt16 = 0x200
    private static let urlSafeBit: UInt16 = 0x400

    /// Standard alphabet with padding: the form this project writes into envelopes.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        encode(bytes, alphabet: standardAlphabet, padding: true)
    }

    /// URL-safe alphabet without padding: the form of tokens and Bloom-filter encodings.
    public static func encodeURLSafe(_ bytes: some Collection<UInt8>) -> String {
        encode(bytes, alphabet: urlSafeAlphabet, padding: false)
    }

    private static func encode(_ input: some Collection<UInt8>, alphabet: [UInt8], padding: Bool) -> String {
        let bytes = Array(input)
        let outputCount = padding ? (bytes.count + 2) / 3 * 4 : (bytes.count * 4 + 2) / 3
        return String(unsafeUninitializedCapacity: outputCount) { output in
            var out = 0
            var index = 0
            while index + 3 <= bytes.count {
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                output[out] = alphabet[Int(chunk >> 18 & 63)]
                output[out + 1] = alphabet[Int(chunk >> 12 & 63)]
                output[out + 2] = alphabet[Int(chunk >> 6 & 63)]
                output[out + 3] = alphabet[Int(chunk & 63)]
                out += 4
                index += 3
            }
            let remaining = bytes.count - index
            if remaining > 0 {
                let chunk = UInt32(bytes[index]) << 16 | (remaining == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
                output[out] = alphabet[Int(chunk >> 18 & 63)]
                output[out + 1] = alphabet[Int(chunk >> 12 & 63)]
                out += 2
                if remaining == 2 {
                    output[out] = alphabet[Int(chunk >> 6 & 63)]
                    out += 1
                } else if padding {
                    output[out] = UInt8(ascii: "=")
                    out += 1
                }
                if padding {
                    output[out] = UInt8(ascii: "=")
                    out += 1
                }
            }
            return out
        }
    }

    /// Decodes base64 text; see the type's documentation for what is accepted.
    public static func decode(_ text: String, strict: Bool = false) throws(Failure) -> [UInt8] {
        var text = text
        return try text.withUTF8 { buffer in
            Result { () throws(Failure) in try decode(utf8: buffer, strict: strict) }
        }.get()
    }

    /// Decodes the form tokens and Bloom-filter encodings are written in: URL-safe alphabet, no padding,
    /// unused bits zero. Exactly one text per byte string, so equal values compare equal as text.
    public static func decodeURLSafe(_ text: String) throws(Failure) -> [UInt8] {
        guard !text.utf8.contains(UInt8(ascii: "=")) else { throw .nonCanonical("padding in URL-safe base64") }
        guard !text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/") }) else {
            throw .nonCanonical("standard alphabet where URL-safe is required")
        }
        var text = text
        return try text.withUTF8 { buffer in
            Result { () throws(Failure) in try decode(utf8: buffer, strict: false, canonicalBits: true) }
        }.get()
    }

    public static func decode(utf8 input: UnsafeBufferPointer<UInt8>, strict: Bool) throws(Failure) -> [UInt8] {
        try decode(utf8: input, strict: strict, canonicalBits: strict)
    }

    private static func decode(utf8 input: UnsafeBufferPointer<UInt8>, strict: Bool, canonicalBits: Bool)
        throws(Failure) -> [UInt8]
    {
        var length = input.count
        var paddingCount = 0
        while length > 0, input[length - 1] == UInt8(ascii: "=") {
            length -= 1
            paddingCount += 1
        }
        if paddingCount > 0 {
            guard paddingCount <= 2, input.count % 4 == 0 else { throw .badPadding }
        } else if strict && input.count % 4 != 0 {
            throw .nonCanonical("padding missing")
        }
        guard length % 4 != 1 else { throw .badLength }
        if paddingCount > 0, (length + paddingCount) % 4 != 0 || (4 - length % 4) % 4 != paddingCount {
            throw .badPadding
        }
        let table = decodeTable
        var classes: UInt16 = 0
        var output = [UInt8](repeating: 0, count: length / 4 * 3 + max(0, length % 4 - 1))
        try table.withUnsafeBufferPointer { table throws(Failure) in
            try output.withUnsafeMutableBufferPointer { output throws(Failure) in
                var out = 0
                var index = 0
                while index + 4 <= length {
                    let a = table[Int(input[index])]
                    let b = table[Int(input[index + 1])]
                    let c = table[Int(input[index + 2])]
                    let d = table[Int(input[index + 3])]
                    classes |= a | b | c | d
                    let chunk = UInt32(a & 63) << 18 | UInt32(b & 63) << 12 | UInt32(c & 63) << 6 | UInt32(d & 63)
                    output[out] = UInt8(truncatingIfNeeded: chunk >> 16)
                    output[out + 1] = UInt8(truncatingIfNeeded: chunk >> 8)
                    output[out + 2] = UInt8(truncatingIfNeeded: chunk)
                    out += 3
                    index += 4
                }
                let remaining = length - index
                if remaining >= 2 {
                    let a = table[Int(input[index])]
                    let b = table[Int(input[index + 1])]
                    let c = remaining == 3 ? table[Int(input[index + 2])] : 0
                    classes |= a | b | c
                    let chunk = UInt32(a & 63) << 18 | UInt32(b & 63) << 12 | UInt32(c & 63) << 6
                    let unusedBits = remaining == 2 ? chunk & 0xFFFF : chunk & 0xFF
                    if canonicalBits && unusedBits != 0 && classes & Self.invalidBit == 0 {
                        throw .nonCanonical("unused bits are not zero")
                    }
                    output[out] = UInt8(truncatingIfNeeded: chunk >> 16)
                    if remaining == 3 { output[out + 1] = UInt8(truncatingIfNeeded: chunk >> 8) }
                }
                if classes & Self.invalidBit != 0 {
                    // Rare: find the offending character for the message.
                    var offset = 0
                    while offset < length, table[Int(input[offset])] & Self.invalidBit == 0 { offset += 1 }
                    throw Failure.invalidCharacter(offset: offset)
                }
            }
        }
        let sawStandard = classes & Self.standardBit != 0
        let sawURLSafe = classes & Self.urlSafeBit != 0
        if sawStandard && sawURLSafe { throw .mixedAlphabets }
        if strict && sawURLSafe { throw .nonCanonical("URL-safe alphabet") }
        return output
    }
}

/// base64url without padding (RFC 4648 section 5), the encoding of tokens and Bloom filters on the wire.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8: UInt8] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, UInt8($0.offset)) }
    )

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let bytes = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = UInt32(0)
            for (offset, byte) in chunk.enumerated() { value |= UInt32(byte) << (16 - 8 * offset) }
            for position in 0...chunk.count {
                output.append(alphabet[Int((value >> (18 - 6 * position)) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes canonical unpadded base64url (or standard base64 when `acceptStandard`); padding `=` is accepted
    /// only when `acceptPadding`. Returns nil for anything else, including non-zero trailing bits.
    static func decode(_ text: String, acceptStandard: Bool = false, acceptPadding: Bool = false) -> [UInt8]? {
        var text = Substring(text)
        if acceptPadding {
            while text.hasSuffix("=") { text = text.dropLast() }
        }
        var sextets: [UInt8] = []
        for byte in text.utf8 {
            let mapped: UInt8
            switch byte {
            case UInt8(ascii: "+") where acceptStandard: mapped = UInt8(ascii: "-")
            case UInt8(ascii: "/") where acceptStandard: mapped = UInt8(ascii: "_")
            default: mapped = byte
            }
            guard let value = values[mapped] else { return nil }
            sextets.append(value)
        }
        if sextets.count % 4 == 1 { return nil }
        var output: [UInt8] = []
        var buffer = UInt32(0)
        var bits = 0
        for sextet in sextets {
            buffer = (buffer << 6) | UInt32(sextet)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        if buffer & ((1 << UInt32(bits)) - 1) != 0 { return nil }
        return output
    }
}

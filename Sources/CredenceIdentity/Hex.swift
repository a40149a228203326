/// Lower-case hexadecimal, the file form of linkage keys.
enum Hex {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// Decodes an even number of hex digits in either case; nil for anything else.
    static func decode(_ text: String) -> [UInt8]? {
        let nibbles = text.map(\.hexDigitValue)
        guard nibbles.count % 2 == 0, text.allSatisfy(\.isASCII) else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < nibbles.count {
            guard let high = nibbles[index], let low = nibbles[index + 1] else { return nil }
            bytes.append(UInt8(high << 4 | low))
            index += 2
        }
        return bytes
    }
}

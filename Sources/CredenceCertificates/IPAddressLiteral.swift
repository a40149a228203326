/// Strict parsing and canonical formatting of IPv4 and IPv6 address literals, in pure Swift so that host
/// classification does not depend on the platform's `inet_pton`.
///
/// IPv4 is four decimal octets without leading zeros (`127.0.0.1`, not `127.000.0.1` nor `127.1`). IPv6 follows
/// RFC 4291 section 2.2 (hex groups, one `::`, an optional trailing dotted IPv4); zone ids (`%eth0`) are refused.
/// Output follows RFC 5952 (lower case, longest run of zero groups compressed, IPv4-mapped addresses dotted).
enum IPAddressLiteral {
    /// The 4 octets of a dotted-quad IPv4 literal, or nil.
    static func parseIPv4<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for part in parts {
            let digits = Array(part.utf8)
            guard (1...3).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            guard digits.count == 1 || digits[0] != 0x30 else { return nil }
            let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard value <= 255 else { return nil }
            octets.append(UInt8(value))
        }
        return octets
    }

    /// The 16 octets of an IPv6 literal (without brackets), or nil.
    static func parseIPv6<S: StringProtocol>(_ text: S) -> [UInt8]? {
        guard !text.isEmpty, text.utf8.count <= 45 else { return nil }
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        guard let head = groups(halves[0], mayEndInIPv4: halves.count == 1) else { return nil }
        if halves.count == 1 {
            guard head.count == 8 else { return nil }
            return bytes(of: head)
        }
        guard let tail = groups(halves[1], mayEndInIPv4: true) else { return nil }
        // `::` stands for one or more zero groups.
        guard head.count + tail.count <= 7 else { return nil }
        return bytes(of: head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail)
    }

    /// The canonical text of a 4-octet (IPv4) or 16-octet (IPv6) address; nil for other lengths.
    static func format<C: Collection>(_ octets: C) -> String? where C.Element == UInt8 {
        let octets = Array(octets)
        switch octets.count {
        case 4:
            return octets.map { String($0) }.joined(separator: ".")
        case 16:
            // RFC 5952 section 5: an IPv4-mapped address keeps its dotted quad.
            if octets[..<10].allSatisfy({ $0 == 0 }) && octets[10] == 0xFF && octets[11] == 0xFF {
                return "::ffff:" + octets[12...].map { String($0) }.joined(separator: ".")
            }
            let words = (0..<8).map { UInt16(octets[2 * $0]) << 8 | UInt16(octets[2 * $0 + 1]) }
            // RFC 5952 section 4.2: compress the longest run (the first one on a tie) of at least two zero groups.
            var best: Range<Int>? = nil
            var index = 0
            while index < 8 {
                guard words[index] == 0 else {
                    index += 1
                    continue
                }
                var end = index
                while end < 8 && words[end] == 0 { end += 1 }
                if end - index >= 2 && end - index > (best?.count ?? 0) { best = index..<end }
                index = end
            }
            let hex = words.map { String($0, radix: 16) }
            guard let best else { return hex.joined(separator: ":") }
            return hex[..<best.lowerBound].joined(separator: ":") + "::"
                + hex[best.upperBound...].joined(separator: ":")
        default:
            return nil
        }
    }

    /// The 16-bit groups of one side of `::` (empty text is no group); a trailing IPv4 counts as two groups.
    private static func groups<S: StringProtocol>(_ text: S, mayEndInIPv4: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var result: [UInt16] = []
        for (position, part) in parts.enumerated() {
            if position == parts.count - 1, mayEndInIPv4, part.contains(".") {
                guard let v4 = parseIPv4(part) else { return nil }
                result.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                result.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                continue
            }
            guard (1...4).contains(part.utf8.count), part.utf8.allSatisfy(isHexDigit),
                let value = UInt16(part, radix: 16)
            else { return nil }
            result.append(value)
        }
        return result
    }

    private static func bytes(of words: [UInt16]) -> [UInt8] {
        words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}

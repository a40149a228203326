/// Normalizes email addresses and derives their matching keys.
///
/// The local part is lower-cased: RFC 5321 allows case-sensitive mailboxes, but practically every provider
/// delivers `John@` and `john@` to the same mailbox, and partners capture whatever case the user typed.
///
/// ```swift
/// let email = try EmailNormalizer.normalize("  Anna@Bücher.Example ")
/// email.normalized  // "anna@xn--bcher-kva.example"
/// ```
public enum EmailNormalizer {
    /// Domains whose local part ignores dots and `+tag` suffixes; googlemail.com is an alias of gmail.com.
    /// Google Workspace custom domains are not included: dots matter there.
    public static let gmailDomains: Set<String> = ["gmail.com", "googlemail.com"]

    /// Providers that deliver `name+tag@` to `name@`. Hyphens and other separators are never stripped (Yahoo's
    /// `-` aliases are separate addresses), so Yahoo is absent.
    public static let plusTagDomains: Set<String> = [
        "outlook.com", "hotmail.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "fastmail.com",
        "fastmail.fm", "protonmail.com", "protonmail.ch", "proton.me", "pm.me",
    ]

    /// Privacy relays and anonymized marketplace buyer addresses; a subdomain of one is a relay too.
    public static let relayDomains: Set<String> = [
        "privaterelay.appleid.com", "mozmail.com", "members.ebay.com", "marketplace.amazon.com",
        "marketplace.amazon.ca", "marketplace.amazon.com.mx", "marketplace.amazon.com.br", "marketplace.amazon.co.uk",
        "marketplace.amazon.de", "marketplace.amazon.fr", "marketplace.amazon.it", "marketplace.amazon.es",
        "marketplace.amazon.nl", "marketplace.amazon.se", "marketplace.amazon.pl", "marketplace.amazon.co.jp",
        "marketplace.amazon.com.au", "marketplace.amazon.in", "marketplace.amazon.sg", "marketplace.amazon.ae",
        "marketplace.amazon.sa", "marketplace.amazon.com.tr",
    ]

    /// Normalizes an address: trim, NFC, split at the last `@`, lower-case the local part (1-64 UTF-8 bytes,
    /// no whitespace or controls), normalize the domain (see ``normalizeDomain(_:)``), then derive the match key
    /// and relay flag.
    public static func normalize(_ raw: String) throws(IdentifierError) -> NormalizedEmail {
        if let email = asciiNormalized(raw) { return email }
        let text = TextFolding.nfc(TextFolding.trim(raw))
        if text.isEmpty { throw IdentifierError(.empty, "email address is empty") }
        guard let at = text.lastIndex(of: "@") else {
            throw IdentifierError(.badEmail, "email address has no '@'")
        }
        let local = String(text[..<at]).lowercased()
        if local.isEmpty { throw IdentifierError(.badEmail, "email address has nothing before '@'") }
        if local.utf8.count > 64 {
            throw IdentifierError(.badEmail, "email local part is \(local.utf8.count) bytes; the limit is 64")
        }
        if local.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            throw IdentifierError(.badEmail, "email local part contains whitespace or control characters")
        }
        let domain = try normalizeDomain(String(text[text.index(after: at)...]))
        return normalizedEmail(local: local, domain: domain)
    }

    private static func normalizedEmail(local: String, domain: String) -> NormalizedEmail {
        let isRelay = isRelayDomain(domain)
        return NormalizedEmail(
            normalized: local + "@" + domain,
            matchKey: isRelay ? local + "@" + domain : matchKey(local: local, domain: domain),
            isRelay: isRelay
        )
    }

    /// Whether a normalized domain is a relay domain or a subdomain of one. Normalized domains are ASCII (other
    /// labels become `xn--` Punycode), so comparing bytes is comparing characters.
    static func isRelayDomain(_ domain: String) -> Bool {
        let bytes = domain.utf8
        return relayDomains.contains { relay in
            guard bytes.count >= relay.utf8.count, domain.hasSuffix(relay) else { return false }
            return bytes.count == relay.utf8.count
                || bytes[bytes.index(bytes.endIndex, offsetBy: -relay.utf8.count - 1)] == UInt8(ascii: ".")
        }
    }

    /// ``normalize(_:)`` of an ASCII address that is valid as it stands, byte by byte; nil for anything else
    /// (non-ASCII text, or any rule broken), which the full steps then normalize or reject with their message.
    /// For ASCII, NFC, NFKC and the ideographic full stops change nothing, every character is one byte, and
    /// a valid domain's labels are letters, digits and inner hyphens that need no Punycode.
    static func asciiNormalized(_ raw: String) -> NormalizedEmail? {
        guard TextFolding.isASCII(raw) else { return nil }
        let text = Array(TextFolding.trim(raw).utf8)
        guard let at = text.lastIndex(of: UInt8(ascii: "@")), at > 0, at <= 64 else { return nil }
        let isUpper = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        let local = text[..<at].map { isUpper($0) ? $0 | 0x20 : $0 }
        // Whitespace and controls: every ASCII white-space character is a control or the space.
        guard !local.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return nil }
        var domain = text[(at + 1)...].map { isUpper($0) ? $0 | 0x20 : $0 }
        if domain.last == UInt8(ascii: ".") { domain.removeLast() }
        guard domain.count <= 253 else { return nil }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard let first = label.first, let last = label.last, label.count <= 63, first != UInt8(ascii: "-"),
                last != UInt8(ascii: "-"),
                label.allSatisfy({
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
                })
            else { return nil }
        }
        guard labels.last!.contains(where: { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return normalizedEmail(
            local: String(decoding: local, as: UTF8.self), domain: String(decoding: domain, as: UTF8.self))
    }

    /// Normalizes a domain: map ideographic full stops to `.`, NFKC, lower-case, drop one trailing dot, then
    /// per label: ASCII labels must be LDH (letters, digits, inner hyphens), non-ASCII labels become `xn--` +
    /// Punycode; labels 1-63 bytes, at least two labels, at most 253 bytes, last label not all digits.
    public static func normalizeDomain(_ raw: String) throws(IdentifierError) -> String {
        var domain = String(raw.map { "\u{3002}\u{FF0E}\u{FF61}".contains($0) ? "." : $0 })
        domain = TextFolding.nfkc(domain).lowercased()
        if domain.hasSuffix(".") { domain.removeLast() }
        if domain.isEmpty { throw IdentifierError(.badEmail, "email address has no domain after '@'") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 2 else {
            throw IdentifierError(.badEmail, "email domain '\(domain)' needs at least two labels")
        }
        var encoded: [String] = []
        for label in labels {
            encoded.append(try encodeLabel(label))
        }
        if let last = encoded.last, last.allSatisfy(\.isNumber) {
            throw IdentifierError(.badEmail, "email domain is an IP address, not a domain name")
        }
        let result = encoded.joined(separator: ".")
        if result.utf8.count > 253 {
            throw IdentifierError(.badEmail, "email domain is \(result.utf8.count) bytes; the limit is 253")
        }
        return result
    }

    private static func encodeLabel(_ label: String) throws(IdentifierError) -> String {
        if label.isEmpty { throw IdentifierError(.badEmail, "email domain has an empty label") }
        if label.hasPrefix("-") || label.hasSuffix("-") {
            throw IdentifierError(.badEmail, "email domain label '\(label)' starts or ends with '-'")
        }
        for scalar in label.unicodeScalars {
            let ok =
                scalar.isASCII
                ? (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-")
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar.properties.generalCategory == .nonspacingMark
                    || scalar.properties.generalCategory == .spacingMark
            if !ok {
                throw IdentifierError(
                    .badEmail, "email domain label '\(label)' contains '\(scalar.escaped(asASCII: true))'")
            }
        }
        var ascii = label
        if !label.unicodeScalars.allSatisfy(\.isASCII) {
            guard let punycode = Punycode.encode(label) else {
                throw IdentifierError(.badEmail, "email domain label is too long")
            }
            ascii = "xn--" + punycode
        }
        if ascii.utf8.count > 63 {
            throw IdentifierError(.badEmail, "email domain label is \(ascii.utf8.count) bytes; the limit is 63")
        }
        return ascii
    }

    private static func matchKey(local: String, domain: String) -> String {
        var local = local
        var domain = domain
        let untagged = String(local.prefix { $0 != "+" })
        if gmailDomains.contains(domain) {
            let undotted = untagged.filter { $0 != "." }
            if !undotted.isEmpty { local = undotted }
            domain = "gmail.com"
        } else if plusTagDomains.contains(domain), !untagged.isEmpty {
            local = untagged
        }
        return local + "@" + domain
    }
}

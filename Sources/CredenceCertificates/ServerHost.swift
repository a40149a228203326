import SwiftASN1
import X509

/// One name a server certificate is valid for, parsed from what an operator typed: a DNS name (a SAN
/// `dNSName`) or an IPv4/IPv6 literal (a SAN `iPAddress`).
///
/// DNS names are lowercased and must be ASCII (use the `xn--` form of an internationalized name); a leading
/// `*.` wildcard label is allowed when at least two labels follow it. IPv6 literals may be written with
/// brackets (`[::1]`), as in URLs; zone ids are refused.
struct ServerHost: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case dnsName(String)
        case ipAddress([UInt8])
    }

    let kind: Kind

    /// The canonical text: the lowercased DNS name, or the RFC 5952 / dotted-quad form of the address.
    var text: String {
        switch kind {
        case .dnsName(let name): return name
        case .ipAddress(let octets): return IPAddressLiteral.format(octets) ?? ""
        }
    }

    var generalName: GeneralName {
        switch kind {
        case .dnsName(let name): return .dnsName(name)
        case .ipAddress(let octets): return .ipAddress(ASN1OctetString(contentBytes: octets[...]))
        }
    }

    /// Classifies and checks `input`, or throws an ``DevelopmentPKIError/Code/invalidHost`` error that says
    /// what a valid host looks like.
    init(parsing input: String) throws(DevelopmentPKIError) {
        let shown = "'\(input.prefix(80))'"
        var literal = Substring(input)
        if literal.hasPrefix("[") && literal.hasSuffix("]") && literal.count >= 2 {
            literal = literal.dropFirst().dropLast()
            guard let octets = IPAddressLiteral.parseIPv6(literal) else {
                throw DevelopmentPKIError(.invalidHost, "\(shown) is not a valid IPv6 address in brackets, like [::1]")
            }
            kind = .ipAddress(octets)
            return
        }
        if let octets = IPAddressLiteral.parseIPv4(literal) {
            kind = .ipAddress(octets)
            return
        }
        if literal.contains(":") {
            guard let octets = IPAddressLiteral.parseIPv6(literal) else {
                throw DevelopmentPKIError(
                    .invalidHost,
                    "\(shown) is not a valid IPv6 address (like ::1 or fd00::10; zone ids such as %eth0 are not allowed)"
                )
            }
            kind = .ipAddress(octets)
            return
        }
        kind = .dnsName(try Self.checkedDNSName(literal, shown: shown))
    }

    private static func checkedDNSName(_ text: Substring, shown: String) throws(DevelopmentPKIError) -> String {
        let rule =
            "a host is a DNS name (ASCII letters, digits and '-' in dot-separated labels of 1-63 characters, "
            + "253 at most in all, optionally starting with '*.'), an IPv4 address like 127.0.0.1 or an IPv6 "
            + "address like ::1"
        guard !text.isEmpty else { throw DevelopmentPKIError(.invalidHost, "an empty host was given: \(rule)") }
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            throw DevelopmentPKIError(
                .invalidHost, "\(shown) is not ASCII: write an internationalized name in its xn-- (punycode) form")
        }
        guard !text.hasSuffix(".") else {
            throw DevelopmentPKIError(.invalidHost, "\(shown) ends with a dot: remove the trailing dot")
        }
        let name = text.lowercased()
        guard name.utf8.count <= 253 else {
            throw DevelopmentPKIError(.invalidHost, "\(shown) is longer than 253 characters: \(rule)")
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        for (index, label) in labels.enumerated() {
            if index == 0 && label == "*" {
                guard labels.count >= 3 else {
                    throw DevelopmentPKIError(
                        .invalidHost, "\(shown): a wildcard needs at least two labels after it, like *.example.test")
                }
                continue
            }
            let bytes = Array(label.utf8)
            let valid =
                (1...63).contains(bytes.count) && bytes.first != 0x2D && bytes.last != 0x2D
                && bytes.allSatisfy { isLetterOrDigit($0) || $0 == 0x2D }
            guard valid else { throw DevelopmentPKIError(.invalidHost, "\(shown) is not a valid host: \(rule)") }
        }
        if labels.allSatisfy({ label in label.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) {
            throw DevelopmentPKIError(
                .invalidHost,
                "\(shown) looks like an IPv4 address but is not one: write four numbers 0-255, like 10.0.0.1"
            )
        }
        return name
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

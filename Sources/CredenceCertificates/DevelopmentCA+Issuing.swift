import Crypto
public import Foundation
import SwiftASN1
import X509

extension DevelopmentCA {
    /// Issues the certificate of an HTTPS server reached by the given host names and addresses.
    ///
    /// Each host becomes a subject alternative name: DNS names (`localhost`, `aggregator.test`, `*.credence.test`)
    /// become `dNSName` entries, IPv4 and IPv6 literals (`127.0.0.1`, `::1`, `[::1]`) `iPAddress` entries.
    /// Duplicates are dropped. The first host is also the subject common name, for people reading the
    /// certificate (clients match the alternative names). The certificate is not a CA, has `keyUsage`
    /// `digitalSignature` and extended key usage `serverAuth`.
    ///
    /// - Parameters:
    ///   - hosts: What clients connect to, at least one; the first must be at most 64 characters.
    ///   - validFor: How long the certificate is valid from `now`; it must end before the CA does. By default
    ///     ``DevelopmentCA/defaultLeafValidity`` (90 days), or until the CA expires if that is sooner.
    ///   - now: The start of the validity (the certificate says five minutes earlier, for clock skew).
    /// - Throws: ``DevelopmentPKIError`` with ``DevelopmentPKIError/Code/invalidHost``,
    ///   ``DevelopmentPKIError/Code/invalidValidity`` or ``DevelopmentPKIError/Code/outsideCAValidity``.
    ///
    /// ```swift
    /// let server = try ca.issueServerCertificate(hosts: ["localhost", "127.0.0.1", "::1"])
    /// // NIOSSL: certificateChain from server.chainPEM, privateKey from server.privateKeyPEM.
    /// ```
    public func issueServerCertificate(
        hosts: [String], validFor: Duration? = nil, now: Date = .now
    ) throws(DevelopmentPKIError) -> IssuedCertificate {
        var parsed: [ServerHost] = []
        for host in hosts {
            let server = try ServerHost(parsing: host)
            if !parsed.contains(server) { parsed.append(server) }
        }
        guard let first = parsed.first else {
            throw DevelopmentPKIError(
                .invalidHost,
                "no host given: pass the DNS names and IP addresses that clients connect to, like localhost and "
                    + "127.0.0.1")
        }
        guard first.text.count <= 64 else {
            throw DevelopmentPKIError(
                .invalidHost,
                "the first host, '\(first.text.prefix(80))...', becomes the common name, which is limited to 64 "
                    + "characters: list a shorter host first")
        }
        return try issueLeaf(
            commonName: first.text, usage: .serverAuth, alternativeNames: parsed.map(\.generalName),
            validFor: validFor, now: now)
    }

    /// Issues an mTLS client certificate for a partner; the aggregator maps its common name to the partner id
    /// (see ``CertificateIdentity/commonName(ofPEM:)``).
    ///
    /// The certificate is not a CA, has `keyUsage` `digitalSignature` and extended key usage `clientAuth`, and
    /// no subject alternative names.
    ///
    /// - Parameters:
    ///   - commonName: The partner id: 2 to 64 characters of `a-z 0-9 . _ -`, starting with a letter or digit
    ///     (the rule of `PartnerID` in `CredenceProtocol`).
    ///   - validFor: How long the certificate is valid from `now`; it must end before the CA does. By default
    ///     ``DevelopmentCA/defaultLeafValidity`` (90 days), or until the CA expires if that is sooner.
    ///   - now: The start of the validity (the certificate says five minutes earlier, for clock skew).
    /// - Throws: ``DevelopmentPKIError`` with ``DevelopmentPKIError/Code/invalidCommonName``,
    ///   ``DevelopmentPKIError/Code/invalidValidity`` or ``DevelopmentPKIError/Code/outsideCAValidity``.
    ///
    /// ```swift
    /// let partner = try ca.issueClientCertificate(commonName: "acme-lending", validFor: .seconds(30 * 86_400))
    /// // AsyncHTTPClient: tls.certificateChain from partner.chainPEM, tls.privateKey from partner.privateKeyPEM.
    /// ```
    public func issueClientCertificate(
        commonName: String, validFor: Duration? = nil, now: Date = .now
    ) throws(DevelopmentPKIError) -> IssuedCertificate {
        guard Self.isPartnerID(commonName) else {
            throw DevelopmentPKIError(
                .invalidCommonName,
                "'\(commonName.prefix(80))' is not a partner id: use 2 to 64 characters of a-z, 0-9, '.', '_' "
                    + "and '-', starting with a letter or digit, like acme-lending")
        }
        return try issueLeaf(
            commonName: commonName, usage: .clientAuth, alternativeNames: [], validFor: validFor, now: now)
    }

    private func issueLeaf(
        commonName: String, usage: ExtendedKeyUsage.Usage, alternativeNames: [GeneralName], validFor: Duration?,
        now: Date
    ) throws(DevelopmentPKIError) -> IssuedCertificate {
        var window = try ValidityWindow(now: now, validFor: validFor ?? Self.defaultLeafValidity)
        if validFor == nil { window = window.ending(noLaterThan: certificate.notValidAfter) }
        try checkInsideCAValidity(window, now: now)
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let authorityKeyIdentifier = AuthorityKeyIdentifier(keyIdentifier: keyIdentifier)
        let issuer = certificate.subject
        let issuerKey = Certificate.PrivateKey(privateKey)
        let leaf = try Self.building {
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([usage])
                if !alternativeNames.isEmpty {
                    SubjectAlternativeNames(alternativeNames)
                }
                SubjectKeyIdentifier(hash: publicKey)
                authorityKeyIdentifier
            }
            return try Certificate(
                version: .v3, serialNumber: Self.randomSerialNumber(), publicKey: publicKey,
                // Never before the CA itself: a chain is valid only where both are.
                notValidBefore: max(window.notValidBefore, certificate.notValidBefore),
                notValidAfter: window.notValidAfter, issuer: issuer,
                subject: try DistinguishedName { CommonName(commonName) }, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: extensions, issuerPrivateKey: issuerKey)
        }
        return try IssuedCertificate(certificate: leaf, privateKey: key, caCertificatePEM: certificatePEM)
    }

    private func checkInsideCAValidity(_ window: ValidityWindow, now: Date) throws(DevelopmentPKIError) {
        let caName = "the development CA '\(commonName)'"
        let caEnd = certificate.notValidAfter
        guard now <= caEnd else {
            throw DevelopmentPKIError(
                .outsideCAValidity,
                "\(caName) expired on \(caEnd.formatted(.iso8601)): create a new CA and give its certificate to "
                    + "the adapters, the CLI and the aggregator")
        }
        guard now >= certificate.notValidBefore else {
            throw DevelopmentPKIError(
                .outsideCAValidity,
                "\(caName) is not valid before \(certificate.notValidBefore.formatted(.iso8601)): check the clock "
                    + "or the `now` passed in")
        }
        guard window.notValidAfter <= caEnd else {
            let days = Int(caEnd.timeIntervalSince(now) / 86_400)
            throw DevelopmentPKIError(
                .outsideCAValidity,
                "the certificate would outlive \(caName), which expires on \(caEnd.formatted(.iso8601)): ask for "
                    + "at most \(days) days, or create a new CA")
        }
    }

    /// The partner id rule of `CredenceProtocol.PartnerID`: 2-64 of `a-z 0-9 . _ -`, starting with a letter or
    /// digit. (Repeated here because this module does not depend on the protocol module.)
    static func isPartnerID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isLowerOrDigit(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        guard (2...64).contains(bytes.count), isLowerOrDigit(bytes[0]) else { return false }
        return bytes.allSatisfy { isLowerOrDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }
}

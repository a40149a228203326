import Crypto
public import Foundation
import SwiftASN1
import X509

/// What a certificate says about its subject, read from PEM or DER: the aggregator uses it to map a partner's
/// mTLS client certificate to a partner id, and operators to inspect certificates.
///
/// Reading a certificate does not verify it: the TLS layer checks the chain against the trust roots first, and
/// only then is the verified peer certificate read with this type (NIOSSL:
/// `try CertificateIdentity(der: peerCertificate.toDERBytes())`).
///
/// A subject with several common names is refused (``DevelopmentPKIError/Code/ambiguousCommonName``), so that
/// `CN=partner-a, CN=partner-b` cannot be read as either partner.
///
/// ```swift
/// let partnerID = try CertificateIdentity.commonName(ofPEM: clientCertificatePEM)  // "acme-lending"
///
/// let identity = try CertificateIdentity(pem: serverCertificatePEM)
/// print(identity.dnsNames, identity.ipAddresses)  // ["localhost"] ["127.0.0.1", "::1"]
/// ```
public struct CertificateIdentity: Sendable, Hashable {
    /// The subject's common name, if it has one.
    public let commonName: String?
    /// The subject distinguished name in RFC 4514 form, like `CN=acme-lending`.
    public let subject: String
    /// The issuer distinguished name in RFC 4514 form.
    public let issuer: String
    /// The subject alternative names of type `dNSName`, in certificate order.
    public let dnsNames: [String]
    /// The subject alternative names of type `iPAddress`, as text (`127.0.0.1`, `::1`), in certificate order.
    public let ipAddresses: [String]
    /// The extended key usages (`serverAuth`, `clientAuth`, `anyKeyUsage`, ... or a dotted OID); nil when the
    /// certificate has no such extension, which places no limit on the key's purposes.
    public let extendedKeyUsages: [String]?
    /// Whether `basicConstraints` says `CA:TRUE`.
    public let isCertificateAuthority: Bool
    /// The serial number in lower-case hex, as `openssl x509 -serial` prints it (without the colons).
    public let serialNumber: String
    /// The start of the validity period.
    public let notValidBefore: Date
    /// The end of the validity period.
    public let notValidAfter: Date
    /// The SHA-256 of the DER certificate in lower-case hex: `openssl x509 -fingerprint -sha256` without colons.
    public let sha256Fingerprint: String

    /// Whether the certificate may authenticate a TLS client: no extended key usage, or one that lists
    /// `clientAuth` or `anyExtendedKeyUsage`.
    ///
    /// ```swift
    /// guard identity.allowsClientAuthentication else { /* refuse: a server certificate used as a client's */ }
    /// ```
    public var allowsClientAuthentication: Bool {
        extendedKeyUsages.map { $0.contains("clientAuth") || $0.contains("anyKeyUsage") } ?? true
    }

    /// Whether the certificate may authenticate a TLS server: no extended key usage, or one that lists
    /// `serverAuth` or `anyExtendedKeyUsage`.
    ///
    /// ```swift
    /// #expect(try CertificateIdentity(pem: server.certificatePEM).allowsServerAuthentication)
    /// ```
    public var allowsServerAuthentication: Bool {
        extendedKeyUsages.map { $0.contains("serverAuth") || $0.contains("anyKeyUsage") } ?? true
    }

    /// Reads the first certificate of PEM text (a lone certificate, or a chain whose first block is the leaf).
    ///
    /// - Throws: ``DevelopmentPKIError`` with ``DevelopmentPKIError/Code/malformedCertificate`` or
    ///   ``DevelopmentPKIError/Code/ambiguousCommonName``.
    ///
    /// ```swift
    /// let identity = try CertificateIdentity(pem: String(contentsOfFile: "server.pem", encoding: .utf8))
    /// ```
    public init(pem: String) throws(DevelopmentPKIError) {
        let certificates = try PEMText.certificates(in: pem, what: "certificate")
        try self.init(certificate: certificates[0])
    }

    /// Reads a DER-encoded certificate, such as NIOSSL's `NIOSSLCertificate.toDERBytes()`.
    ///
    /// - Throws: ``DevelopmentPKIError`` with ``DevelopmentPKIError/Code/malformedCertificate`` or
    ///   ``DevelopmentPKIError/Code/ambiguousCommonName``.
    ///
    /// ```swift
    /// let identity = try CertificateIdentity(der: try peerCertificate.toDERBytes())
    /// ```
    public init(der: [UInt8]) throws(DevelopmentPKIError) {
        try self.init(certificate: try PEMText.certificate(der: der, what: "certificate"))
    }

    /// The subject common name of the first certificate in PEM text: a partner id, for a client certificate.
    ///
    /// - Throws: ``DevelopmentPKIError`` with ``DevelopmentPKIError/Code/malformedCertificate``,
    ///   ``DevelopmentPKIError/Code/missingCommonName`` or ``DevelopmentPKIError/Code/ambiguousCommonName``.
    ///
    /// ```swift
    /// let partnerID = try CertificateIdentity.commonName(ofPEM: partner.certificatePEM)  // "acme-lending"
    /// ```
    public static func commonName(ofPEM pem: String) throws(DevelopmentPKIError) -> String {
        try CertificateIdentity(pem: pem).requiredCommonName()
    }

    /// The subject common name of a DER-encoded certificate: a partner id, for a client certificate.
    ///
    /// - Throws: ``DevelopmentPKIError`` with ``DevelopmentPKIError/Code/malformedCertificate``,
    ///   ``DevelopmentPKIError/Code/missingCommonName`` or ``DevelopmentPKIError/Code/ambiguousCommonName``.
    ///
    /// ```swift
    /// let partnerID = try CertificateIdentity.commonName(ofDER: try peerCertificate.toDERBytes())
    /// ```
    public static func commonName(ofDER der: [UInt8]) throws(DevelopmentPKIError) -> String {
        try CertificateIdentity(der: der).requiredCommonName()
    }

    init(certificate: Certificate) throws(DevelopmentPKIError) {
        subject = certificate.subject.description
        issuer = certificate.issuer.description
        var commonNames: [String] = []
        for relativeName in certificate.subject {
            for attribute in relativeName where attribute.type == .RDNAttributeType.commonName {
                guard let text = String(attribute.value) else {
                    throw DevelopmentPKIError(
                        .ambiguousCommonName, "the common name of '\(subject)' is not a text string")
                }
                commonNames.append(text)
            }
        }
        guard commonNames.count <= 1 else {
            throw DevelopmentPKIError(
                .ambiguousCommonName,
                "'\(subject)' has \(commonNames.count) common names; a certificate used as an identity must have one")
        }
        commonName = commonNames.first
        do {
            let names = try certificate.extensions.subjectAlternativeNames.map(Array.init) ?? []
            dnsNames = names.compactMap { name in
                if case .dnsName(let text) = name { return text } else { return nil }
            }
            ipAddresses = names.compactMap { name in
                if case .ipAddress(let octets) = name {
                    return IPAddressLiteral.format(octets.bytes)
                } else {
                    return nil
                }
            }
            extendedKeyUsages = try certificate.extensions.extendedKeyUsage.map { $0.map(\.description) }
            if case .isCertificateAuthority = try certificate.extensions.basicConstraints {
                isCertificateAuthority = true
            } else {
                isCertificateAuthority = false
            }
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            sha256Fingerprint = Self.hex(SHA256.hash(data: serializer.serializedBytes))
        } catch {
            throw DevelopmentPKIError(.malformedCertificate, "the extensions of '\(subject)' cannot be read: \(error)")
        }
        // Without the zero octet DER puts before a high first bit, as OpenSSL prints serials.
        let serial = certificate.serialNumber.bytes
        serialNumber = Self.hex(serial.count > 1 && serial.first == 0 ? serial.dropFirst() : serial)
        notValidBefore = certificate.notValidBefore
        notValidAfter = certificate.notValidAfter
    }

    private func requiredCommonName() throws(DevelopmentPKIError) -> String {
        guard let commonName else {
            throw DevelopmentPKIError(
                .missingCommonName,
                "'\(subject)' has no common name: a partner's client certificate must name the partner id in CN")
        }
        return commonName
    }

    private static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

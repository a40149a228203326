import CredencePrimitives
import Crypto
public import Foundation
import SwiftASN1
import X509

/// A private certificate authority for development, loopback and test deployments of Credence: it issues the
/// aggregator's HTTPS server certificate and the partners' mTLS client certificates.
///
/// The CA is a self-signed ECDSA P-256 certificate with `basicConstraints` `CA:TRUE, pathlen:0` (it signs leaf
/// certificates only), `keyUsage` `keyCertSign, cRLSign` and a subject key identifier. Leaves carry P-256 keys
/// of their own, the extended key usage of their role, and an authority key identifier pointing at the CA.
/// Every certificate gets a random positive 20-byte serial number, and starts five minutes before `now` to
/// tolerate clock skew.
///
/// Everything comes out as PEM strings, ready to be written to files or handed to NIOSSL
/// (`NIOSSLCertificate(bytes: Array(pem.utf8), format: .pem)`), so callers need not import `X509`.
///
/// - Important: This is for development. Its private key sits in a plain PEM file next to the certificates,
///   there is no revocation, and anyone who holds the key can mint a certificate for any host or partner. Trust
///   the CA certificate only in Credence's own clients (AsyncHTTPClient `trustRoots`, the aggregator's mTLS
///   `trustRoots`), never in a system trust store. A production deployment does not use this type: the
///   operator's PKI issues the server certificate and the partners' client certificates, and the aggregator,
///   adapters and CLI are given the certificate, chain, key and trust-root files by path in their configuration.
///
/// ```swift
/// let ca = try DevelopmentCA.create(commonName: "Credence Development CA", validFor: .seconds(365 * 86_400))
/// let server = try ca.issueServerCertificate(hosts: ["localhost", "127.0.0.1", "::1"])
/// let partner = try ca.issueClientCertificate(commonName: "acme-lending")
/// // Write ca.certificatePEM (trust root), server.chainPEM + server.privateKeyPEM (aggregator),
/// // partner.certificatePEM + partner.privateKeyPEM (adapter); keys with mode 0600.
///
/// // Later runs reload the same CA from its files:
/// let same = try DevelopmentCA(certificatePEM: ca.certificatePEM, privateKeyPEM: ca.privateKeyPEM)
/// ```
public struct DevelopmentCA: Sendable {
    /// The validity of a CA made by ``create(commonName:validFor:now:)`` unless told otherwise: 365 days.
    public static let defaultCAValidity: Duration = .seconds(365 * 86_400)
    /// The validity of an issued server or client certificate unless told otherwise: 90 days, or less when the CA
    /// expires sooner.
    public static let defaultLeafValidity: Duration = .seconds(90 * 86_400)

    /// The CA certificate in PEM: the trust root to give to adapters, the CLI and the aggregator's mTLS setup.
    public let certificatePEM: String
    /// The CA's private key in PEM (PKCS#8, `-----BEGIN PRIVATE KEY-----`). Keep it in a file of mode 0600.
    public let privateKeyPEM: String
    /// What the CA certificate says: subject, validity, fingerprint.
    public let identity: CertificateIdentity

    let certificate: Certificate
    let privateKey: P256.Signing.PrivateKey
    /// The key identifier that issued certificates name in their authority key identifier.
    let keyIdentifier: ArraySlice<UInt8>

    /// The CA's common name, as given to ``create(commonName:validFor:now:)``.
    ///
    /// ```swift
    /// print(ca.commonName)  // "Credence Development CA"
    /// ```
    public var commonName: String { identity.commonName ?? identity.subject }

    /// Makes a new CA with a fresh P-256 key.
    ///
    /// - Parameters:
    ///   - commonName: The CA's subject common name: 1 to 64 characters, no control characters, no leading or
    ///     trailing white space.
    ///   - validFor: How long the CA is valid from `now`; every certificate it issues must expire before it does.
    ///   - now: The start of the validity (the certificate says five minutes earlier, for clock skew).
    /// - Throws: ``DevelopmentPKIError`` with ``DevelopmentPKIError/Code/invalidCommonName`` or
    ///   ``DevelopmentPKIError/Code/invalidValidity``.
    ///
    /// ```swift
    /// let ca = try DevelopmentCA.create(commonName: "Credence Development CA", validFor: .seconds(30 * 86_400))
    /// try ca.certificatePEM.write(toFile: "ca.pem", atomically: true, encoding: .utf8)
    /// ```
    public static func create(
        commonName: String, validFor: Duration = defaultCAValidity, now: Date = .now
    ) throws(DevelopmentPKIError) -> DevelopmentCA {
        try checkCACommonName(commonName)
        let window = try ValidityWindow(now: now, validFor: validFor)
        let key = P256.Signing.PrivateKey()
        let signingKey = Certificate.PrivateKey(key)
        let keyIdentifier = SubjectKeyIdentifier(hash: signingKey.publicKey)
        let certificate = try building {
            let name = try DistinguishedName { CommonName(commonName) }
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                keyIdentifier
            }
            return try Certificate(
                version: .v3, serialNumber: randomSerialNumber(), publicKey: signingKey.publicKey,
                notValidBefore: window.notValidBefore, notValidAfter: window.notValidAfter, issuer: name,
                subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
                issuerPrivateKey: signingKey)
        }
        return try DevelopmentCA(certificate: certificate, privateKey: key)
    }

    /// Loads a CA from the contents of its certificate and key files.
    ///
    /// The certificate must be a CA (`basicConstraints` `CA:TRUE`, and `keyCertSign` if it has a `keyUsage`),
    /// and the key must be its ECDSA P-256 private key, in PKCS#8 (`PRIVATE KEY`) or SEC1 (`EC PRIVATE KEY`)
    /// PEM. A CA made elsewhere (for example with `openssl req -x509`) loads too if it meets these rules.
    /// An expired CA loads, so that it can be inspected; issuing from it fails.
    ///
    /// - Throws: ``DevelopmentPKIError`` with ``DevelopmentPKIError/Code/malformedCertificate``,
    ///   ``DevelopmentPKIError/Code/malformedPrivateKey``, ``DevelopmentPKIError/Code/unsupportedKey``,
    ///   ``DevelopmentPKIError/Code/notCertificateAuthority`` or ``DevelopmentPKIError/Code/keyMismatch``.
    ///
    /// ```swift
    /// let ca = try DevelopmentCA(
    ///     certificatePEM: String(contentsOfFile: "dev-ca.pem", encoding: .utf8),
    ///     privateKeyPEM: String(contentsOfFile: "dev-ca.key", encoding: .utf8))
    /// ```
    public init(certificatePEM: String, privateKeyPEM: String) throws(DevelopmentPKIError) {
        let certificates = try PEMText.certificates(in: certificatePEM, what: "CA certificate")
        guard certificates.count == 1, let certificate = certificates.first else {
            throw DevelopmentPKIError(
                .malformedCertificate,
                "the CA certificate text holds \(certificates.count) certificates: pass the CA certificate alone")
        }
        let name = "'\(certificate.subject)'"
        let constraints: BasicConstraints?
        let keyUsage: KeyUsage?
        do {
            constraints = try certificate.extensions.basicConstraints
            keyUsage = try certificate.extensions.keyUsage
        } catch {
            throw DevelopmentPKIError(.malformedCertificate, "the extensions of \(name) cannot be read: \(error)")
        }
        guard case .isCertificateAuthority = constraints else {
            throw DevelopmentPKIError(
                .notCertificateAuthority,
                "\(name) is not a CA certificate (no basicConstraints CA:TRUE): pass the CA's certificate, not a "
                    + "server or client certificate it issued")
        }
        guard keyUsage?.keyCertSign ?? true else {
            throw DevelopmentPKIError(
                .notCertificateAuthority, "\(name) may not sign certificates (its keyUsage lacks keyCertSign)")
        }
        let key = try PEMText.p256PrivateKey(in: privateKeyPEM, what: "CA private key")
        guard Certificate.PublicKey(key.publicKey) == certificate.publicKey else {
            throw DevelopmentPKIError(
                .keyMismatch,
                "the private key does not belong to \(name): pass the key file that was created with this CA "
                    + "certificate")
        }
        try self.init(certificate: certificate, privateKey: key)
    }

    init(certificate: Certificate, privateKey: P256.Signing.PrivateKey) throws(DevelopmentPKIError) {
        self.certificate = certificate
        self.privateKey = privateKey
        self.certificatePEM = try PEMText.encode(certificate)
        self.privateKeyPEM = privateKey.pemRepresentation + "\n"
        self.identity = try CertificateIdentity(certificate: certificate)
        let existing = try? certificate.extensions.subjectKeyIdentifier
        self.keyIdentifier = (existing ?? SubjectKeyIdentifier(hash: certificate.publicKey)).keyIdentifier
    }

    /// Runs the X509 calls that build and sign a certificate, turning their errors into ``DevelopmentPKIError``.
    static func building(_ body: () throws -> Certificate) throws(DevelopmentPKIError) -> Certificate {
        do {
            return try body()
        } catch {
            throw DevelopmentPKIError(.issuanceFailed, "could not build the certificate: \(error)")
        }
    }

    /// A random positive serial number of exactly 20 octets (RFC 5280's maximum; 158 random bits).
    static func randomSerialNumber() -> Certificate.SerialNumber {
        var bytes = SecureRandom.bytes(20)
        // Clear the sign bit and set the next one: positive, and no leading zero octet to strip.
        bytes[0] = (bytes[0] & 0x3F) | 0x40
        return Certificate.SerialNumber(bytes: bytes)
    }

    private static func checkCACommonName(_ name: String) throws(DevelopmentPKIError) {
        let scalars = name.unicodeScalars
        let valid =
            (1...64).contains(scalars.count)
            && !scalars.contains { $0.properties.generalCategory == .control }
            && !(scalars.first?.properties.isWhitespace ?? true) && !(scalars.last?.properties.isWhitespace ?? true)
        guard valid else {
            throw DevelopmentPKIError(
                .invalidCommonName,
                "'\(name.prefix(80))' cannot be the CA's common name: use 1 to 64 characters without control "
                    + "characters or leading and trailing spaces, like \"Credence Development CA\"")
        }
    }
}

extension DevelopmentCA: CustomStringConvertible {
    /// A summary without the private key, safe to log.
    public var description: String {
        "DevelopmentCA(\(identity.subject), valid until \(identity.notValidAfter.formatted(.iso8601)))"
    }
}

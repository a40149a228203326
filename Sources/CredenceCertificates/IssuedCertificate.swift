import Crypto
import Foundation
import X509

/// A certificate issued by a ``DevelopmentCA``, with its new private key, as PEM text ready for files.
///
/// Hand ``chainPEM`` and ``privateKeyPEM`` to the TLS side (NIOSSL's `certificateChain` and `privateKey`, or
/// AsyncHTTPClient's for mTLS); write the key with mode 0600. Printing an `IssuedCertificate` never shows the key.
///
/// ```swift
/// let issued = try ca.issueServerCertificate(hosts: ["localhost", "127.0.0.1"])
/// try issued.chainPEM.write(toFile: "server-chain.pem", atomically: true, encoding: .utf8)
/// print(issued.identity.ipAddresses)  // ["127.0.0.1"]
/// ```
public struct IssuedCertificate: Sendable, Hashable {
    /// The certificate alone, in PEM.
    public let certificatePEM: String
    /// The certificate's private key: ECDSA P-256, PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    public let privateKeyPEM: String
    /// The certificate followed by the CA certificate, in PEM: what a TLS peer should present.
    public let chainPEM: String
    /// What the certificate says: subject, alternative names, validity, serial number, fingerprint.
    public let identity: CertificateIdentity

    init(
        certificate: Certificate, privateKey: P256.Signing.PrivateKey, caCertificatePEM: String
    ) throws(DevelopmentPKIError) {
        certificatePEM = try PEMText.encode(certificate)
        privateKeyPEM = privateKey.pemRepresentation + "\n"
        chainPEM = certificatePEM + caCertificatePEM
        identity = try CertificateIdentity(certificate: certificate)
    }
}

extension IssuedCertificate: CustomStringConvertible {
    /// A summary without the private key, safe to log.
    public var description: String {
        "IssuedCertificate(\(identity.subject), serial \(identity.serialNumber), "
            + "valid until \(identity.notValidAfter.formatted(.iso8601)))"
    }
}

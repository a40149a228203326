/// The one error type of `CredenceCertificates`: a machine-readable ``Code`` plus a message that tells the
/// operator what to change (the host name, the validity, the file to pass).
///
/// Errors compare by ``code`` only, so tests and callers can match on the class of failure without depending
/// on the wording of the message.
///
/// ```swift
/// do {
///     _ = try ca.issueServerCertificate(hosts: ["bad host"])
/// } catch {
///     print(error.code)  // invalidHost
///     print(error)  // "'bad host' is not a DNS name, ..."
/// }
/// ```
public struct DevelopmentPKIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The class of failure.
    public enum Code: String, CaseIterable, Sendable {
        /// A common name that is empty, too long, or (for client certificates) not a partner id.
        case invalidCommonName = "invalid_common_name"
        /// A host that is neither a DNS name nor an IPv4 or IPv6 literal, or no host at all.
        case invalidHost = "invalid_host"
        /// A validity period that is zero, negative or longer than 100 years.
        case invalidValidity = "invalid_validity"
        /// The requested validity is not inside the CA's own: the CA has expired, is not valid yet, or would
        /// expire before the new certificate.
        case outsideCAValidity = "outside_ca_validity"
        /// Text that does not hold a readable X.509 certificate (PEM or DER), or holds several where one is needed.
        case malformedCertificate = "malformed_certificate"
        /// Text that does not hold a readable, unencrypted private key in PEM.
        case malformedPrivateKey = "malformed_private_key"
        /// A private key of a kind the development CA does not use (it uses ECDSA P-256 only).
        case unsupportedKey = "unsupported_key"
        /// A certificate loaded as the CA that may not issue certificates (no `CA:TRUE`, or no `keyCertSign`).
        case notCertificateAuthority = "not_certificate_authority"
        /// A private key that does not belong to the certificate it was loaded with.
        case keyMismatch = "key_mismatch"
        /// A certificate whose subject has no common name.
        case missingCommonName = "missing_common_name"
        /// A certificate whose subject has several common names, or one that is not text.
        case ambiguousCommonName = "ambiguous_common_name"
        /// Building or signing the certificate failed inside swift-certificates (should not happen).
        case issuanceFailed = "issuance_failed"
    }

    /// The class of failure; equality compares this alone.
    public let code: Code
    /// A short explanation meant for the person who supplied the input, saying what to change.
    public let message: String

    /// Creates an error with a code and a message that says what is wrong and how to fix it.
    ///
    /// ```swift
    /// throw DevelopmentPKIError(.invalidHost, "no host given: pass at least one DNS name or IP address")
    /// ```
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: DevelopmentPKIError, rhs: DevelopmentPKIError) -> Bool { lhs.code == rhs.code }
}

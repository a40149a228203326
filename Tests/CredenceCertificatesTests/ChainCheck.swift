import SwiftASN1
import X509

/// Validates certificates with swift-certificates' `Verifier`, as a Swift TLS client of the aggregator would.
enum ChainCheck {
    /// Whether `leafPEM` chains to `caPEM` under RFC 5280 at the current time, and, when a host or address is
    /// given, is valid for it (RFC 6125).
    static func isValid(
        _ leafPEM: String, trusting caPEM: String, hostname: String? = nil, ip: String? = nil
    ) async throws -> Bool {
        let leaf = try Certificate(pemEncoded: leafPEM)
        let ca = try Certificate(pemEncoded: caPEM)
        let checksIdentity = hostname != nil || ip != nil
        var verifier = Verifier(rootCertificates: CertificateStore([ca])) {
            RFC5280Policy()
            if checksIdentity {
                ServerIdentityPolicy(serverHostname: hostname, serverIP: ip)
            }
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore())
        if case .validCertificate(let chain) = result {
            return chain.first == leaf && chain.last == ca
        }
        return false
    }
}

/// Why `Edwards25519.checkPublicKey(_:)` refused a public key.
///
/// Every case describes a key that BoringSSL's `ED25519_verify` would still accept, so each one must be refused
/// before a key is registered or used to verify anything.
public enum Ed25519PublicKeyDefect: Error, Equatable, Sendable, CustomStringConvertible {
    /// The key is not 32 bytes long; the payload is the length that was given.
    case wrongLength(Int)
    /// y >= p, or x = 0 with the sign bit set: a second, non-standard spelling of a point, which would let one key
    /// hide behind several encodings.
    case nonCanonicalEncoding
    /// No point of the curve has this y coordinate.
    case notOnCurve
    /// The point has order 1, 2, 4 or 8 ([8]P is the identity); signatures under it can be forged without a secret.
    case smallOrder
    /// The point has a small-order component besides its prime-order part ([L]P is not the identity), so
    /// cofactorless and cofactored verifiers disagree about which signatures it makes valid.
    case torsionComponent

    public var description: String {
        switch self {
        case .wrongLength(let length):
            "public key is \(length) bytes long; an Ed25519 public key is exactly 32 bytes"
        case .nonCanonicalEncoding:
            "public key is not a canonical point encoding (y >= 2^255 - 19, or x = 0 with the sign bit set); "
                + "re-encode it with a standard Ed25519 library"
        case .notOnCurve:
            "public key is not a point on the Ed25519 curve; it is corrupted or not an Ed25519 key"
        case .smallOrder:
            "public key is a small-order point (it would let anyone forge signatures); generate a real key pair"
        case .torsionComponent:
            "public key has a small-order (torsion) component, so it is not in the prime-order subgroup; "
                + "generate the key with a standard Ed25519 library"
        }
    }
}

/// Strict checks on Ed25519 public keys and signatures that BoringSSL's `ED25519_verify` does not make.
///
/// BoringSSL verifies cofactorless and accepts any 32-byte public key that decodes, including small-order points:
/// with the identity as public key, R = identity and S = 0 verify for every message. Run `checkPublicKey(_:)` on
/// every key before it is registered or used, and `hasCanonicalScalar(signature:)` on every signature, so that each
/// key and signature has exactly one accepted encoding and no key is forgeable.
public enum Edwards25519 {
    /// The order L = 2^252 + 27742317777372353535851937790883648493 of the base point, 32 bytes little-endian.
    static let groupOrder: [UInt8] = hexBytes("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")

    /// Throws unless `encoding` (32 bytes) is the canonical encoding of a point of prime order L.
    ///
    /// Accepts exactly the encodings of [a]B for a not divisible by L, which includes every key an honest Ed25519
    /// key generator produces.
    /// Cost: one point decompression plus a scalar multiplication by L (variable time; keys are public).
    ///
    /// - Throws: the first `Ed25519PublicKeyDefect` found, checked in the order wrong length, non-canonical
    ///   encoding, not on the curve, small order, torsion component.
    public static func checkPublicKey(_ encoding: some Collection<UInt8>) throws(Ed25519PublicKeyDefect) {
        guard encoding.count == 32 else { throw .wrongLength(encoding.count) }
        let point = try EdwardsPoint(decoding: Array(encoding))
        // Small order is tested first because it is the forgeable case and deserves its own message; such points
        // would also fail the [L]P test below.
        if point.multipliedByCofactor().isIdentity { throw .smallOrder }
        if !point.multiplied(byLittleEndianScalar: groupOrder).isIdentity { throw .torsionComponent }
    }

    /// True when the 32-byte little-endian scalar is < L (the group order 2^252 + 27742317777372353535851937790883648493).
    ///
    /// RFC 8032 §5.1.7 requires verifiers to reject S >= L, since S and S + L would otherwise both verify and
    /// signatures would be malleable. Returns false for any length other than 32.
    public static func isCanonicalScalar(_ scalar: some Collection<UInt8>) -> Bool {
        guard scalar.count == 32 else { return false }
        // Compare as numbers, most significant byte first.
        for (byte, orderByte) in zip(scalar.reversed(), groupOrder.reversed()) where byte != orderByte {
            return byte < orderByte
        }
        return false  // equal to L
    }

    /// True when a 64-byte signature's S half (bytes 32..<64) is canonical (S < L). False for any other length.
    public static func hasCanonicalScalar(signature: some Collection<UInt8>) -> Bool {
        guard signature.count == 64 else { return false }
        return isCanonicalScalar(signature.dropFirst(32))
    }
}

/// A point of the twisted Edwards curve -x² + y² = 1 + d·x²·y² over GF(2^255 - 19), in extended coordinates
/// (X : Y : Z : T) with x = X/Z, y = Y/Z and x·y = T/Z (RFC 8032 §5.1.4).
///
/// Extended coordinates avoid a field inversion per operation, and the formulas used here are complete on this
/// curve (a = -1 is a square, d is not), so they also handle the identity and the small-order points that the key
/// checks exist to detect. Nothing here is constant time: it only ever processes public keys.
struct EdwardsPoint: Sendable {
    var x: FieldElement
    var y: FieldElement
    var z: FieldElement
    var t: FieldElement

    /// The neutral element (0, 1).
    static let identity = EdwardsPoint(x: .zero, y: .one, z: .one, t: .zero)

    /// The base point B of RFC 8032 §5.1: y = 4/5 with non-negative x. It generates the subgroup of order L.
    static let basePoint = EdwardsPoint(
        affineX: FieldElement(
            littleEndianBytes: hexBytes("1ad5258f602d56c9b2a7259560c72c695cdcd6fd31e2a4c0fe536ecdd3366921")),
        affineY: FieldElement(
            littleEndianBytes: hexBytes("5866666666666666666666666666666666666666666666666666666666666666"))
    )

    init(x: FieldElement, y: FieldElement, z: FieldElement, t: FieldElement) {
        (self.x, self.y, self.z, self.t) = (x, y, z, t)
    }

    /// Lifts an affine point; the caller guarantees (x, y) is on the curve.
    init(affineX: FieldElement, affineY: FieldElement) {
        self.init(x: affineX, y: affineY, z: .one, t: affineX * affineY)
    }

    /// Decodes a 32-byte point encoding following RFC 8032 §5.1.3, including its rejection rules.
    ///
    /// - Throws: `.nonCanonicalEncoding` when y >= p or when x = 0 but the sign bit is set (both would give a
    ///   second encoding of a point); `.notOnCurve` when no x satisfies the curve equation for y.
    init(decoding encoding: [UInt8]) throws(Ed25519PublicKeyDefect) {
        guard encoding.count == 32 else { throw .wrongLength(encoding.count) }
        let signBitSet = encoding[31] & 0x80 != 0
        let y = FieldElement(littleEndianBytes: encoding)
        // `FieldElement(littleEndianBytes:)` reduces mod p, so y >= p shows up as a different canonical encoding.
        var unsignedEncoding = encoding
        unsignedEncoding[31] &= 0x7F
        guard y.canonicalBytes == unsignedEncoding else { throw .nonCanonicalEncoding }

        // x² = (y² - 1) / (d·y² + 1) = u / v; the denominator never vanishes because d is not a square.
        let ySquared = y.squared()
        let u = ySquared - .one
        let v = FieldElement.d * ySquared + .one
        let vCubed = v.squared() * v
        // Candidate root x = u·v³·(u·v⁷)^((p-5)/8): one exponentiation yields a square root of u/v without
        // inverting v first.
        var x = u * vCubed * (u * vCubed.squared() * v).powerPMinus5Over8()
        let vxSquared = v * x.squared()
        if vxSquared == u {
            // x is a root.
        } else if vxSquared == -u {
            x = x * FieldElement.sqrtMinusOne
        } else {
            throw .notOnCurve
        }

        if x.isZero && signBitSet { throw .nonCanonicalEncoding }
        if x.isNegative != signBitSet { x = -x }
        self.init(affineX: x, affineY: y)
    }

    /// The 32-byte RFC 8032 encoding: y little-endian with the parity of x in bit 255.
    var encoded: [UInt8] {
        let zInverse = z.inverted()
        let affineX = x * zInverse
        var bytes = (y * zInverse).canonicalBytes
        if affineX.isNegative { bytes[31] |= 0x80 }
        return bytes
    }

    /// True for (0, 1) in any projective representation: X = 0 and Y = Z.
    var isIdentity: Bool { x.isZero && y == z }

    /// Unified addition, "add-2008-hwcd-3" for a = -1 (RFC 8032 §5.1.4); valid for doubling and the identity too.
    static func + (lhs: EdwardsPoint, rhs: EdwardsPoint) -> EdwardsPoint {
        let a = (lhs.y - lhs.x) * (rhs.y - rhs.x)
        let b = (lhs.y + lhs.x) * (rhs.y + rhs.x)
        let c = lhs.t * FieldElement.twoD * rhs.t
        let zProduct = lhs.z * rhs.z
        let d = zProduct + zProduct
        let e = b - a
        let f = d - c
        let g = d + c
        let h = b + a
        return EdwardsPoint(x: e * f, y: g * h, z: f * g, t: e * h)
    }

    static prefix func - (point: EdwardsPoint) -> EdwardsPoint {
        EdwardsPoint(x: -point.x, y: point.y, z: point.z, t: -point.t)
    }

    /// Doubling, "dbl-2008-hwcd" (RFC 8032 §5.1.4): cheaper than `self + self` because it needs no T input.
    func doubled() -> EdwardsPoint {
        let a = x.squared()
        let b = y.squared()
        let zSquared = z.squared()
        let c = zSquared + zSquared
        let h = a + b
        let e = h - (x + y).squared()
        let g = a - b
        let f = c + g
        return EdwardsPoint(x: e * f, y: g * h, z: f * g, t: e * h)
    }

    /// [scalar]self for a little-endian scalar of any length, by left-to-right double-and-add.
    ///
    /// Variable time (the number of additions depends on the scalar's bits) is acceptable because both the point
    /// and the scalars used here (L, 8, test scalars) are public.
    func multiplied(byLittleEndianScalar scalar: some Collection<UInt8>) -> EdwardsPoint {
        var result = EdwardsPoint.identity
        for byte in scalar.reversed() {
            for bit in (0..<8).reversed() {
                result = result.doubled()
                if (byte >> bit) & 1 == 1 {
                    result = result + self
                }
            }
        }
        return result
    }

    /// [8]self: zero exactly when the point lies in the torsion subgroup (order 1, 2, 4 or 8).
    func multipliedByCofactor() -> EdwardsPoint {
        doubled().doubled().doubled()
    }
}

extension EdwardsPoint: Equatable {
    /// Projective equality: x1/z1 = x2/z2 and y1/z1 = y2/z2, compared without inversions.
    static func == (lhs: EdwardsPoint, rhs: EdwardsPoint) -> Bool {
        lhs.x * rhs.z == rhs.x * lhs.z && lhs.y * rhs.z == rhs.y * lhs.z
    }
}

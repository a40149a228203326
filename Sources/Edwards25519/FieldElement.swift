/// An element of the prime field GF(p), p = 2^255 - 19.
///
/// Stored as five 51-bit limbs (value = l0 + l1·2^51 + l2·2^102 + l3·2^153 + l4·2^204) so that a limb product fits in
/// 128 bits with room to accumulate the five terms of a schoolbook multiplication. Every operation returns limbs
/// below 2^52 ("weakly reduced"), which keeps the bounds simple: the representation is not unique, so compare
/// elements with `==` (which compares canonical encodings) and never limb by limb.
struct FieldElement: Sendable {
    private static let limbMask: UInt64 = (1 << 51) - 1

    private var l0: UInt64
    private var l1: UInt64
    private var l2: UInt64
    private var l3: UInt64
    private var l4: UInt64

    private init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64) {
        (self.l0, self.l1, self.l2, self.l3, self.l4) = (l0, l1, l2, l3, l4)
    }

    static let zero = FieldElement(0, 0, 0, 0, 0)
    static let one = FieldElement(1, 0, 0, 0, 0)

    /// The curve constant d = -121665/121666 (RFC 8032 §5.1).
    static let d = FieldElement(
        littleEndianBytes: hexBytes("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352"))

    /// 2·d, precomputed because the unified addition formula uses it on every call.
    static let twoD = d + d

    /// A square root of -1, i.e. 2^((p-1)/4); the decompression fallback when the first candidate root fails.
    static let sqrtMinusOne = FieldElement(
        littleEndianBytes: hexBytes("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b"))

    init(_ value: UInt64) {
        self = FieldElement(value & Self.limbMask, value >> 51, 0, 0, 0)
    }

    /// Reads 32 little-endian bytes, ignoring bit 255 (the sign bit of a point encoding).
    ///
    /// Values in [p, 2^255) are accepted and reduced; callers that must reject them compare
    /// `canonicalBytes` with their input.
    init(littleEndianBytes bytes: some Collection<UInt8>) {
        precondition(bytes.count == 32, "a field element encoding is 32 bytes")
        var words = [UInt64](repeating: 0, count: 4)
        for (index, byte) in bytes.enumerated() {
            words[index / 8] |= UInt64(byte) << (8 * UInt64(index % 8))
        }
        self = FieldElement(
            words[0] & Self.limbMask,
            (words[0] >> 51 | words[1] << 13) & Self.limbMask,
            (words[1] >> 38 | words[2] << 26) & Self.limbMask,
            (words[2] >> 25 | words[3] << 39) & Self.limbMask,
            (words[3] >> 12) & Self.limbMask
        )
    }

    /// The unique 32-byte little-endian encoding of the value in [0, p).
    var canonicalBytes: [UInt8] {
        var limbs = weaklyReduced()
        // After weak reduction the value is below 2p, so it is at most one subtraction of p away from canonical.
        // Adding 19 and looking at the carry out of bit 255 tells whether value + 19 >= 2^255, i.e. value >= p.
        var carry = (limbs.l0 + 19) >> 51
        carry = (limbs.l1 + carry) >> 51
        carry = (limbs.l2 + carry) >> 51
        carry = (limbs.l3 + carry) >> 51
        carry = (limbs.l4 + carry) >> 51
        limbs.l0 += 19 * carry
        limbs.l1 += limbs.l0 >> 51
        limbs.l0 &= Self.limbMask
        limbs.l2 += limbs.l1 >> 51
        limbs.l1 &= Self.limbMask
        limbs.l3 += limbs.l2 >> 51
        limbs.l2 &= Self.limbMask
        limbs.l4 += limbs.l3 >> 51
        limbs.l3 &= Self.limbMask
        // Dropping bit 255 is the subtraction of 2^255 that completes "+ 19 - 2^255 = - p".
        limbs.l4 &= Self.limbMask

        let words: [UInt64] = [
            limbs.l0 | limbs.l1 << 51,
            limbs.l1 >> 13 | limbs.l2 << 38,
            limbs.l2 >> 26 | limbs.l3 << 25,
            limbs.l3 >> 39 | limbs.l4 << 12,
        ]
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for word in words {
            for shift in stride(from: UInt64(0), to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> shift))
            }
        }
        return bytes
    }

    var isZero: Bool { canonicalBytes.allSatisfy { $0 == 0 } }

    /// RFC 8032 calls an element "negative" when its canonical value is odd; the sign bit of an encoding stores it.
    var isNegative: Bool { canonicalBytes[0] & 1 == 1 }

    /// Propagates carries so that every limb is below 2^51 + 2^18; the folded carry out of the top limb is
    /// multiplied by 19 because 2^255 ≡ 19 (mod p).
    private func weaklyReduced() -> FieldElement {
        var result = self
        result.l1 += result.l0 >> 51
        result.l0 &= Self.limbMask
        result.l2 += result.l1 >> 51
        result.l1 &= Self.limbMask
        result.l3 += result.l2 >> 51
        result.l2 &= Self.limbMask
        result.l4 += result.l3 >> 51
        result.l3 &= Self.limbMask
        result.l0 += 19 * (result.l4 >> 51)
        result.l4 &= Self.limbMask
        return result
    }

    static func + (lhs: FieldElement, rhs: FieldElement) -> FieldElement {
        FieldElement(lhs.l0 + rhs.l0, lhs.l1 + rhs.l1, lhs.l2 + rhs.l2, lhs.l3 + rhs.l3, lhs.l4 + rhs.l4)
            .weaklyReduced()
    }

    static func - (lhs: FieldElement, rhs: FieldElement) -> FieldElement {
        // Adding 4p (limb-wise larger than any weakly reduced limb) keeps every limb difference non-negative.
        FieldElement(
            (lhs.l0 + 0x1F_FFFF_FFFF_FFB4) - rhs.l0,
            (lhs.l1 + 0x1F_FFFF_FFFF_FFFC) - rhs.l1,
            (lhs.l2 + 0x1F_FFFF_FFFF_FFFC) - rhs.l2,
            (lhs.l3 + 0x1F_FFFF_FFFF_FFFC) - rhs.l3,
            (lhs.l4 + 0x1F_FFFF_FFFF_FFFC) - rhs.l4
        ).weaklyReduced()
    }

    static prefix func - (value: FieldElement) -> FieldElement {
        zero - value
    }

    static func * (lhs: FieldElement, rhs: FieldElement) -> FieldElement {
        let (a0, a1, a2, a3, a4) = (UInt128(lhs.l0), UInt128(lhs.l1), UInt128(lhs.l2), UInt128(lhs.l3), UInt128(lhs.l4))
        let (b0, b1, b2, b3, b4) = (UInt128(rhs.l0), UInt128(rhs.l1), UInt128(rhs.l2), UInt128(rhs.l3), UInt128(rhs.l4))
        // Products landing at limb position 5 + k wrap to position k with a factor 19, since 2^255 ≡ 19 (mod p).
        let (b1x19, b2x19, b3x19, b4x19) = (b1 * 19, b2 * 19, b3 * 19, b4 * 19)
        return carried(
            a0 * b0 + a1 * b4x19 + a2 * b3x19 + a3 * b2x19 + a4 * b1x19,
            a0 * b1 + a1 * b0 + a2 * b4x19 + a3 * b3x19 + a4 * b2x19,
            a0 * b2 + a1 * b1 + a2 * b0 + a3 * b4x19 + a4 * b3x19,
            a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + a4 * b4x19,
            a0 * b4 + a1 * b3 + a2 * b2 + a3 * b1 + a4 * b0
        )
    }

    /// self · self with 15 limb products instead of 25; squarings dominate both exponentiation and point doubling.
    func squared() -> FieldElement {
        let (a0, a1, a2, a3, a4) = (UInt128(l0), UInt128(l1), UInt128(l2), UInt128(l3), UInt128(l4))
        let (twoA0, twoA1, twoA2, twoA3) = (2 * a0, 2 * a1, 2 * a2, 2 * a3)
        let (a3x19, a4x19) = (a3 * 19, a4 * 19)
        return Self.carried(
            a0 * a0 + twoA1 * a4x19 + twoA2 * a3x19,
            twoA0 * a1 + twoA2 * a4x19 + a3 * a3x19,
            twoA0 * a2 + a1 * a1 + twoA3 * a4x19,
            twoA0 * a3 + twoA1 * a2 + a4 * a4x19,
            twoA0 * a4 + twoA1 * a3 + a2 * a2
        )
    }

    /// Turns the five column sums of a product back into weakly reduced limbs.
    ///
    /// With input limbs below 2^52 each column is below 77 · 2^104 < 2^111, so UInt128 never overflows and the
    /// final limbs are below 2^52 again.
    private static func carried(
        _ c0: UInt128, _ c1: UInt128, _ c2: UInt128, _ c3: UInt128, _ c4: UInt128
    ) -> FieldElement {
        let mask = UInt128(limbMask)
        var (c0, c1, c2, c3, c4) = (c0, c1, c2, c3, c4)
        c1 += c0 >> 51
        c0 &= mask
        c2 += c1 >> 51
        c1 &= mask
        c3 += c2 >> 51
        c2 &= mask
        c4 += c3 >> 51
        c3 &= mask
        c0 += 19 * (c4 >> 51)
        c4 &= mask
        c1 += c0 >> 51
        c0 &= mask
        return FieldElement(
            UInt64(truncatingIfNeeded: c0),
            UInt64(truncatingIfNeeded: c1),
            UInt64(truncatingIfNeeded: c2),
            UInt64(truncatingIfNeeded: c3),
            UInt64(truncatingIfNeeded: c4)
        )
    }

    /// self^(2^count), by repeated squaring.
    func squared(times count: Int) -> FieldElement {
        var result = self
        for _ in 0..<count {
            result = result.squared()
        }
        return result
    }

    /// Returns (self^(2^250 - 1), self^11): the common prefix of the addition chains for p - 2 and (p - 5)/8.
    /// Chain as in ref10 / curve25519-dalek; each name (and trailing comment) gives the exponent reached so far.
    private func power2To250Minus1() -> (FieldElement, FieldElement) {
        let t2 = squared()  // 2
        let t9 = self * t2.squared(times: 2)  // 9
        let t11 = t2 * t9  // 11
        let t2To5Minus1 = t9 * t11.squared()  // 31 = 2^5 - 1
        let t2To10Minus1 = t2To5Minus1.squared(times: 5) * t2To5Minus1
        let t2To20Minus1 = t2To10Minus1.squared(times: 10) * t2To10Minus1
        let t2To40Minus1 = t2To20Minus1.squared(times: 20) * t2To20Minus1
        let t2To50Minus1 = t2To40Minus1.squared(times: 10) * t2To10Minus1
        let t2To100Minus1 = t2To50Minus1.squared(times: 50) * t2To50Minus1
        let t2To200Minus1 = t2To100Minus1.squared(times: 100) * t2To100Minus1
        let t2To250Minus1 = t2To200Minus1.squared(times: 50) * t2To50Minus1
        return (t2To250Minus1, t11)
    }

    /// The multiplicative inverse, self^(p - 2) (Fermat); zero maps to zero.
    func inverted() -> FieldElement {
        let (t2To250Minus1, t11) = power2To250Minus1()
        return t2To250Minus1.squared(times: 5) * t11  // 2^255 - 32 + 11 = p - 2
    }

    /// self^((p - 5)/8) = self^(2^252 - 3), the exponent of the RFC 8032 §5.1.3 square-root candidate.
    func powerPMinus5Over8() -> FieldElement {
        let (t2To250Minus1, _) = power2To250Minus1()
        return t2To250Minus1.squared(times: 2) * self  // 2^252 - 4 + 1
    }
}

extension FieldElement: Equatable {
    static func == (lhs: FieldElement, rhs: FieldElement) -> Bool {
        lhs.canonicalBytes == rhs.canonicalBytes
    }
}

import Testing

@testable import Edwards25519

@Suite struct FieldElementTests {
    /// Encodings chosen to hit large limbs, values near p and the sign bit.
    static let samples = [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p - 1
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff3f",
        "5866666666666666666666666666666666666666666666666666666666666666",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "ffffffffffff07000000000000000000000000000000000000000000000000f8",
    ]

    @Test func curveConstantD() {
        #expect(FieldElement.d * FieldElement(121666) == -FieldElement(121665))
        #expect(FieldElement.twoD == FieldElement.d * FieldElement(2))
    }

    @Test func sqrtMinusOneSquaresToMinusOne() {
        #expect(FieldElement.sqrtMinusOne.squared() == -FieldElement.one)
    }

    @Test(arguments: samples)
    func inverseMultipliesToOne(hex: String) {
        let value = FieldElement(littleEndianBytes: hexBytes(hex))
        #expect(value * value.inverted() == .one)
    }

    @Test func zeroInvertsToZero() {
        #expect(FieldElement.zero.inverted().isZero)
    }

    @Test(arguments: samples)
    func squaringMatchesMultiplication(hex: String) {
        let value = FieldElement(littleEndianBytes: hexBytes(hex))
        // Sums and differences have limbs above 2^51, exercising the bounds of the product code.
        let unreduced = value + value + value - FieldElement.one
        #expect(value.squared() == value * value)
        #expect(unreduced.squared() == unreduced * unreduced)
        #expect(value.squared(times: 3) == value * value * value * value * value * value * value * value)
    }

    @Test(arguments: samples)
    func arithmeticIdentities(hex: String) {
        let value = FieldElement(littleEndianBytes: hexBytes(hex))
        #expect(value - value == .zero)
        #expect(value + -value == .zero)
        #expect((value + .one) * (value - .one) == value.squared() - .one)
    }

    @Test(arguments: [
        // (input, canonical encoding): values at and above p reduce; bit 255 is ignored.
        (
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0100000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "1200000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "0100000000000000000000000000000000000000000000000000000000000080",
            "0100000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
        ),
    ])
    func canonicalBytesReduceModP(input: String, canonical: String) {
        #expect(FieldElement(littleEndianBytes: hexBytes(input)).canonicalBytes == hexBytes(canonical))
    }

    @Test func sumWrappingPastPIsCanonical() {
        let pMinusOne = FieldElement(littleEndianBytes: hexBytes(Self.samples[1]))
        #expect((pMinusOne + FieldElement(2)).canonicalBytes == FieldElement.one.canonicalBytes)
        #expect((FieldElement.zero - .one).canonicalBytes == pMinusOne.canonicalBytes)
    }

    @Test func signIsTheParityOfTheCanonicalValue() {
        #expect(FieldElement.one.isNegative)
        #expect(!FieldElement.zero.isNegative)
        #expect(!(-FieldElement.one).isNegative)  // p - 1 is even
    }
}

import Testing

@testable import Edwards25519

@Suite struct EdwardsPointTests {
    @Test func basePointEncoding() {
        #expect(
            EdwardsPoint.basePoint.encoded
                == hexBytes("5866666666666666666666666666666666666666666666666666666666666666"))
    }

    @Test(arguments: RFC8032Vector.all)
    func rfc8032PublicKeyIsClampedScalarTimesBasePoint(vector: RFC8032Vector) {
        let publicKey = EdwardsPoint.basePoint.multiplied(byLittleEndianScalar: hexBytes(vector.clampedScalar))
        #expect(publicKey.encoded == hexBytes(vector.publicKey))
    }

    /// [s]B encodings from an offline Python reference.
    @Test(arguments: [
        ("02", "c9a3f86aae465f0e56513864510f3997561fa2c9e85ea21dc2292309f3cd6022"),
        ("03", "d4b4f5784868c3020403246717ec169ff79e26608ea126a1ab69ee77d1b16712"),
        ("08", "b4b937fca95b2f1e93e41e62fc3c78818ff38a66096fad6e7973e5c90006d321"),
        ("09", "c0f1225584444ec730446e231390781ffdd2f256e9fcbeb2f40dddc2c2233d7f"),
        ("efbeadde", "aa8a6aca3fad09b66800f719b672863ecc5c477a6fe745b3978a783081f5b080"),
        (
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "af9b6a948d400c38197f1d0675ec3d6630780c67ad4dfc7e5fe6e6a39cc90fd3"
        ),
    ])
    func scalarMultiplesOfBasePoint(scalar: String, expected: String) {
        #expect(EdwardsPoint.basePoint.multiplied(byLittleEndianScalar: hexBytes(scalar)).encoded == hexBytes(expected))
    }

    @Test func basePointHasOrderL() {
        let order = hexBytes(Vectors.groupOrder)
        #expect(EdwardsPoint.basePoint.multiplied(byLittleEndianScalar: order).isIdentity)
        var orderMinusOne = order
        orderMinusOne[0] -= 1
        #expect(EdwardsPoint.basePoint.multiplied(byLittleEndianScalar: orderMinusOne) == -EdwardsPoint.basePoint)
        #expect(!EdwardsPoint.basePoint.multipliedByCofactor().isIdentity)
    }

    @Test func additionAndDoublingAgree() {
        let b = EdwardsPoint.basePoint
        #expect(b + b == b.doubled())
        #expect(b.doubled() + b == b + b.doubled())
        #expect(b + EdwardsPoint.identity == b)
        #expect((b + -b).isIdentity)
        #expect(EdwardsPoint.identity.doubled().isIdentity)
    }

    @Test func orderEightPointHasOrderExactlyEight() throws {
        let point = try EdwardsPoint(decoding: hexBytes(Vectors.orderEightPoint))
        #expect(point.multipliedByCofactor().isIdentity)
        #expect(!point.doubled().doubled().isIdentity)
    }

    @Test(arguments: Vectors.generatedPublicKeys.prefix(5))
    func decodingThenEncodingRoundTrips(publicKey: String) throws {
        let encoding = hexBytes(publicKey)
        #expect(try EdwardsPoint(decoding: encoding).encoded == encoding)
    }

    /// y = 0 is a point of order 4 with x = ±sqrt(-1); decoding must take the sqrt(-1) branch and honour the sign.
    @Test func decodingUsesSqrtMinusOneBranch() throws {
        let positive = try EdwardsPoint(decoding: littleEndian32(0))
        let negative = try EdwardsPoint(decoding: withSignBit(littleEndian32(0)))
        #expect(positive == -negative)
        #expect(positive != negative)
        let x = positive.x * positive.z.inverted()
        #expect(x.squared() == -FieldElement.one)
        #expect(!x.isNegative)
        #expect(positive.doubled().doubled().isIdentity)
    }
}

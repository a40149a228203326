import Testing

@testable import Edwards25519

@Suite struct ScalarTests {
    @Test(arguments: [
        ("0000000000000000000000000000000000000000000000000000000000000000", true),  // 0
        ("ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", true),  // L - 1
        ("0000000000000000000000000000000000000000000000000000000000000010", true),  // 2^252
        ("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0f", true),  // 2^252 - 1
        ("edd3f55c1a631258d69cf7a2def9de1300000000000000000000000000000010", true),  // L - 2^224: lower middle byte
        ("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", false),  // L
        ("eed3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", false),  // L + 1
        ("edd3f55c1a631258d69cf7a2def9de1500000000000000000000000000000010", false),  // L + 2^224
        ("0000000000000000000000000000000000000000000000000000000000000020", false),  // 2^253
        ("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false),  // 2^256 - 1
    ])
    func isCanonicalScalarComparesWithL(scalar: String, isCanonical: Bool) {
        #expect(Edwards25519.isCanonicalScalar(hexBytes(scalar)) == isCanonical)
    }

    @Test(arguments: [0, 31, 33, 64])
    func isCanonicalScalarRefusesWrongLengths(length: Int) {
        #expect(!Edwards25519.isCanonicalScalar([UInt8](repeating: 0, count: length)))
    }

    @Test func rfc8032SignatureHasCanonicalScalar() {
        #expect(Edwards25519.hasCanonicalScalar(signature: hexBytes(RFC8032Vector.test1Signature)))
    }

    /// R is irrelevant: only bytes 32..<64 are the scalar S.
    @Test(arguments: [
        ("ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", true),  // L - 1
        ("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", false),  // L
        ("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false),  // 2^256 - 1
    ])
    func hasCanonicalScalarReadsTheSecondHalf(s: String, isCanonical: Bool) {
        let r = [UInt8](repeating: 0xFF, count: 32)
        #expect(Edwards25519.hasCanonicalScalar(signature: r + hexBytes(s)) == isCanonical)
    }

    /// The RFC 8032 TEST 1 signature with L added to S: verifies under a lax verifier, so it must be refused.
    @Test func malleatedSignatureIsRefused() {
        let signature = hexBytes(RFC8032Vector.test1Signature)
        var s = Array(signature[32...])
        var carry: UInt16 = 0
        for (index, orderByte) in hexBytes(Vectors.groupOrder).enumerated() {
            let sum = UInt16(s[index]) + UInt16(orderByte) + carry
            s[index] = UInt8(truncatingIfNeeded: sum)
            carry = sum >> 8
        }
        #expect(carry == 0)
        #expect(!Edwards25519.hasCanonicalScalar(signature: signature[..<32] + s))
    }

    @Test(arguments: [0, 32, 63, 65, 128])
    func hasCanonicalScalarRefusesWrongLengths(length: Int) {
        #expect(!Edwards25519.hasCanonicalScalar(signature: [UInt8](repeating: 0, count: length)))
    }
}

import Testing

@testable import Edwards25519

@Suite struct PublicKeyCheckTests {
    /// libsodium's blocklist of small-order encodings, with the defect expected for the encoding as written and with
    /// the sign bit (0x80 in byte 31) set. x = 0 for y = 1 and y = -1, so their signed forms are non-canonical;
    /// p and p + 1 are y >= p either way.
    static let libsodiumBlocklist: [(String, Ed25519PublicKeyDefect, Ed25519PublicKeyDefect)] = [
        ("0000000000000000000000000000000000000000000000000000000000000000", .smallOrder, .smallOrder),  // y = 0
        ("0100000000000000000000000000000000000000000000000000000000000000", .smallOrder, .nonCanonicalEncoding),
        ("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", .smallOrder, .smallOrder),  // order 8
        ("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", .smallOrder, .smallOrder),  // order 8
        ("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", .smallOrder, .nonCanonicalEncoding),
        (
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", .nonCanonicalEncoding,
            .nonCanonicalEncoding
        ),
        (
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", .nonCanonicalEncoding,
            .nonCanonicalEncoding
        ),
    ]

    @Test(arguments: libsodiumBlocklist)
    func libsodiumBlocklistIsRefused(
        encoding: String, expected: Ed25519PublicKeyDefect, expectedWithSignBit: Ed25519PublicKeyDefect
    ) {
        let key = hexBytes(encoding)
        #expect(defect(of: key) == expected)
        #expect(defect(of: withSignBit(key)) == expectedWithSignBit)
    }

    /// Every y in [p, 2^255) is a second spelling of y - p.
    @Test(arguments: Array(0..<19))
    func yAtLeastPIsNonCanonical(offset: UInt8) {
        var key = hexBytes("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
        key[0] += offset
        #expect(defect(of: key) == .nonCanonicalEncoding)
        #expect(defect(of: withSignBit(key)) == .nonCanonicalEncoding)
    }

    /// y values below 40 for which (y² - 1)/(d·y² + 1) is not a square, per an offline Python reference.
    static let smallYNotOnCurve: Set<UInt64> = [2, 7, 8, 11, 12, 13, 17, 20, 22, 31, 34, 36, 38]

    @Test func firstUndecodableSmallYIsNotOnCurve() throws {
        let firstNotOnCurve = try #require((0..<40).first { defect(of: littleEndian32($0)) == .notOnCurve })
        #expect(firstNotOnCurve == 2)
        #expect(defect(of: withSignBit(littleEndian32(firstNotOnCurve))) == .notOnCurve)
    }

    @Test(arguments: Array(UInt64(0)..<40))
    func smallYDecodesExactlyWhenReferenceSaysSo(y: UInt64) {
        let isNotOnCurve = defect(of: littleEndian32(y)) == .notOnCurve
        #expect(isNotOnCurve == Self.smallYNotOnCurve.contains(y))
    }

    @Test(arguments: Vectors.generatedPublicKeys)
    func generatedKeysAreAccepted(publicKey: String) {
        #expect(defect(of: hexBytes(publicKey)) == nil)
    }

    @Test(arguments: RFC8032Vector.all)
    func rfc8032KeysAreAccepted(vector: RFC8032Vector) {
        #expect(defect(of: hexBytes(vector.publicKey)) == nil)
    }

    @Test(arguments: ["01", "02", "03", "09", "deadbeef", "ecd3f55c1a631258d69cf7a2def9de14"])
    func multiplesOfTheBasePointAreAccepted(scalar: String) {
        let key = EdwardsPoint.basePoint.multiplied(byLittleEndianScalar: hexBytes(scalar)).encoded
        #expect(defect(of: key) == nil)
    }

    /// A valid key plus each non-trivial torsion point, added with the internal point addition.
    @Test(arguments: 1..<8)
    func mixedOrderKeysAreRefused(torsionMultiple: UInt8) throws {
        let torsionPoint = try EdwardsPoint(decoding: hexBytes(Vectors.orderEightPoint))
            .multiplied(byLittleEndianScalar: [torsionMultiple])
        for publicKey in Vectors.generatedPublicKeys.prefix(3) + [RFC8032Vector.all[0].publicKey] {
            let mixed = try EdwardsPoint(decoding: hexBytes(publicKey)) + torsionPoint
            #expect(defect(of: mixed.encoded) == .torsionComponent)
        }
    }

    /// The same kind of keys computed by an offline Python reference, so the expectation does not depend on this
    /// module's own point addition.
    @Test(arguments: [
        "f179f406ac8909c719db25b1bd0cf2fdfdf32424b2ece1224cd890bb74dd3147",
        "f1001df5db0d7f11dae062a405bcdca7512dbc5d5cf884e8ed6ac1faeba6ec6d",
        "152c6db43bb3177cc5e4531a0fbb596e7ec759a65f69736c85421472fcc57ece",
        "7898ac57b42650f592f630fa148a4269ae48302443cfe9c6e9066b58ddacfcd6",
        "04cc7ce3071d7a6500f84d2d9b09eb1b05401a958d48a4b2448d8c54e6dec378",
        "24243317f4415d83b4ea2a60a111da4871f450c7165c6f879cce754d30137160",
        "8dbe55fd09766f2211b63d7af2613b148e7d6d8640a5df776c27f1e51aad7614",
    ])
    func referenceMixedOrderKeysAreRefused(publicKey: String) {
        #expect(defect(of: hexBytes(publicKey)) == .torsionComponent)
    }

    /// All eight torsion points, including the identity, whatever their encoding.
    @Test(arguments: 0..<8)
    func torsionPointsAreSmallOrder(multiple: UInt8) throws {
        let point = try EdwardsPoint(decoding: hexBytes(Vectors.orderEightPoint))
            .multiplied(byLittleEndianScalar: [multiple])
        #expect(defect(of: point.encoded) == .smallOrder)
    }

    @Test(arguments: [0, 1, 31, 33, 64])
    func wrongLengthIsRefused(length: Int) {
        #expect(throws: Ed25519PublicKeyDefect.wrongLength(length)) {
            try Edwards25519.checkPublicKey([UInt8](repeating: 0, count: length))
        }
    }

    @Test func acceptsAnyCollectionOfBytes() {
        let key = hexBytes(RFC8032Vector.all[0].publicKey)
        let padded = [0xAA] + key + [0xBB]
        #expect(defect(of: padded[1..<33]) == nil)
        #expect(defect(of: padded.dropFirst()) == .wrongLength(33))
    }

    @Test func descriptionsTellTheUserWhatIsWrong() {
        #expect(
            Ed25519PublicKeyDefect.smallOrder.description
                == "public key is a small-order point (it would let anyone forge signatures); generate a real key pair")
        #expect(Ed25519PublicKeyDefect.wrongLength(31).description.contains("31 bytes"))
        let defects: [Ed25519PublicKeyDefect] = [
            .wrongLength(0), .nonCanonicalEncoding, .notOnCurve, .smallOrder, .torsionComponent,
        ]
        #expect(Set(defects.map(\.description)).count == defects.count)
        #expect(defects.allSatisfy { $0.description.hasPrefix("public key ") })
    }
}

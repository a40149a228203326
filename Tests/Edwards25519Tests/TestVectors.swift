import Testing

@testable import Edwards25519

/// A key pair from RFC 8032 §7.1. The clamped secret scalar (SHA-512(seed)[0..<32] with bits 0-2 and 255 cleared,
/// bit 254 set) was computed offline with Python's hashlib and cross-checked against the `cryptography` package,
/// so the tests need no SHA-512.
struct RFC8032Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let seed: String
    let clampedScalar: String
    let publicKey: String

    var testDescription: String { name }

    static let all = [
        RFC8032Vector(
            name: "TEST 1",
            seed: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            clampedScalar: "307c83864f2833cb427a2ef1c00a013cfdff2768d980c0a3a520f006904de94f",
            publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        ),
        RFC8032Vector(
            name: "TEST 2",
            seed: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            clampedScalar: "68bd9ed75882d52815a97585caf4790a7f6c6b3b7f821c5e259a24b02e502e51",
            publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"
        ),
        RFC8032Vector(
            name: "TEST 3",
            seed: "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            clampedScalar: "909a8b755ed902849023a55b15c23d11ba4d7f4ec5c2f51b1325a181991ea95c",
            publicKey: "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025"
        ),
        RFC8032Vector(
            name: "TEST 1024",
            seed: "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
            clampedScalar: "609c888d0ef886d34b6edef27fb244aa04b3a49c82260e6ab86e784ff488cc48",
            publicKey: "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e"
        ),
    ]

    /// RFC 8032 §7.1 TEST 1: the signature of the empty message.
    static let test1Signature =
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
}

enum Vectors {
    /// Public keys of fresh key pairs from Python's `cryptography` package (Ed25519PrivateKey.generate()).
    static let generatedPublicKeys = [
        "f9be3e8ae04d1abc948101b00b69f58c6a4c48d38edba713a1c9632e9d5ba9bb",
        "a01f2c36eff6594453ce0a0c4deac32b7c0463d60e7d2fe67faab44c6e918086",
        "ab29edc15310bdf1a3418f6865959776a4ad261dc1ca79ab450c3ae48e466977",
        "b399c4053c484aae123291b3924688def3f245d823216909be2d79f769907d49",
        "d0041ea027ce15555a3754155d448cfae3b11efefea5cd448bdee8625b180774",
        "04e3c75a404ff6673d78a9e1e9c08e3950319803832deb8cdf55209eba3782dc",
        "47d94f47fa47d3d0c0b70a9164e2a345e8b62294765b5db654bc9ad992132a40",
        "65190cfff7e94ff66280cf34bb7a1975b63d50b29093cd4a6f9ac475c07b17c6",
        "d88b168f99b04aa6ea8d2356b6e1b48b99fb826f28d2f74837d90b2db03e0e39",
        "f368dac178244dc734c5c0f50036be44e8ae90f269050df0dcc2257957b67b0f",
        "e28fa8c0577bb0380a99c6f00115edb669a23d3ec6d03f9453d437f961a298c1",
        "49442d32a1c7fd48578cd424df84c737dcd6f62cfd1b71d413b22c2f4ed0dae2",
        "5b9df2f7f0a56944f3d790d4bf8b5779ac7cd11e715f94900f377f8a7044d8de",
        "8f92dcd3963523d9e9d6df0e893dbdf424b7abbaa704c6d63d7c0ae4aef12fbe",
        "4a78cb637d259ad26e260910abb1624e3f6c420867dd50985138c03c37ad7f49",
        "91ce6ba328d301f89c29b04387ac5f4ec88f3c6db330dd6a61587e7cc55d26b9",
        "7a66518fb07a23910a08811ac99b3299aaa0abb6b2d8b99a4837e317fedaf2ce",
        "78411a80bb1528cc6f502a52f81d455a76a37bd1911a1cc9205e60c4b779b1a1",
        "7a5c92bf242618e87211631cb88c2d7e5c317420806cc62e7d804fb801966a77",
        "91d8497b4469367a2eabfa32226c0f13ce4242c2ca6c0c83e224df315d10380a",
    ]

    /// A point of order 8 (one of libsodium's blocklisted encodings); its multiples are the whole torsion subgroup.
    static let orderEightPoint = "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"

    /// The group order L, little-endian.
    static let groupOrder = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010"
}

/// The defect `checkPublicKey` reports, or nil when it accepts the key.
func defect(of key: some Collection<UInt8>) -> Ed25519PublicKeyDefect? {
    do {
        try Edwards25519.checkPublicKey(key)
        return nil
    } catch {
        return error
    }
}

/// A 32-byte little-endian encoding of a small integer, e.g. a y coordinate to probe.
func littleEndian32(_ value: UInt64) -> [UInt8] {
    (0..<32).map { $0 < 8 ? UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) : 0 }
}

func withSignBit(_ encoding: [UInt8]) -> [UInt8] {
    var copy = encoding
    copy[31] |= 0x80
    return copy
}

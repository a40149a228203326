import CredenceProtocol
import Foundation
import Testing

/// The independent DSSE cross-test vectors (`Vectors/dsse`, copied from `shared/vectors/dsse`): every
/// verdict must match the manifest, whichever key encoding (PEM, hex, base64) the verifier is given.
struct DSSEVectorTests {
    struct Vector: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let envelope: String
        let keys: [String]
        let keysHex: [String]
        let keysB64: [String]
        let threshold: Int
        let payloadType: String?
        let strict: Bool
        let expect: String
        let why: String

        var testDescription: String { name }
    }

    struct Manifest: Decodable {
        let vectors: [Vector]
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Vectors/dsse")

    static let vectors: [Vector] = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("manifest.json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(Manifest.self, from: data).vectors
    }()

    enum KeyForm: CaseIterable { case pem, hex, base64 }

    @Test(arguments: vectors, KeyForm.allCases)
    func verdictMatchesManifest(vector: Vector, form: KeyForm) throws {
        let keyFiles =
            switch form {
            case .pem: vector.keys
            case .hex: vector.keysHex
            case .base64: vector.keysB64
            }
        let keys = try keyFiles.map { file in
            try PublicKey(text: String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8))
        }
        let policy = try VerificationPolicy(
            trustedKeys: keys, threshold: vector.threshold, requiredPayloadType: vector.payloadType,
            strictBase64: vector.strict)
        let bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent(vector.envelope)))
        let verdict: String
        do {
            let verified = try EnvelopeVerifier.verify(bytes, policy: policy)
            #expect(verified.signers.count >= vector.threshold)
            verdict = "valid"
        } catch {
            verdict = "invalid"
        }
        #expect(verdict == vector.expect, "\(vector.name): \(vector.why)")
    }

    @Test func keyIDsMatchTheManifest() throws {
        let expected = [
            "partner-a": "sha256:3187e492733fc010", "partner-b": "sha256:394d5bdea33535ac",
            "partner-c": "sha256:44b4dff44ebe35a7",
        ]
        for (name, keyID) in expected {
            let pem = try String(
                contentsOf: Self.directory.appendingPathComponent("keys/\(name).pub.pem"), encoding: .utf8)
            #expect(try PublicKey(text: pem).keyID == keyID)
        }
    }

    @Test func publishedSeedsReproduceThePublicKeys() throws {
        for name in ["partner-a", "partner-b", "partner-c"] {
            let seed = try String(
                contentsOf: Self.directory.appendingPathComponent("keys/\(name).seed.hex"), encoding: .utf8)
            let hex = try String(
                contentsOf: Self.directory.appendingPathComponent("keys/\(name).pub.hex"), encoding: .utf8)
            #expect(try SigningKey(text: seed).publicKey == PublicKey(text: hex))
        }
    }

    /// Signing the first vector's payload with partner-a's published seed reproduces its signature byte
    /// for byte: our PAE and signer agree with the independent implementation.
    @Test func signerReproducesTheVectorSignature() throws {
        let seed = try String(
            contentsOf: Self.directory.appendingPathComponent("keys/partner-a.seed.hex"), encoding: .utf8)
        let original = try Envelope(
            parsing: Data(contentsOf: Self.directory.appendingPathComponent("01-valid-basic.json")))
        let resigned = EnvelopeSigner.sign(
            payload: original.payload, payloadType: original.payloadType, with: [try SigningKey(text: seed)])
        #expect(resigned.signatures.first?.signature == original.signatures.first?.signature)
        #expect(resigned.signatures.first?.keyID == "sha256:3187e492733fc010")
    }
}

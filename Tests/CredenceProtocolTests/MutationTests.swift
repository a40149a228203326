import CredencePrimitives
import Testing

@testable import CredenceProtocol

/// Random damage to a valid envelope: every mutant either fails to verify or, if it still verifies, carries
/// exactly the signed payload and payload type (only unsigned parts such as a keyid hint changed).
struct MutationTests {
    @Test func mutatedEnvelopesNeverVerifyAsSomethingElse() throws {
        let key = SampleBatches.signingKey(for: .commerce)
        let policy = try VerificationPolicy(trustedKeys: [key.publicKey])
        let original = SampleBatches.envelope(for: .commerce)
        let bytes = original.serialized()
        var random = SplitMix64(seed: 2026)
        var verifiedMutants = 0
        for _ in 0..<3000 {
            let mutant = ByteMutation.damage(bytes, using: &random)
            guard let verified = try? EnvelopeVerifier.verify(mutant, policy: policy) else { continue }
            verifiedMutants += 1
            #expect(verified.payload == original.payload)
            #expect(verified.payloadType == original.payloadType)
        }
        // Most damage lands in the payload or signature; only changes to unsigned hints may still verify.
        #expect(verifiedMutants < 300)
    }

    @Test func randomBytesNeverCrashTheParsers() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array(#"{}[]:,"\ 0123456789.eE+-truefalsnul"#.utf8)
        for _ in 0..<5000 {
            let length = Int.random(in: 0..<64, using: &random)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
            _ = try? StrictJSONParser.parse(text)
            _ = try? Envelope(parsing: text)
            _ = try? Batch.decodeUnverified(text)
        }
    }
}

/// Random damage to bytes, shared by the tests that throw mutants at a parser or decoder: one to three
/// bytes changed, removed or inserted.
enum ByteMutation {
    /// `count` damaged copies of each sample, from a fixed seed.
    static func mutants(of samples: [[UInt8]], count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        return samples.flatMap { sample in (0..<count).map { _ in damage(sample, using: &random) } }
    }

    static func damage(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var mutant = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) where !mutant.isEmpty {
            let index = Int.random(in: 0..<mutant.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: mutant[index] ^= UInt8.random(in: 1...255, using: &random)
            case 1: mutant.remove(at: index)
            default: mutant.insert(UInt8.random(in: 0...255, using: &random), at: index)
            }
        }
        return mutant
    }
}

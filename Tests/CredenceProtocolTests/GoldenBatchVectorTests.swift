import CredenceProtocol
import Foundation
import Testing

/// `protocol/vectors/batch-*.dsse.json` are what our implementation produces for ``SampleBatches``; any
/// change to serialization, tokens, encodings or signing shows up here as a byte difference.
/// Regenerate deliberately with `CREDENCE_UPDATE_VECTORS=1 swift test --filter GoldenBatchVectorTests`.
struct GoldenBatchVectorTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../protocol/vectors").standardized

    static let updating = ProcessInfo.processInfo.environment["CREDENCE_UPDATE_VECTORS"] == "1"

    static func file(_ kind: PartnerKind, _ suffix: String) -> URL {
        directory.appendingPathComponent("batch-\(kind.rawValue).\(suffix)")
    }

    @Test(arguments: PartnerKind.allCases)
    func envelopeBytesAreStable(kind: PartnerKind) throws {
        let envelope = Data(SampleBatches.envelope(for: kind).serialized())
        let publicKey = Data(SampleBatches.signingKey(for: kind).publicKey.pemRepresentation.utf8)
        let payload = Data(SampleBatches.batch(for: kind).serialized())
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try envelope.write(to: Self.file(kind, "dsse.json"))
            try publicKey.write(to: Self.file(kind, "pub"))
            try payload.write(to: Self.file(kind, "payload.json"))
        }
        #expect(try Data(contentsOf: Self.file(kind, "dsse.json")) == envelope)
        #expect(try Data(contentsOf: Self.file(kind, "pub")) == publicKey)
        #expect(try Data(contentsOf: Self.file(kind, "payload.json")) == payload)
    }

    @Test(arguments: PartnerKind.allCases)
    func storedVectorVerifiesAndDecodes(kind: PartnerKind) throws {
        let key = try PublicKey(text: String(contentsOf: Self.file(kind, "pub"), encoding: .utf8))
        let policy = try VerificationPolicy(
            trustedKeys: [key], requiredPayloadType: PayloadType.batchV1, strictBase64: true)
        let verified = try EnvelopeVerifier.verify(
            Array(try Data(contentsOf: Self.file(kind, "dsse.json"))), policy: policy)
        let batch = try Batch.decode(verified)
        #expect(batch == SampleBatches.batch(for: kind))
        #expect(batch.partnerKind == kind)
        #expect(verified.payload == Array(try Data(contentsOf: Self.file(kind, "payload.json"))))
    }

    /// The conformance table in protocol/README.md names every vector's batch_id; it must not go stale.
    @Test(arguments: PartnerKind.allCases)
    func protocolReadmeNamesTheBatchID(kind: PartnerKind) throws {
        let readme = try String(contentsOf: Self.directory.appendingPathComponent("../README.md"), encoding: .utf8)
        let payload = Array(try Data(contentsOf: Self.file(kind, "payload.json")))
        #expect(readme.contains(Envelope.digest(of: payload)), "update the table in protocol/README.md")
        #expect(readme.contains("| \(payload.count) |"), "update the payload size in protocol/README.md")
    }
}

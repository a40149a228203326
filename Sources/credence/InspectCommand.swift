import ArgumentParser
import CredenceProtocol
import Foundation

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Summarize a batch envelope: partner, sequence, batch_id and record counts.",
        discussion: """
            Without --key nothing in the envelope is trusted and the output says so. With --key the envelope
            must verify first (exit 1 otherwise).
            """
    )

    @Option(name: .shortAndLong, help: "Trusted public key (file or PEM/hex/base64 text). Repeatable.")
    var key: [String] = []

    @Flag(help: "Print the batch header under its wire names, plus batch_id, counts and 'verified'.")
    var json = false

    @Argument(help: "The envelope file, or - for standard input.")
    var envelope: String

    func run() throws {
        let bytes = try FileIO.read(envelope)
        let payloadType: String
        let payload: [UInt8]
        var signers: [String] = []
        do {
            if key.isEmpty {
                let parsed = try Envelope(parsing: bytes)
                payloadType = parsed.payloadType
                payload = parsed.payload
            } else {
                let policy = try VerificationPolicy(trustedKeys: try TrustedKeys.load(key))
                let verified = try EnvelopeVerifier.verify(bytes, policy: policy)
                payloadType = verified.payloadType
                payload = verified.payload
                signers = verified.signers.map(\.keyID)
            }
        } catch let error as ProtocolError {
            throw CLIFailure.from(error)
        }
        let batchID = Envelope.digest(of: payload)
        guard payloadType == PayloadType.batchV1 else {
            throw CLIFailure.rejected("payloadType '\(payloadType)' is not a batch (\(PayloadType.batchV1))")
        }
        let batch: Batch
        do {
            batch = try Batch.decodeUnverified(payload)
        } catch {
            throw CLIFailure.rejected("invalid batch: \(error.message)")
        }
        let summary = BatchSummary(batch: batch, batchID: batchID, verifiedBy: signers)
        print(json ? summary.json() : summary.text())
    }
}

/// What `inspect` prints about a batch.
struct BatchSummary: Encodable {
    let partnerID: String
    let partnerKind: String
    let audience: String
    let keyEpoch: Int
    let batchSeq: Int64
    let prevBatchSha256: String?
    let createdAt: String
    let sourceFormat: String
    let batchID: String
    let recordCount: Int
    let recordsByKind: [String: Int]
    let verified: Bool
    let verifiedBy: [String]

    init(batch: Batch, batchID: String, verifiedBy: [String]) {
        partnerID = batch.partnerID.rawValue
        partnerKind = batch.partnerKind.rawValue
        audience = batch.audience.rawValue
        keyEpoch = batch.keyEpoch
        batchSeq = batch.batchSeq
        prevBatchSha256 = batch.prevBatchSha256?.rawValue
        createdAt = batch.createdAt.rawValue
        sourceFormat = batch.sourceFormat.rawValue
        self.batchID = batchID
        recordCount = batch.records.count
        recordsByKind = Dictionary(grouping: batch.records, by: \.kind.rawValue).mapValues(\.count)
        verified = !verifiedBy.isEmpty
        self.verifiedBy = verifiedBy
    }

    private enum CodingKeys: String, CodingKey {
        case partnerID = "partner_id", partnerKind = "partner_kind", audience, keyEpoch = "key_epoch"
        case batchSeq = "batch_seq", prevBatchSha256 = "prev_batch_sha256", createdAt = "created_at"
        case sourceFormat = "source_format", batchID = "batch_id", recordCount = "record_count"
        case recordsByKind = "records_by_kind", verified, verifiedBy = "verified_by"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(partnerID, forKey: .partnerID)
        try container.encode(partnerKind, forKey: .partnerKind)
        try container.encode(audience, forKey: .audience)
        try container.encode(keyEpoch, forKey: .keyEpoch)
        try container.encode(batchSeq, forKey: .batchSeq)
        try container.encode(prevBatchSha256, forKey: .prevBatchSha256)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(sourceFormat, forKey: .sourceFormat)
        try container.encode(batchID, forKey: .batchID)
        try container.encode(recordCount, forKey: .recordCount)
        try container.encode(recordsByKind, forKey: .recordsByKind)
        try container.encode(verified, forKey: .verified)
        try container.encode(verifiedBy, forKey: .verifiedBy)
    }

    func text() -> String {
        let kinds = recordsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let trust =
            verified
            ? "verified by \(verifiedBy.joined(separator: ", "))"
            : "NOT VERIFIED (contents untrusted; pass --key to verify)"
        return """
            partner     \(partnerID) (\(partnerKind))
            audience    \(audience)
            batch_seq   \(batchSeq) (prev \(prevBatchSha256 ?? "none"))
            key_epoch   \(keyEpoch)
            created_at  \(createdAt)
            source      \(sourceFormat)
            batch_id    \(batchID)
            records     \(recordCount): \(kinds)
            signature   \(trust)
            """
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}

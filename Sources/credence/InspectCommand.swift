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
        let summary = BatchSummary(batch: batch, payload: payload, batchID: batchID, verifiedBy: signers)
        print(json ? try summary.json() : summary.text())
    }
}

/// What `inspect` prints about a batch.
struct BatchSummary {
    let batch: Batch
    let payload: [UInt8]
    let batchID: String
    let verifiedBy: [String]

    var recordsByKind: [String: Int] { Dictionary(grouping: batch.records, by: \.kind.rawValue).mapValues(\.count) }

    func text() -> String {
        let kinds = recordsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let trust =
            verifiedBy.isEmpty
            ? "NOT VERIFIED (contents untrusted; pass --key to verify)"
            : "verified by \(verifiedBy.joined(separator: ", "))"
        return """
            partner     \(batch.partnerID) (\(batch.partnerKind.rawValue))
            audience    \(batch.audience)
            batch_seq   \(batch.batchSeq) (prev \(batch.prevBatchSha256?.rawValue ?? "none"))
            key_epoch   \(batch.keyEpoch)
            created_at  \(batch.createdAt)
            source      \(batch.sourceFormat.rawValue)
            batch_id    \(batchID)
            records     \(batch.records.count): \(kinds)
            signature   \(trust)
            """
    }

    /// The header members exactly as the payload has them (wire names and values), plus what inspect adds.
    func json() throws -> String {
        guard var header = try JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any] else {
            throw CLIFailure.rejected("the batch payload is not a JSON object")
        }
        header.removeValue(forKey: "records")
        header["batch_id"] = batchID
        header["record_count"] = batch.records.count
        header["records_by_kind"] = recordsByKind
        header["verified"] = !verifiedBy.isEmpty
        header["verified_by"] = verifiedBy
        let data = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

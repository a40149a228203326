import CredenceProtocol
import CredenceStore
import Crypto
import Foundation

/// The aggregator's per-batch work, stage by stage, timed in this process on one core with the same
/// library calls `BatchIngestor` makes: where an ingest's CPU time goes, without HTTP, TLS or scheduling.
struct StageCosts: Sendable {
    struct Stage: Sendable {
        let name: String
        var seconds: Double = 0
    }

    var stages: [Stage]
    /// The first `summed` stages are the ingest path; the others are parts of them, timed apart.
    var summed: Int
    var batches = 0
    var records = 0
}

/// Runs each stage over the first `sample` batches of `chain` (one partner's chain, in order), appending
/// them to a fresh store at `databasePath` with the aggregator's default options (synchronous=FULL).
func measureStages(chain: [[UInt8]], partnerKey: PublicKey, partnerID: String, sample: Int, databasePath: String)
    async throws -> StageCosts
{
    let names = [
        "envelope parse + base64", "payload read (JSON tape + decode)", "Ed25519 verify (PAE, SHA-512)",
        "validate", "store append (1 txn)",
        // Not on the ingest path: the reference path the direct reader stands in for, timed apart.
        "  StrictDecoder (the fallback)", "  JSON tree parse (the reference)",
    ]
    var costs = StageCosts(stages: names.map { StageCosts.Stage(name: $0) }, summed: 5)
    let store = try SQLiteStore(path: databasePath)
    try await store.addPartner(PartnerRecord(id: partnerID, kind: .commerce, createdAt: 0))
    try await store.addKey(PartnerKeyRecord(partnerID: partnerID, epoch: 1, publicKey: partnerKey, addedAt: 0))
    let policy = try VerificationPolicy(trustedKeys: [partnerKey])
    let clock = ContinuousClock()
    var previous: SequenceState?
    // A receipt is a few hundred bytes of JSON; its exact content does not change the cost of storing it.
    let receipt = [UInt8](repeating: UInt8(ascii: "r"), count: 600)
    for (index, bytes) in chain.prefix(sample).enumerated() {
        var mark = clock.now
        func lap(_ stage: Int) {
            let now = clock.now
            costs.stages[stage].seconds += seconds(now - mark)
            mark = now
        }
        // The calls BatchIngestor.ingest makes, in its order.
        let envelope = try Envelope(parsing: bytes)
        lap(0)
        let parsed = ParsedBatchPayload(envelope.payload)
        lap(1)
        let verified = try EnvelopeVerifier.verify(envelope, policy: policy)
        lap(2)
        let (batch, spans) = try Batch.decodeWithRecordSpans(verified, parsed: parsed)
        lap(3)
        // The reference path, apart: a JSON tree, then the generic decoder; it must agree with the direct reader.
        mark = clock.now
        let document = try StrictJSONParser.parse(envelope.payload)
        lap(6)
        let generic = try StrictDecoder.decode(Batch.self, from: document)
        lap(5)
        guard generic == batch else { throw TimingError("batch \(index + 1): the decoders disagree") }
        // Each stored record is a slice of the payload: it must parse to the record the batch holds.
        guard case .object(let object) = document, case .array(let values)? = object["records"],
            try spans.map({ try StrictJSONParser.parse(envelope.payload[$0]) }) == values
        else { throw TimingError("batch \(index + 1): the record slices differ from its records") }
        let batchID = verified.payloadDigest
        let leafHash = Array(SHA256.hash(data: Array(batchID.utf8)))
        let append = BatchToAppend(
            batchID: batchID, partnerID: partnerID, sequence: batch.batchSeq, keyEpoch: batch.keyEpoch,
            createdAt: batch.createdAt.secondsSinceEpoch, receivedAt: batch.createdAt.secondsSinceEpoch,
            envelope: bytes, recordSpans: spans, leafIndex: index, leafHash: leafHash,
            checkpoint: StoredCheckpoint(size: index + 1, rootHash: leafHash, signedNote: "bench checkpoint"),
            receipt: receipt)
        mark = clock.now
        guard case .appended = try await store.append(append, after: previous) else {
            throw TimingError("batch \(index + 1) was not appended")
        }
        lap(4)
        previous = SequenceState(lastSequence: batch.batchSeq, lastBatchID: batchID)
        costs.batches += 1
        costs.records += batch.records.count
    }
    return costs
}

struct TimingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import CredenceClient
import CredenceLog
import CredenceProtocol
import Foundation
import Logging

/// Keeps the outbox's chain and the aggregator's in step: a fresh directory continues the partner's chain
/// where the aggregator's ends (`GET /v1/partners/{id}/sequence`), and after a `sequence-gap` answer the
/// pending batches are checked against what the aggregator holds (`GET /v1/batches/{id}`).
struct ChainSynchronizer: Sendable {
    let delivery: DeliveryContext

    /// The chain head to seal after. For a fresh outbox, first adopts the aggregator's, retrying while it
    /// is unreachable, so that the first batch continues the partner's chain instead of forking it.
    func head() async throws -> ChainHead {
        if let head = try await delivery.outbox.chainHead() { return head }
        let remote = try await aggregatorHead()
        try await delivery.outbox.establishChain(remote, at: Int64(Date().timeIntervalSince1970))
        delivery.logger.notice(
            "chain synchronized with the aggregator",
            metadata: ["last_seq": "\(remote.lastSeq)", "last_batch_id": "\(remote.lastBatchID ?? "none")"])
        return remote
    }

    /// After a `sequence-gap`: acknowledges the pending batches the aggregator already holds (their receipts
    /// were lost), and refuses to go on when the chains diverged.
    func reconcile() async throws {
        let remote = try await aggregatorHead()
        var acknowledged = 0
        for batch in try await delivery.outbox.pending() {
            guard batch.seq <= remote.lastSeq else {
                guard batch.seq == remote.lastSeq + 1 else {
                    throw AdapterError(
                        .chain,
                        "the aggregator's chain for \(delivery.partnerID) ends at batch_seq \(remote.lastSeq) but the next batch in the outbox is \(batch.seq): batches \(remote.lastSeq + 1)...\(batch.seq - 1) were acknowledged earlier and are missing at the aggregator (was it restored from a backup?); the outbox is kept"
                    )
                }
                break
            }
            guard let accepted = try await acceptedReceipt(of: batch) else {
                throw AdapterError(
                    .chain,
                    "the aggregator holds another batch than ours at batch_seq \(batch.seq) (ours is \(batch.batchID)): the chains diverged; investigate before sending more, the outbox is kept"
                )
            }
            try await delivery.acknowledge(batch, receipt: accepted.receipt, receiptJSON: accepted.json)
            acknowledged += 1
        }
        guard acknowledged > 0 else {
            throw AdapterError(
                .chain,
                "the aggregator answered sequence-gap, but its sequence (last batch_seq \(remote.lastSeq)) agrees with the outbox; refusing to loop"
            )
        }
    }

    /// The aggregator's view of the partner's chain.
    func aggregatorHead() async throws -> ChainHead {
        let what = "reading the sequence of partner \(delivery.partnerID) at \(delivery.client.baseURL)"
        let body = try await delivery.policy.run(what, logger: delivery.logger, counters: delivery.counters) {
            try await delivery.get("/v1/partners/\(delivery.partnerID)/sequence", what)
        }
        guard let body else {
            throw AdapterError(
                .refused,
                "partner '\(delivery.partnerID)' is not registered at \(delivery.client.baseURL): register its \(AdapterDirectory.publicKeyFile) with the aggregator's operator first"
            )
        }
        struct Sequence: Decodable {
            let lastSeq: Int64
            let lastBatchID: String?
        }
        do throws(ProtocolError) {
            let sequence = try StrictDecoder.decode(Sequence.self, fromJSON: body, allowUnknownMembers: true)
            guard sequence.lastSeq >= 0, (sequence.lastSeq == 0) == (sequence.lastBatchID == nil),
                sequence.lastBatchID.map(SHA256Digest.isValid) ?? true
            else {
                throw ProtocolError(.schemaInvalid, "last_seq and last_batch_id do not agree")
            }
            return ChainHead(lastSeq: sequence.lastSeq, lastBatchID: sequence.lastBatchID)
        } catch {
            throw AdapterError(.refused, "\(what): the answer is not a sequence document: \(error.message)")
        }
    }

    /// The verified receipt of `batch` if the aggregator accepted exactly it; nil if it holds no batch with
    /// that id.
    private func acceptedReceipt(of batch: PendingBatch) async throws -> (receipt: BatchReceipt, json: [UInt8])? {
        let what = "looking up batch_seq \(batch.seq) (\(batch.batchID)) at \(delivery.client.baseURL)"
        let body = try await delivery.policy.run(what, logger: delivery.logger, counters: delivery.counters) {
            try await delivery.get("/v1/batches/\(batch.batchID)", what)
        }
        guard let body else { return nil }
        struct Lookup: Decodable { let receipt: BatchReceipt }
        let receipt: BatchReceipt
        do throws(ProtocolError) {
            receipt = try StrictDecoder.decode(Lookup.self, fromJSON: body, allowUnknownMembers: true).receipt
        } catch {
            throw AdapterError(.receipt, "\(what): the answer holds no receipt: \(error.message)")
        }
        try delivery.receipts.verify(receipt, seq: batch.seq, batchID: batch.batchID)
        return (receipt, receipt.json())
    }
}

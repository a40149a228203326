import CredenceClient
import CredenceLog
import Foundation
import Logging

/// What the pusher and the chain synchronizer share: the outbox, the aggregator client, the receipt check
/// and the retry policy.
struct DeliveryContext: Sendable {
    let outbox: Outbox
    let client: AggregatorClient
    let partnerID: String
    let receipts: ReceiptCheck
    let policy: RetryPolicy
    let counters: RunCounters
    /// Rung after every acknowledgement: the reader waits on it at the outbox's high-water mark.
    let acknowledged: Doorbell
    let logger: Logger

    /// Stores a verified receipt and moves the delivery cursor past `batch`.
    func acknowledge(_ batch: PendingBatch, receipt: BatchReceipt, receiptJSON: [UInt8]) async throws {
        try await outbox.acknowledge(
            seq: batch.seq, receipt: receiptJSON, leafIndex: receipt.leafIndex, at: Int64(Date().timeIntervalSince1970))
        counters.update { counters in
            counters.batchesAcknowledged += 1
            counters.recordsAcknowledged += batch.recordCount
        }
        acknowledged.ring()
        logger.info(
            "acknowledged",
            metadata: [
                "batch_seq": "\(batch.seq)", "batch_id": "\(batch.batchID)", "records": "\(batch.recordCount)",
                "leaf_index": "\(receipt.leafIndex)",
            ])
    }

    /// One GET on the aggregator as a retry attempt: transport failures, 429 and 5xx are retried; 404 is
    /// nil; other statuses are refused with `what` in the message.
    func get(_ path: String, _ what: String) async throws -> Attempt<[UInt8]?> {
        let reply: AggregatorClient.Reply
        do throws(ClientError) {
            reply = try await client.get(path)
        } catch {
            return .backoff(reason: error.message)
        }
        if reply.status == 200 { return .done(reply.body) }
        if reply.status == 404 { return .done(nil) }
        switch DeliveryVerdict(reply) {
        case .retry(let retryAfter, let reason):
            return retryAfter.map { .retryAfter(seconds: $0, reason: reason) } ?? .backoff(reason: reason)
        case .accepted, .sequenceGap, .refused:
            throw AdapterError(.refused, "\(what): \(DeliveryVerdict.line(reply))")
        }
    }
}

import CredenceClient
import CredenceLog
import Logging
import ServiceLifecycle

/// Pushes the outbox's pending batches in `batch_seq` order, each until a verified receipt arrives,
/// resending the identical envelope: transport failures and 5xx back off with full jitter, 429 and 503
/// wait for `Retry-After`, a `sequence-gap` reconciles the chain, and anything else stops the run with the
/// problem's title and detail (the outbox is kept).
struct OutboxPusher: Sendable {
    let delivery: DeliveryContext
    let synchronizer: ChainSynchronizer
    /// Rung when a batch was sealed; closed when no more will be (the end of a backfill, or `push`).
    let sealed: Doorbell

    /// Returns when the outbox is empty and `sealed` is closed, or, inside a service group, at graceful
    /// shutdown once the request in flight is answered.
    func run() async throws {
        do {
            while !Task.isShuttingDownGracefully {
                let noMoreBatches = sealed.isClosed
                guard let batch = try await delivery.outbox.firstPending() else {
                    if noMoreBatches { return }
                    await cancelWhenGracefulShutdown { [sealed] in await sealed.wait() }
                    continue
                }
                try await deliver(batch)
            }
        } catch is CancellationError where Task.isShuttingDownGracefully {
            return
        }
    }

    private enum Delivered: Sendable {
        case receipt(BatchReceipt, [UInt8])
        case gap
    }

    private func deliver(_ batch: PendingBatch) async throws {
        let what = "pushing batch_seq \(batch.seq) to \(delivery.client.baseURL)"
        let outcome = try await delivery.policy.run(what, logger: delivery.logger, counters: delivery.counters) {
            () async throws -> Attempt<Delivered> in
            let reply: AggregatorClient.Reply
            do throws(ClientError) {
                reply = try await delivery.client.pushEnvelope(batch.envelope)
            } catch {
                return .backoff(reason: error.message)
            }
            switch DeliveryVerdict(reply) {
            case .accepted:
                let receipt = try delivery.receipts.verify(body: reply.body, seq: batch.seq, batchID: batch.batchID)
                return .done(.receipt(receipt, reply.body))
            case .retry(let retryAfter, let reason):
                return retryAfter.map { .retryAfter(seconds: $0, reason: reason) } ?? .backoff(reason: reason)
            case .sequenceGap(let expected):
                delivery.logger.warning(
                    "sequence gap", metadata: ["batch_seq": "\(batch.seq)", "expected_seq": "\(expected ?? 0)"])
                return .done(.gap)
            case .refused(let line):
                throw AdapterError(.refused, "batch_seq \(batch.seq) was refused: \(line)")
            }
        }
        switch outcome {
        case .receipt(let receipt, let json): try await delivery.acknowledge(batch, receipt: receipt, receiptJSON: json)
        case .gap: try await synchronizer.reconcile()
        }
    }
}

import CredenceProtocol
import Foundation
import Logging
import ServiceLifecycle

/// Seals drafts into the outbox: numbers each batch after the chain head (synchronized with the
/// aggregator first for a fresh directory), signs it, commits it with the read cursors in one
/// transaction, then wakes the pusher. While more than `highWaterMark` batches wait for a receipt it
/// holds the reader back, so a slow or absent aggregator bounds memory and disk instead of filling them.
struct OutboxSink: BatchSink {
    let outbox: Outbox
    let signer: BatchSigner
    let synchronizer: ChainSynchronizer
    let rejectLog: RejectLog
    let counters: RunCounters
    /// Rung after each sealed batch; the pusher waits on it.
    let sealed: Doorbell
    /// Rung after each receipt; waited on at the high-water mark.
    let acknowledged: Doorbell
    /// Nil when nothing pushes while reading (sealing only).
    let highWaterMark: Int?
    let logger: Logger

    func progress(of file: SourceFileIdentity) async throws -> FileProgress? {
        try await outbox.progress(of: file)
    }

    func commit(_ draft: BatchDraft) async throws {
        guard !draft.isEmpty else { return }
        let now = Int64(Date().timeIntervalSince1970)
        var batch: SealedBatch?
        if let format = draft.format, !draft.records.isEmpty {
            let head = try await synchronizer.head()
            batch = signer.seal(
                draft.records, format: format, seq: head.lastSeq + 1, previous: head.lastBatchID,
                createdAt: Timestamp(secondsSinceEpoch: now))
        }
        try await outbox.seal(batch, draft: draft, at: now)
        try rejectLog.append(draft.rejects)
        if let batch {
            counters.update { $0.batchesSealed += 1 }
            sealed.ring()
            logger.info(
                "sealed",
                metadata: [
                    "batch_seq": "\(batch.seq)", "batch_id": "\(batch.batchID)", "records": "\(batch.recordCount)",
                ])
        }
        guard let highWaterMark else { return }
        while try await outbox.pendingCount() > highWaterMark {
            logger.debug("outbox at its high-water mark; reading waits", metadata: ["limit": "\(highWaterMark)"])
            await cancelWhenGracefulShutdown { [acknowledged] in await acknowledged.wait() }
            try Task.checkCancellation()
        }
    }
}

import CredenceProtocol
import Foundation
import Logging

/// Writes each sealed batch as `<folder>/<seq>.dsse.json`, a chain of its own starting at 1, instead of
/// storing and pushing it: to check what an export becomes (`credence verify` reads the files) without
/// touching the outbox or the aggregator.
actor DryRunSink: BatchSink {
    let folder: URL
    let signer: BatchSigner
    let rejectLog: RejectLog
    let counters: RunCounters
    let logger: Logger
    private var head = ChainHead(lastSeq: 0, lastBatchID: nil)

    init(folder: URL, signer: BatchSigner, counters: RunCounters, logger: Logger) {
        self.folder = folder
        self.signer = signer
        self.rejectLog = RejectLog(folder: folder.appendingPathComponent(AdapterDirectory.rejectsFolder))
        self.counters = counters
        self.logger = logger
    }

    /// A dry run reads every file it is given, whatever the outbox says.
    func progress(of file: SourceFileIdentity) -> FileProgress? { nil }

    func commit(_ draft: BatchDraft) throws {
        if let format = draft.format, !draft.records.isEmpty {
            let batch = signer.seal(
                draft.records, format: format, seq: head.lastSeq + 1, previous: head.lastBatchID,
                createdAt: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
            try DurableFile.createNew(
                folder.appendingPathComponent("\(batch.seq).dsse.json").path, batch.envelope, mode: 0o644)
            head = ChainHead(lastSeq: batch.seq, lastBatchID: batch.batchID)
            counters.update { $0.batchesSealed += 1 }
            logger.info("wrote", metadata: ["batch_seq": "\(batch.seq)", "records": "\(batch.recordCount)"])
        }
        try rejectLog.append(draft.rejects)
    }
}

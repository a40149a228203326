/// The last batch of the partner's chain: sealed here, or (for a fresh directory) accepted by the
/// aggregator before this outbox existed.
public struct ChainHead: Sendable, Equatable, Codable {
    /// 0 before the partner's first batch.
    public var lastSeq: Int64
    /// The `batch_id` of batch ``lastSeq``; nil exactly when it is 0.
    public var lastBatchID: String?

    public init(lastSeq: Int64, lastBatchID: String?) {
        self.lastSeq = lastSeq
        self.lastBatchID = lastBatchID
    }
}

/// A sealed batch waiting for its receipt.
struct PendingBatch: Sendable, Equatable {
    let seq: Int64
    let batchID: String
    let recordCount: Int
    let envelope: [UInt8]
}

/// What `status` shows: the chain, the batches and the files.
public struct OutboxStatus: Sendable, Equatable, Codable {
    /// Nil until the chain was synchronized with the aggregator.
    public var chain: ChainHead?
    /// Batches sealed into this outbox, acknowledged by a verified receipt, and waiting for one.
    public var sealed: Int
    public var acknowledged: Int
    public var pending: Int
    public var firstPendingSeq: Int64?
    /// Records in the batches sealed here.
    public var records: Int
    public var rejects: Int
    public var files: [FileProgress]
}

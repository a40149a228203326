public import CredenceProtocol

/// The batch a record came from: what the score report cites (``batchID``) and what orders a partner's
/// records (``batchSeq``: a later batch restates, corrects or deletes what an earlier one said).
public struct BatchSource: Sendable, Hashable {
    /// The lower-case hex SHA-256 of the batch payload.
    public var batchID: SHA256Digest
    public var partnerID: PartnerID
    public var partnerKind: PartnerKind
    public var batchSeq: Int64
    /// When the aggregator accepted the batch, or nil when not known (batch files read offline). A batch
    /// accepted after the as-of date is left out, so that features at a past date use only what the
    /// federation knew then.
    public var acceptedAt: Timestamp?

    public init(
        batchID: SHA256Digest, partnerID: PartnerID, partnerKind: PartnerKind, batchSeq: Int64,
        acceptedAt: Timestamp? = nil
    ) {
        self.batchID = batchID
        self.partnerID = partnerID
        self.partnerKind = partnerKind
        self.batchSeq = batchSeq
        self.acceptedAt = acceptedAt
    }

    /// The source of `batch`, whose payload digest is `batchID`.
    public init(_ batch: Batch, batchID: SHA256Digest, acceptedAt: Timestamp? = nil) {
        self.init(
            batchID: batchID, partnerID: batch.partnerID, partnerKind: batch.partnerKind, batchSeq: batch.batchSeq,
            acceptedAt: acceptedAt)
    }

    /// Records are applied partner by partner in chain order; `batch_seq` is the order a partner's batches
    /// were accepted in, so this holds with or without acceptance times.
    static func streamOrder(_ lhs: BatchSource, _ rhs: BatchSource) -> Bool {
        if lhs.partnerID != rhs.partnerID { return lhs.partnerID.rawValue < rhs.partnerID.rawValue }
        return lhs.batchSeq < rhs.batchSeq
    }
}

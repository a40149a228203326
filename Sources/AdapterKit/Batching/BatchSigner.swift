import CredenceProtocol

/// A batch serialized once, signed, and named by the SHA-256 of exactly those payload bytes: what the
/// outbox keeps and the pusher resends unchanged until a receipt arrives.
struct SealedBatch: Sendable {
    let seq: Int64
    let batchID: String
    let format: SourceFormat
    let recordCount: Int
    let envelope: [UInt8]
}

/// Turns a draft's records into the next link of the partner's chain.
struct BatchSigner: Sendable {
    let partnerID: PartnerID
    let partnerKind: PartnerKind
    let audience: PartnerID
    let keyEpoch: Int
    let key: SigningKey

    var validator: UnitValidator {
        UnitValidator(partnerID: partnerID, partnerKind: partnerKind, audience: audience, keyEpoch: keyEpoch)
    }

    /// Batch `seq` of the chain, after `previous` (the batch id of `seq - 1`, nil for 1).
    func seal(
        _ records: [Record], format: SourceFormat, seq: Int64, previous: String?, createdAt: Timestamp
    ) -> SealedBatch {
        let batch = Batch(
            partnerID: partnerID, partnerKind: partnerKind, audience: audience, keyEpoch: keyEpoch, batchSeq: seq,
            prevBatchSha256: previous.map(SHA256Digest.init(unchecked:)), createdAt: createdAt, sourceFormat: format,
            records: records)
        let payload = batch.serialized()
        let envelope = EnvelopeSigner.sign(payload: payload, payloadType: PayloadType.batchV1, with: [key])
        return SealedBatch(
            seq: seq, batchID: Envelope.digest(of: payload), format: format, recordCount: records.count,
            envelope: envelope.serialized())
    }
}

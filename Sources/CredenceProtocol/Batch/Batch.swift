import Foundation

/// A signed batch of canonical records from one partner: the payload of a
/// `application/vnd.credence.batch.v1+json` envelope (`protocol/batch.schema.json`).
///
/// ```swift
/// let verified = try EnvelopeVerifier.verify(bytes, policy: policy)
/// let batch = try Batch.decode(verified)         // only from the verified bytes
/// print(batch.partnerID, batch.batchSeq, batch.records.count)
/// ```
public struct Batch: Codable, Sendable, Equatable {
    public var partnerID: PartnerID
    public var partnerKind: PartnerKind
    /// The aggregator's id: a batch for one deployment cannot be replayed into another.
    public var audience: PartnerID
    /// Which of the partner's registered keys signs this batch (rotations increase it).
    public var keyEpoch: Int
    /// Gapless from 1 per partner, continuing across key rotations.
    public var batchSeq: Int64
    /// The batch id of the partner's previous batch; null exactly for `batch_seq` 1.
    public var prevBatchSha256: SHA256Digest?
    public var createdAt: Timestamp
    public var sourceFormat: SourceFormat
    public var records: [Record]

    public init(
        partnerID: PartnerID, partnerKind: PartnerKind, audience: PartnerID, keyEpoch: Int, batchSeq: Int64,
        prevBatchSha256: SHA256Digest?, createdAt: Timestamp, sourceFormat: SourceFormat, records: [Record]
    ) {
        self.partnerID = partnerID
        self.partnerKind = partnerKind
        self.audience = audience
        self.keyEpoch = keyEpoch
        self.batchSeq = batchSeq
        self.prevBatchSha256 = prevBatchSha256
        self.createdAt = createdAt
        self.sourceFormat = sourceFormat
        self.records = records
    }

    private enum CodingKeys: String, CodingKey {
        case partnerID, partnerKind, audience, keyEpoch, batchSeq, prevBatchSha256, createdAt, sourceFormat, records
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        partnerID = try container.decode(PartnerID.self, forKey: .partnerID)
        partnerKind = try container.decode(PartnerKind.self, forKey: .partnerKind)
        audience = try container.decode(PartnerID.self, forKey: .audience)
        keyEpoch = try container.decode(Int.self, forKey: .keyEpoch)
        batchSeq = try container.decode(Int64.self, forKey: .batchSeq)
        // Required even when null: a missing chain link must be a visible decision, not an omission.
        prevBatchSha256 = try container.decode(SHA256Digest?.self, forKey: .prevBatchSha256)
        createdAt = try container.decode(Timestamp.self, forKey: .createdAt)
        sourceFormat = try container.decode(SourceFormat.self, forKey: .sourceFormat)
        records = try container.decode([Record].self, forKey: .records)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(partnerID, forKey: .partnerID)
        try container.encode(partnerKind, forKey: .partnerKind)
        try container.encode(audience, forKey: .audience)
        try container.encode(keyEpoch, forKey: .keyEpoch)
        try container.encode(batchSeq, forKey: .batchSeq)
        try container.encode(prevBatchSha256, forKey: .prevBatchSha256)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(sourceFormat, forKey: .sourceFormat)
        try container.encode(records, forKey: .records)
    }

    /// Decodes the batch from a verified envelope's exact bytes, refusing any other payload type.
    public static func decode(_ envelope: VerifiedEnvelope) throws(ProtocolError) -> Batch {
        guard envelope.payloadType.utf8.elementsEqual(PayloadType.batchV1.utf8) else {
            throw ProtocolError(
                .unsupportedPayloadType, "payloadType '\(envelope.payloadType)' is not '\(PayloadType.batchV1)'")
        }
        return try decodeUnverified(envelope.payload)
    }

    /// Decodes a verified batch and also returns where each record's JSON lies in the payload, so that a store
    /// keeps records as slices of the signed bytes. It reuses the reading of the payload made before
    /// verification (to find the partner it claims): a batch's JSON is read once. `parsed` counts only if it
    /// is of exactly the verified bytes; otherwise the verified payload is read afresh.
    public static func decodeWithRecordSpans(_ envelope: VerifiedEnvelope, parsed: ParsedBatchPayload)
        throws(ProtocolError) -> (batch: Batch, recordSpans: [Range<Int>])
    {
        guard envelope.payloadType.utf8.elementsEqual(PayloadType.batchV1.utf8) else {
            throw ProtocolError(
                .unsupportedPayloadType, "payloadType '\(envelope.payloadType)' is not '\(PayloadType.batchV1)'")
        }
        // Array equality first compares the storage: the verified payload shares the envelope's, so this is
        // O(1) on the ingest path.
        let parsed = parsed.payload == envelope.payload ? parsed : ParsedBatchPayload(envelope.payload)
        return (try decode(parsed), parsed.recordSpans)
    }

    /// Decodes and validates batch bytes without any signature check: for inspecting and for producers
    /// checking their own output. Never use it on bytes received from elsewhere.
    public static func decodeUnverified(_ payload: [UInt8]) throws(ProtocolError) -> Batch {
        try decode(ParsedBatchPayload(payload))
    }

    /// Every rule violation of the batch in `payload`, each with its JSON Pointer (empty when valid), for
    /// problem documents that list them all.
    public static func validationErrors(of payload: [UInt8]) -> [ProtocolError] {
        do {
            let document = try StrictJSONParser.parse(payload)
            return try StrictDecoder.decode(Batch.self, from: document).validationErrors()
        } catch {
            return [error]
        }
    }

    /// The batch read straight from the bytes when the direct reader answered, else the reference path's.
    private static func decode(_ parsed: ParsedBatchPayload) throws(ProtocolError) -> Batch {
        if let direct = parsed.direct {
            try direct.batch.checkValid()
            return direct.batch
        }
        return try decodeReference(parsed.document)
    }

    /// The reference path: a strict parse into a ``JSONValue`` tree, then ``FastBatchDecoder`` on it or
    /// ``StrictDecoder``, then validation. Its results and errors are the definition the direct reader
    /// (``BatchPayloadReader``) must match.
    static func decodeReference(_ parsed: Result<JSONValue, ProtocolError>) throws(ProtocolError) -> Batch {
        let document: JSONValue
        switch parsed {
        case .success(let value):
            document = value
        case .failure(let error):
            throw ProtocolError(.schemaInvalid, "the batch is not valid JSON: \(error.message)", pointer: error.pointer)
        }
        // The direct decoder returns what StrictDecoder would for the batches partners send, several times
        // faster; for anything else it returns nil and StrictDecoder decides.
        let batch: Batch
        if let decoded = FastBatchDecoder<JSONValue>.batch(document) {
            batch = decoded
        } else {
            batch = try StrictDecoder.decode(Batch.self, from: document)
        }
        try batch.checkValid()
        return batch
    }

    /// Throws the first of ``validationErrors()``, counting the others in its message.
    private func checkValid() throws(ProtocolError) {
        let errors = validationErrors()
        if let first = errors.first {
            let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
            throw ProtocolError(.schemaInvalid, first.message + more, pointer: first.pointer)
        }
    }

    /// The batch's canonical bytes as this project writes them: UTF-8 JSON, members sorted, no
    /// insignificant whitespace. Any serialization is valid on the wire; what is signed is what counts.
    public func serialized() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Every field is a string, integer, boolean or array of those: encoding cannot fail.
        return Array(try! encoder.encode(self))
    }

    /// Every rule the JSON Schema cannot say, checked after decoding; empty when the batch is valid.
    public func validationErrors() -> [ProtocolError] {
        var errors: [ProtocolError] = []
        func fail(_ member: String, _ message: String) {
            errors.append(
                ProtocolError(.schemaInvalid, "/\(member): \(message)", pointer: JSONPointer.root.appending(member)))
        }
        if keyEpoch < 1 { fail("key_epoch", "must be at least 1") }
        if batchSeq < 1 { fail("batch_seq", "must be at least 1") }
        if batchSeq == 1 && prevBatchSha256 != nil { fail("prev_batch_sha256", "must be null for batch_seq 1") }
        if batchSeq > 1 && prevBatchSha256 == nil { fail("prev_batch_sha256", "is required after batch_seq 1") }
        if sourceFormat.partnerKind != partnerKind {
            fail("source_format", "'\(sourceFormat.rawValue)' is not a \(partnerKind.rawValue) format")
        }
        if records.isEmpty { fail("records", "a batch holds at least one record") }
        var recordIDs = Set<String>()
        recordIDs.reserveCapacity(records.count)
        // Built once, not per record: allowedRecordKinds makes a new set on every call.
        let allowedKinds = partnerKind.allowedRecordKinds
        let recordsPointer = JSONPointer.root.appending("records")
        // Indices rather than enumerated(), and each record read through the array's subscript, never bound to
        // a local: a record is read in place, not copied (a copy of each cost more than its checks); and its
        // pointer is built only for an error.
        for index in records.indices {
            func pointer() -> JSONPointer { recordsPointer.appending(index: index) }
            if !allowedKinds.contains(records[index].kind) {
                errors.append(
                    ProtocolError(
                        .schemaInvalid,
                        "\(pointer())/kind: a \(partnerKind.rawValue) partner cannot send '\(records[index].kind.rawValue)'",
                        pointer: pointer().appending("kind")))
            }
            if !recordIDs.insert(records[index].recordID.rawValue).inserted {
                errors.append(
                    ProtocolError(
                        .schemaInvalid,
                        "\(pointer())/record_id: '\(records[index].recordID)' is used twice in the batch",
                        pointer: pointer().appending("record_id")))
            }
            records[index].validate(at: pointer(), into: &errors)
        }
        return errors
    }
}

/// Batch payload bytes and their strict reading, made once. Nothing in it is trusted: it only lets the
/// ingest path read the partner an unverified payload claims and then decode the verified batch without
/// reading the same bytes again.
public struct ParsedBatchPayload: Sendable {
    public let payload: [UInt8]
    /// The batch and its record spans as ``BatchPayloadReader`` read them from the bytes (not yet validated),
    /// or nil when it left the payload to the reference path.
    let direct: (batch: Batch, recordSpans: [Range<Int>])?
    /// The reference path's parse, made only when the direct reader did not answer.
    private let tree: (document: Result<JSONValue, ProtocolError>, recordSpans: [Range<Int>])?

    public init(_ payload: [UInt8]) {
        self.payload = payload
        direct = BatchPayloadReader.read(payload)
        tree = direct == nil ? Self.parse(payload) : nil
    }

    private static func parse(_ payload: [UInt8]) -> (Result<JSONValue, ProtocolError>, [Range<Int>]) {
        do {
            let (document, spans) = try StrictJSONParser.parse(payload, spansOfArrayMember: "records")
            return (.success(document), spans)
        } catch {
            return (.failure(error), [])
        }
    }

    /// The payload's strict JSON parse. Parsed on demand when the direct reader answered (nothing on the
    /// ingest path asks then).
    public var document: Result<JSONValue, ProtocolError> {
        tree?.document ?? Self.parse(payload).0
    }

    /// Where each element of `records` lies in `payload` (empty when the payload does not parse).
    public var recordSpans: [Range<Int>] {
        direct?.recordSpans ?? tree?.recordSpans ?? []
    }

    /// The top-level `partner_id` string, if the payload is a JSON object with one; unverified.
    public var claimedPartnerID: String? {
        if let direct { return direct.batch.partnerID.rawValue }
        guard case .success(.object(let object)) = tree?.document, case .string(let partnerID)? = object["partner_id"]
        else { return nil }
        return partnerID
    }
}

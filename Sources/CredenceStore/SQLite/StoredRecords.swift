import CredenceProtocol
import GRDB

/// Records are stored as slices of their batch's payload: the envelope is the one copy of a record's bytes.
enum StoredRecords {
    /// The payload of a stored envelope.
    static func payload(ofEnvelope envelope: [UInt8], leafIndex: Int) throws(StoreError) -> [UInt8] {
        do {
            return try Envelope(parsing: envelope).payload
        } catch {
            throw StoreError(.unavailable, "the stored envelope of leaf \(leafIndex) does not parse: \(error.message)")
        }
    }

    /// Where each record lies in the payload of a stored envelope.
    static func spans(inEnvelope envelope: [UInt8], leafIndex: Int) throws(StoreError) -> [Range<Int>] {
        let parsed = ParsedBatchPayload(try payload(ofEnvelope: envelope, leafIndex: leafIndex))
        if case .failure(let error) = parsed.document {
            throw StoreError(.unavailable, "the stored payload of leaf \(leafIndex) does not parse: \(error.message)")
        }
        return parsed.recordSpans
    }

    /// The JSON of each record of a stored batch, in batch order, from its envelope and its rows' slices.
    static func bodies(ofEnvelope envelope: [UInt8], leafIndex: Int, slices: [(offset: Int, length: Int)])
        throws(StoreError) -> [[UInt8]]
    {
        let payload = try payload(ofEnvelope: envelope, leafIndex: leafIndex)
        return try slices.map { slice throws(StoreError) in
            try body(inPayload: payload, offset: slice.offset, length: slice.length, leafIndex: leafIndex)
        }
    }

    /// One record's JSON: its row's slice of the batch's payload, checked to lie inside it.
    static func body(inPayload payload: [UInt8], offset: Int, length: Int, leafIndex: Int) throws(StoreError)
        -> [UInt8]
    {
        guard offset >= 0, length > 0, offset + length <= payload.count else {
            throw StoreError(.unavailable, "a stored record of leaf \(leafIndex) lies outside its payload")
        }
        return Array(payload[offset..<offset + length])
    }

    /// The JSON of each record of the stored batch at `leafIndex`, in batch order.
    static func bodies(_ db: Database, leafIndex: Int, envelope: [UInt8]) throws -> [[UInt8]] {
        let slices = try db.cachedStatement(
            sql: "SELECT payload_offset, payload_length FROM records WHERE leaf_index = ? ORDER BY ordinal")
        return try bodies(
            ofEnvelope: envelope, leafIndex: leafIndex,
            slices: try Row.fetchAll(slices, arguments: [leafIndex]).map { ($0[0], $0[1]) })
    }
}

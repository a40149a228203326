import CredenceProtocol

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
            guard slice.offset >= 0, slice.length > 0, slice.offset + slice.length <= payload.count else {
                throw StoreError(.unavailable, "a stored record of leaf \(leafIndex) lies outside its payload")
            }
            return Array(payload[slice.offset..<slice.offset + slice.length])
        }
    }
}

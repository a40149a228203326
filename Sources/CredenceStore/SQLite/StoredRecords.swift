import CredenceProtocol
import Foundation
import GRDB

/// Records are stored as slices of their batch's payload: the envelope is the one copy of a record's bytes, and
/// each batch has one `record_spans` row, its span index, saying where its records lie in the payload.
///
/// The span index is 8 bytes a record, in batch order: the record's offset in the payload, then its length,
/// each an unsigned 32-bit little-endian integer. One row a batch rather than one a record: an accepted batch
/// costs SQLite one small insert beside its envelope, not a thousand.
enum StoredRecords {
    static let bytesPerSpan = 8

    /// The span index of a batch's records.
    static func spanIndex(_ spans: [Range<Int>], leafIndex: Int) throws(StoreError) -> Data {
        var fields: [UInt32] = []
        fields.reserveCapacity(spans.count * 2)
        for span in spans {
            guard span.lowerBound >= 0, !span.isEmpty, let offset = UInt32(exactly: span.lowerBound),
                let length = UInt32(exactly: span.count)
            else {
                throw StoreError(.unavailable, "record span \(span) of leaf \(leafIndex) does not fit the span index")
            }
            fields.append(offset.littleEndian)
            fields.append(length.littleEndian)
        }
        return fields.withUnsafeBytes { Data($0) }
    }

    /// The spans a span index holds, each checked to lie inside a payload of `payloadCount` bytes.
    static func spans(inIndex index: Data, payloadCount: Int, leafIndex: Int) throws(StoreError) -> [Range<Int>] {
        guard index.count % bytesPerSpan == 0 else {
            throw StoreError(.unavailable, "the record span index of leaf \(leafIndex) is \(index.count) bytes long")
        }
        let fields = index.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count, by: 4).map {
                Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0, as: UInt32.self)))
            }
        }
        var spans: [Range<Int>] = []
        spans.reserveCapacity(fields.count / 2)
        for start in stride(from: 0, to: fields.count, by: 2) {
            let (offset, length) = (fields[start], fields[start + 1])
            guard length > 0, offset + length <= payloadCount else {
                throw StoreError(.unavailable, "a stored record of leaf \(leafIndex) lies outside its payload")
            }
            spans.append(offset..<offset + length)
        }
        return spans
    }

    /// The payload of a stored envelope.
    static func payload(ofEnvelope envelope: [UInt8], leafIndex: Int) throws(StoreError) -> [UInt8] {
        do {
            return try Envelope(parsing: envelope).payload
        } catch {
            throw StoreError(.unavailable, "the stored envelope of leaf \(leafIndex) does not parse: \(error.message)")
        }
    }

    /// Where each record lies in the payload of a stored envelope, found again by parsing it.
    static func spans(inEnvelope envelope: [UInt8], leafIndex: Int) throws(StoreError) -> [Range<Int>] {
        let parsed = ParsedBatchPayload(try payload(ofEnvelope: envelope, leafIndex: leafIndex))
        if case .failure(let error) = parsed.document {
            throw StoreError(.unavailable, "the stored payload of leaf \(leafIndex) does not parse: \(error.message)")
        }
        return parsed.recordSpans
    }

    /// The payload of the stored batch at `leafIndex` and where its records lie in it, in batch order.
    static func payloadAndSpans(_ db: Database, leafIndex: Int, envelope: [UInt8]) throws -> (
        payload: [UInt8], spans: [Range<Int>]
    ) {
        let payload = try payload(ofEnvelope: envelope, leafIndex: leafIndex)
        guard
            let index = try Data.fetchOne(
                db.cachedStatement(sql: "SELECT spans FROM record_spans WHERE leaf_index = ?"), arguments: [leafIndex])
        else {
            throw StoreError(.unavailable, "the stored batch at leaf \(leafIndex) has no record span index")
        }
        return (payload, try spans(inIndex: index, payloadCount: payload.count, leafIndex: leafIndex))
    }

    /// The JSON of each record of the stored batch at `leafIndex`, in batch order.
    static func bodies(_ db: Database, leafIndex: Int, envelope: [UInt8]) throws -> [[UInt8]] {
        let (payload, spans) = try payloadAndSpans(db, leafIndex: leafIndex, envelope: envelope)
        return spans.map { Array(payload[$0]) }
    }
}

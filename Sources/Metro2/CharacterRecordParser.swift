/// Finds and decodes the records of the character format inside a byte buffer: the appended segments are
/// walked by their ids and fixed lengths, so a record's extent comes from its content, and the record
/// descriptor word is only checked against it.
enum CharacterRecordParser {
    /// Where a walk over appended segments stopped.
    enum WalkEnd {
        /// At a byte that starts no segment id (or at the end of the bytes).
        case ended(at: Int)
        /// A segment id whose segment runs past the end of the bytes.
        case truncated(Metro2Segment, at: Int, available: Int)
    }

    /// The appended segments from `start` (just after the base segment) up to `limit`, as (segment,
    /// offset) pairs with offsets relative to `recordStart`.
    static func walkAppendedSegments(
        _ bytes: UnsafeBufferPointer<UInt8>, recordStart: Int, limit: Int
    ) -> (segments: [(Metro2Segment, Int)], end: WalkEnd) {
        var segments: [(Metro2Segment, Int)] = []
        var position = recordStart + Metro2Segment.base.length
        while position + 2 <= limit,
            let segment = Metro2Segment.appended(first: bytes[position], second: bytes[position + 1])
        {
            guard position + segment.length <= limit else {
                return (segments, .truncated(segment, at: position - recordStart, available: limit - position))
            }
            segments.append((segment, position - recordStart))
            position += segment.length
        }
        return (segments, .ended(at: position))
    }

    /// The first index at or after `index` (up to `limit`) that is not a blank.
    static func skipBlanks(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int) -> Int {
        var index = index
        while index < limit && bytes[index] == ASCIIText.blank { index += 1 }
        return index
    }

    /// The 4-digit descriptor word at `index`, or nil when those bytes are not digits.
    static func descriptorWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Int? {
        guard index + 4 <= limit else { return nil }
        return ASCIIText.number(UnsafeBufferPointer(rebasing: bytes[index..<(index + 4)])).map(Int.init)
    }

    /// Whether `identifier` (`HEADER`, `TRAILER`) starts at `index`.
    static func hasIdentifier(
        _ identifier: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int
    ) -> Bool {
        let count = identifier.utf8CodeUnitCount
        guard index + count <= limit else { return false }
        return identifier.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
    }

    /// The record descriptor word values accepted for a record whose content is `contentLength` bytes and
    /// whose frame (content plus blank padding) is `frameLength` bytes after a `blockDescriptorLength`-byte
    /// BDW. Exporters disagree: some count the padding, moov-io/metro2 also counts the BDW.
    static func acceptsDescriptor(
        _ word: Int, contentLength: Int, frameLength: Int, blockDescriptorLength: Int
    ) -> Bool {
        word == contentLength || word == frameLength || word == frameLength + blockDescriptorLength
    }

    /// Segment names for messages: `base segment + J1, J1, K1`.
    static func describe(_ segments: [(Metro2Segment, Int)]) -> String {
        segments.isEmpty ? "base segment" : "base segment + " + segments.map(\.0.rawValue).joined(separator: ", ")
    }

    /// Decodes a data record whose RDW is at `recordStart` and whose appended segments were walked.
    static func decodeDataRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, recordStart: Int, segments: [(Metro2Segment, Int)]
    ) -> Result<Metro2DataRecord, Metro2RecordError> {
        do throws(Metro2FieldError) {
            var decoder = FixedWidthDecoder(bytes: bytes, segmentStart: recordStart)
            var record = Metro2DataRecord(base: try Metro2BaseSegment.decode(with: &decoder))
            for (segment, offset) in segments {
                var decoder = FixedWidthDecoder(bytes: bytes, segmentStart: recordStart + offset)
                if let duplicate = try record.append(segment, with: &decoder) {
                    return .failure(Metro2RecordError(duplicate))
                }
            }
            return .success(record)
        } catch {
            return .failure(Metro2RecordError(error.description))
        }
    }
}

extension Metro2DataRecord {
    /// Decodes one appended segment into the record. Returns a reason when the segment may appear only once
    /// and already did (J1 and J2 repeat; the others do not).
    mutating func append(_ segment: Metro2Segment, with coder: inout some Metro2FieldCoder) throws(Metro2FieldError)
        -> String?
    {
        func once<Segment: Metro2FieldCodable>(_ slot: inout Segment?) throws(Metro2FieldError) -> String? {
            guard slot == nil else { return "the \(segment) appears twice; a data record may have one" }
            slot = try Segment.decode(with: &coder)
            return nil
        }
        switch segment {
        case .j1: j1.append(try Metro2J1Segment.decode(with: &coder))
        case .j2: j2.append(try Metro2J2Segment.decode(with: &coder))
        case .k1: return try once(&k1)
        case .k2: return try once(&k2)
        case .k3: return try once(&k3)
        case .k4: return try once(&k4)
        case .l1: return try once(&l1)
        case .n1: return try once(&n1)
        case .header, .base, .trailer: break
        }
        return nil
    }
}

public import Foundation

/// How a written character-format file separates its records.
public struct Metro2Framing: Sendable, Equatable {
    /// The bytes after each record: `\n`, `\r\n`, or none for an RDW-framed stream.
    public var lineEnding: [UInt8]
    /// Whether each record is preceded by a 4-digit block descriptor word (its length + 4).
    public var blockDescriptorWords: Bool

    public init(lineEnding: [UInt8], blockDescriptorWords: Bool = false) {
        self.lineEnding = lineEnding
        self.blockDescriptorWords = blockDescriptorWords
    }

    /// One record per line, LF.
    public static let newlineDelimited = Metro2Framing(lineEnding: [ASCIIText.lineFeed])
    /// One record per line, CRLF.
    public static let crlfDelimited = Metro2Framing(lineEnding: [ASCIIText.carriageReturn, ASCIIText.lineFeed])
    /// Records back to back, each with its RDW (variable-blocked without BDWs).
    public static let recordDescriptorWords = Metro2Framing(lineEnding: [])
}

/// Writes the character (426) format: a header, data records with their appended segments, and a trailer
/// whose counts are tallied from the records written. Fields are laid out by the same tables the reader
/// uses. Records are encoded one at a time, so a file of any size streams.
///
/// ```swift
/// var encoder = Metro2CharacterEncoder(framing: .newlineDelimited)
/// var bytes = try encoder.encode(header)
/// for record in records { bytes += try encoder.encode(record) }
/// bytes += try encoder.encodeTrailer()
/// ```
public struct Metro2CharacterEncoder: Sendable {
    public let framing: Metro2Framing
    public private(set) var tally = Metro2TrailerTally()

    public init(framing: Metro2Framing) {
        self.framing = framing
    }

    public func encode(_ header: Metro2Header) throws(Metro2FieldError) -> [UInt8] {
        var encoder = FixedWidthEncoder(bytes: blankRecord(identifier: "HEADER"), segmentStart: 0)
        try header.encode(with: &encoder)
        return framed(encoder.bytes)
    }

    /// The record's bytes; its RDW is 426 plus its appended segments' lengths.
    public mutating func encode(_ record: Metro2DataRecord) throws(Metro2FieldError) -> [UInt8] {
        let length = record.characterLength
        guard length <= 9999 else {
            throw Metro2FieldError(
                Metro2Layout.recordDescriptorWord(.base), found: String(length),
                expected: "a record of at most 9999 bytes (fewer J1/J2 segments)")
        }
        var encoder = FixedWidthEncoder(
            bytes: [UInt8](repeating: ASCIIText.blank, count: length), segmentStart: 0)
        encoder.bytes.replaceSubrange(0..<4, with: Array(digits(length, 4).utf8))
        try record.base.encode(with: &encoder)
        var offset = Metro2Segment.base.length
        func append(_ segment: Metro2Segment, _ value: some Metro2FieldCodable) throws(Metro2FieldError) {
            encoder.segmentStart = offset
            encoder.bytes.replaceSubrange(offset..<(offset + 2), with: Array(segment.rawValue.utf8))
            try value.encode(with: &encoder)
            offset += segment.length
        }
        for j1 in record.j1 { try append(.j1, j1) }
        for j2 in record.j2 { try append(.j2, j2) }
        if let k1 = record.k1 { try append(.k1, k1) }
        if let k2 = record.k2 { try append(.k2, k2) }
        if let k3 = record.k3 { try append(.k3, k3) }
        if let k4 = record.k4 { try append(.k4, k4) }
        if let l1 = record.l1 { try append(.l1, l1) }
        if let n1 = record.n1 { try append(.n1, n1) }
        tally.add(record)
        return framed(encoder.bytes)
    }

    /// The trailer for the records encoded so far.
    public func encodeTrailer() throws(Metro2FieldError) -> [UInt8] {
        try encode(tally.trailer)
    }

    /// A given trailer, whatever was encoded (to produce files whose totals disagree, for tests).
    public func encode(_ trailer: Metro2Trailer) throws(Metro2FieldError) -> [UInt8] {
        var encoder = FixedWidthEncoder(bytes: blankRecord(identifier: "TRAILER"), segmentStart: 0)
        try trailer.encode(with: &encoder)
        return framed(encoder.bytes)
    }

    private func blankRecord(identifier: String) -> [UInt8] {
        var bytes = [UInt8](repeating: ASCIIText.blank, count: Metro2Segment.header.length)
        bytes.replaceSubrange(0..<4, with: Array(digits(Metro2Segment.header.length, 4).utf8))
        bytes.replaceSubrange(4..<(4 + identifier.utf8.count), with: Array(identifier.utf8))
        return bytes
    }

    private func framed(_ record: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(record.count + 4 + framing.lineEnding.count)
        if framing.blockDescriptorWords { bytes += Array(digits(record.count + 4, 4).utf8) }
        bytes += record
        bytes += framing.lineEnding
        return bytes
    }
}

/// Writes a whole character-format file, streaming the records through a buffered file handle.
public enum Metro2CharacterWriter {
    /// Writes `header`, every record of `records` and the tallied trailer to `url` (replacing any file
    /// there), and returns the trailer written.
    @discardableResult
    public static func write(
        header: Metro2Header, records: some Sequence<Metro2DataRecord>, framing: Metro2Framing, to url: URL
    ) throws -> Metro2Trailer {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw Metro2FileError("cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var encoder = Metro2CharacterEncoder(framing: framing)
        var pending = try encoder.encode(header)
        for record in records {
            pending += try encoder.encode(record)
            if pending.count >= 1 << 20 {
                try handle.write(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        pending += try encoder.encodeTrailer()
        try handle.write(contentsOf: pending)
        return encoder.tally.trailer
    }
}

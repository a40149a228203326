public import Foundation

/// Reads a Metro 2 file in the character (426) format, one data record at a time, in bounded memory.
///
/// Both framings are read: one record (with its appended segments) per line, LF or CRLF, or one RDW-framed
/// byte stream. Either may put a 4-byte block descriptor word (BDW) before a record. A record's extent comes
/// from walking its appended segments by id and fixed length; the record descriptor word (RDW) is checked
/// against that, never trusted alone, and BDW values are skipped unchecked (moov-io/metro2's own sample
/// puts a BDW of 0426 before a 1000-byte record).
///
/// ```swift
/// var reader = try Metro2CharacterReader(contentsOf: url)
/// while let item = try reader.next() {
///     switch item.result { case .success(let record): ...; case .failure(let error): ... }
/// }
/// print(reader.warnings)  // e.g. trailer totals that disagree with what was read
/// ```
public struct Metro2CharacterReader: Metro2RecordSource {
    public enum Framing: Sendable, Equatable {
        /// One record per line (LF or CRLF).
        case newlineDelimited
        /// Records back to back, each starting with its RDW.
        case recordDescriptorWords
    }

    public let framing: Framing
    /// Whether the header record has a BDW before it; data records are first tried the same way.
    public let hasBlockDescriptorWords: Bool
    public let header: Metro2Header
    public private(set) var trailer: Metro2Trailer?
    public private(set) var warnings: [String] = []
    /// Data records met so far, readable or not.
    public private(set) var dataRecordCount = 0

    private var input: ChunkedFileInput
    /// BDW lengths to try for a data record: the header's choice first.
    private let descriptorCandidates: [Int]
    /// The line of the next record (newline-delimited files).
    private var lineNumber: Int
    private var finished = false

    /// The longest data record a 4-digit RDW can describe, plus a BDW.
    private static let longestFrame = 9999 + 4
    /// No line of a newline-delimited file is longer; a longer one means the file is framed some other way.
    private static let longestLine = 64 * 1024

    /// Opens a file and reads its header. Throws when the file is not Metro 2 in the character format
    /// (including the packed format, which is refused with a message saying to export the character format).
    public init(contentsOf url: URL) throws(Metro2FileError) {
        var input = try ChunkedFileInput(url: url)
        try input.fill(atLeast: 2 * Metro2Segment.header.length + 64)
        let start = input.buffer.withUnsafeBufferPointer { bytes in
            Self.skipLineBreaks(bytes, from: input.position, limit: bytes.count)
        }
        let leadingLines = input.buffer[input.position..<start].count { $0 == ASCIIText.lineFeed }
        input.consume(start - input.position)
        let opening = try input.buffer.withUnsafeBufferPointer { bytes throws(Metro2FileError) in
            try Self.readHeader(bytes, at: input.position, limit: bytes.count)
        }
        self.header = opening.header
        self.hasBlockDescriptorWords = opening.blockDescriptorLength > 0
        self.framing = opening.framing
        self.descriptorCandidates = opening.blockDescriptorLength > 0 ? [4, 0] : [0, 4]
        input.consume(opening.length)
        if opening.framing == .newlineDelimited { try Self.consumeLineBreak(&input) }
        self.input = input
        self.lineNumber = leadingLines + 2
    }

    public mutating func next() throws(Metro2FileError) -> Metro2Item? {
        while !finished {
            let item: Metro2Item?
            switch framing {
            case .newlineDelimited: item = try nextLine()
            case .recordDescriptorWords: item = try nextFrame()
            }
            if let item {
                dataRecordCount += 1
                return item
            }
        }
        return nil
    }

    // MARK: Opening

    private struct Opening {
        var header: Metro2Header
        var blockDescriptorLength: Int
        var framing: Framing
        /// Bytes of the header, from its BDW through its blank padding.
        var length: Int
    }

    private static func readHeader(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int)
        throws(Metro2FileError) -> Opening
    {
        let available = limit - start
        let looksPacked =
            (available >= 8 && bytes[start + 2] == 0 && bytes[start + 3] == 0)
            || (available >= 8 && bytes[start + 6] == 0 && bytes[start + 7] == 0)
        if looksPacked { throw .packedNotSupported }
        let descriptorLength: Int
        if CharacterRecordParser.hasIdentifier("HEADER", bytes, at: start + 4, limit: limit) {
            descriptorLength = 0
        } else if CharacterRecordParser.hasIdentifier("HEADER", bytes, at: start + 8, limit: limit) {
            descriptorLength = 4
        } else {
            throw Metro2FileError(
                "not a Metro 2 character file: the first record is not a header record (HEADER at positions 5-10)")
        }
        let descriptors = UnsafeBufferPointer(rebasing: bytes[start..<(start + descriptorLength + 4)])
        guard descriptors.allSatisfy(ASCIIText.isDigit) else { throw .packedNotSupported }

        let recordStart = start + descriptorLength
        // A header line may be shorter than 426 (CFPB's sample trailer is 407): read it padded with blanks.
        let lineEnd = (recordStart..<min(limit, recordStart + Metro2Segment.header.length)).first {
            bytes[$0] == ASCIIText.lineFeed || bytes[$0] == ASCIIText.carriageReturn
        }
        let header: Metro2Header
        let contentEnd: Int
        if let lineEnd {
            header = try decodePadded(Metro2Header.self, bytes[recordStart..<lineEnd])
            contentEnd = lineEnd
        } else if recordStart + Metro2Segment.header.length <= limit {
            header = try decodePadded(Metro2Header.self, bytes[recordStart..<(recordStart + 426)])
            contentEnd = recordStart + Metro2Segment.header.length
        } else {
            throw Metro2FileError("the file ends inside its header record")
        }
        let frameEnd = CharacterRecordParser.skipBlanks(bytes, from: contentEnd, limit: limit)
        let framing: Framing
        if frameEnd == limit || bytes[frameEnd] == ASCIIText.lineFeed || bytes[frameEnd] == ASCIIText.carriageReturn {
            framing = .newlineDelimited
        } else if ASCIIText.isDigit(bytes[frameEnd]) {
            framing = .recordDescriptorWords
        } else {
            throw Metro2FileError(
                "the header record is followed by '\(ASCIIText.shown(bytes[frameEnd..<min(limit, frameEnd + 4)]))' "
                    + "at byte offset \(frameEnd - start): expected a line break or the next record's RDW")
        }
        return Opening(
            header: header, blockDescriptorLength: descriptorLength, framing: framing, length: frameEnd - start)
    }

    /// Decodes a header or trailer from bytes that may be shorter than 426: the missing tail reads as blanks.
    private static func decodePadded<Record: Metro2FieldCodable>(
        _ type: Record.Type, _ bytes: Slice<UnsafeBufferPointer<UInt8>>
    ) throws(Metro2FileError) -> Record {
        var padded = [UInt8](repeating: ASCIIText.blank, count: Metro2Segment.header.length)
        padded.replaceSubrange(0..<min(bytes.count, padded.count), with: bytes.prefix(padded.count))
        return try padded.withUnsafeBufferPointer { buffer throws(Metro2FileError) in
            var decoder = FixedWidthDecoder(bytes: buffer, segmentStart: 0)
            do throws(Metro2FieldError) {
                return try Record.decode(with: &decoder)
            } catch {
                throw Metro2FileError(error.description)
            }
        }
    }

    private static func skipLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int) -> Int {
        var index = index
        while index < limit && (bytes[index] == ASCIIText.lineFeed || bytes[index] == ASCIIText.carriageReturn) {
            index += 1
        }
        return index
    }

    /// Consumes the LF or CRLF after the header line, if there is one.
    private static func consumeLineBreak(_ input: inout ChunkedFileInput) throws(Metro2FileError) {
        try input.fill(atLeast: 2)
        if input.available > 0 && input.buffer[input.position] == ASCIIText.carriageReturn { input.consume(1) }
        if input.available > 0 && input.buffer[input.position] == ASCIIText.lineFeed { input.consume(1) }
    }

    // MARK: Newline-delimited

    /// What one line or frame holds.
    private enum Unit {
        case blank
        case data(Metro2Item)
        case trailer(Metro2Trailer, restIsBlank: Bool)
    }

    private mutating func nextLine() throws(Metro2FileError) -> Metro2Item? {
        guard try input.fill(atLeast: 1) else {
            finish()
            return nil
        }
        let lineFeed = try input.lineFeedIndex(maximum: Self.longestLine)
        let start = input.position
        let end = lineFeed ?? input.buffer.count
        var contentEnd = end
        if contentEnd > start && input.buffer[contentEnd - 1] == ASCIIText.carriageReturn { contentEnd -= 1 }
        let line = lineNumber
        lineNumber += 1
        let unit = try input.buffer.withUnsafeBufferPointer { bytes throws(Metro2FileError) in
            try lineUnit(bytes, start: start, limit: contentEnd, line: line)
        }
        input.consume(end - start + (lineFeed == nil ? 0 : 1))
        switch unit {
        case .blank: return nil
        case .data(let item): return item
        case .trailer(let trailer, _):
            accept(trailer)
            try expectOnlyBlankLines()
            return nil
        }
    }

    private func lineUnit(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, limit: Int, line: Int)
        throws(Metro2FileError) -> Unit
    {
        if CharacterRecordParser.skipBlanks(bytes, from: start, limit: limit) == limit { return .blank }
        if let descriptorLength = Self.identifierOffset("TRAILER", bytes, at: start, limit: limit) {
            return .trailer(
                try Self.decodeTrailer(bytes[(start + descriptorLength)..<limit], at: "line \(line)"),
                restIsBlank: true)
        }
        if Self.identifierOffset("HEADER", bytes, at: start, limit: limit) != nil {
            throw Self.secondHeader(at: "line \(line)")
        }
        return .data(Metro2Item(position: .line(line), result: dataRecordInLine(bytes, start: start, limit: limit)))
    }

    private func dataRecordInLine(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, limit: Int)
        -> Result<Metro2DataRecord, Metro2RecordError>
    {
        switch bestCandidate(bytes, start: start, limit: limit, framed: false) {
        case .found(let frame): frame.record(bytes)
        case .unreadable(let error): .failure(error)
        }
    }

    /// After the trailer line, only blank lines may follow.
    private mutating func expectOnlyBlankLines() throws(Metro2FileError) {
        while try input.fill(atLeast: 1) {
            let lineFeed = try input.lineFeedIndex(maximum: Self.longestLine)
            let end = lineFeed ?? input.buffer.count
            let isBlank = input.buffer[input.position..<end].allSatisfy {
                $0 == ASCIIText.blank || $0 == ASCIIText.carriageReturn
            }
            guard isBlank else {
                throw Metro2FileError("line \(lineNumber) follows the trailer record: the trailer must be last")
            }
            input.consume(end - input.position + (lineFeed == nil ? 0 : 1))
            lineNumber += 1
        }
        finished = true
    }

    // MARK: RDW-framed

    private mutating func nextFrame() throws(Metro2FileError) -> Metro2Item? {
        try input.fill(atLeast: Self.longestFrame + 2 * Metro2Segment.base.length)
        let start = input.position
        let startOffset = input.fileOffset
        let (unit, length) = try input.buffer.withUnsafeBufferPointer { bytes throws(Metro2FileError) in
            try frameUnit(bytes, start: start, limit: bytes.count, offset: startOffset)
        }
        input.consume(length)
        switch unit {
        case .blank:
            finish()
            return nil
        case .data(let item):
            return item
        case .trailer(let trailer, let restIsBlank):
            // The trailer runs to the end of the file: nothing may follow it but blanks and line breaks.
            guard restIsBlank, input.reachedEnd else {
                throw Metro2FileError("data follows the trailer record: the trailer must be last")
            }
            accept(trailer)
            finished = true
            return nil
        }
    }

    private func frameUnit(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, limit: Int, offset: Int64)
        throws(Metro2FileError) -> (unit: Unit, length: Int)
    {
        let recordStart = Self.skipLineBreaks(
            bytes, from: CharacterRecordParser.skipBlanks(bytes, from: start, limit: limit), limit: limit)
        if recordStart == limit { return (.blank, limit - start) }
        let frameOffset = offset + Int64(recordStart - start)
        if let descriptorLength = Self.identifierOffset("TRAILER", bytes, at: recordStart, limit: limit) {
            let trailerStart = recordStart + descriptorLength
            let trailer = try Self.decodeTrailer(bytes[trailerStart..<limit], at: "byte offset \(frameOffset)")
            let restStart = min(limit, trailerStart + Metro2Segment.trailer.length)
            let restIsBlank = bytes[restStart..<limit].allSatisfy {
                $0 == ASCIIText.blank || $0 == ASCIIText.lineFeed || $0 == ASCIIText.carriageReturn
            }
            return (.trailer(trailer, restIsBlank: restIsBlank), limit - start)
        }
        if Self.identifierOffset("HEADER", bytes, at: recordStart, limit: limit) != nil {
            throw Self.secondHeader(at: "byte offset \(frameOffset)")
        }
        let firstFailure: Metro2RecordError
        switch bestCandidate(bytes, start: recordStart, limit: limit, framed: true) {
        case .found(let frame):
            let item = Metro2Item(position: .offset(frameOffset), result: frame.record(bytes))
            return (.data(item), frame.end - start)
        case .unreadable(let error):
            firstFailure = error
        }
        // The content walk found no boundary: skip the record by its RDW if that lands on one.
        let contentStart = recordStart + descriptorCandidates[0]
        if let word = CharacterRecordParser.descriptorWord(bytes, at: contentStart, limit: limit),
            word >= Metro2Segment.base.length, contentStart + word <= limit,
            Self.isRecordBoundary(bytes, at: contentStart + word, limit: limit)
        {
            return (
                .data(Metro2Item(position: .offset(frameOffset), result: .failure(firstFailure))),
                contentStart + word - start
            )
        }
        if limit - contentStart < Metro2Segment.base.length {
            throw Metro2FileError(
                "the file ends inside the record at byte offset \(frameOffset): \(limit - contentStart) bytes "
                    + "remain, a base segment needs \(Metro2Segment.base.length)")
        }
        throw Metro2FileError(
            "cannot find where the record at byte offset \(frameOffset) ends: "
                + firstFailure.reason
                + "; its record descriptor word does not lead to the next record either")
    }

    /// Whether a record can end at `index`: the end of the file, a line break, or the next descriptor word.
    private static func isRecordBoundary(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        index == limit || bytes[index] == ASCIIText.lineFeed || bytes[index] == ASCIIText.carriageReturn
            || CharacterRecordParser.descriptorWord(bytes, at: index, limit: limit) != nil
    }

    // MARK: Candidates

    /// A data record's frame as its content walk finds it.
    private struct Frame {
        var recordStart: Int
        var segments: [(Metro2Segment, Int)]
        /// Where the blank padding after the content ends.
        var end: Int
        /// Nil when the RDW agrees with the content; else why not.
        var descriptorProblem: Metro2RecordError?

        func record(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Metro2DataRecord, Metro2RecordError> {
            if let descriptorProblem { return .failure(descriptorProblem) }
            return CharacterRecordParser.decodeDataRecord(bytes, recordStart: recordStart, segments: segments)
        }
    }

    /// Reading a data record with or without a BDW before it.
    private enum Candidate {
        case found(Frame)
        case unreadable(Metro2RecordError)

        /// Framed, and its RDW agrees.
        var isReadable: Bool {
            if case .found(let frame) = self { return frame.descriptorProblem == nil }
            return false
        }

        var isFramed: Bool {
            if case .found = self { return true }
            return false
        }
    }

    /// The reading of the data record at `start` to go by: one whose RDW agrees with its content, the
    /// header's BDW choice first; else, in a framed stream (which must go on somewhere), one that at least
    /// ends on a record boundary; else why the header's choice fails.
    private func bestCandidate(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, limit: Int, framed: Bool)
        -> Candidate
    {
        let preferred = candidate(
            bytes, start: start, descriptorLength: descriptorCandidates[0], limit: limit, framed: framed)
        if preferred.isReadable { return preferred }
        let alternative = candidate(
            bytes, start: start, descriptorLength: descriptorCandidates[1], limit: limit, framed: framed)
        if alternative.isReadable { return alternative }
        if framed && !preferred.isFramed && alternative.isFramed { return alternative }
        return preferred
    }

    /// Reads the data record at `start` as if a `descriptorLength`-byte BDW came first. In a line, the
    /// content must be followed by blanks only; in a framed stream, by blanks and then a record boundary.
    private func candidate(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, descriptorLength: Int, limit: Int, framed: Bool
    ) -> Candidate {
        let recordStart = start + descriptorLength
        guard limit - recordStart >= Metro2Segment.base.length else {
            return .unreadable(
                Metro2RecordError(
                    "the \(framed ? "record" : "line") has \(limit - start) characters; a data record needs at "
                        + "least \(Metro2Segment.base.length + descriptorLength) (the base segment)"))
        }
        let walk = CharacterRecordParser.walkAppendedSegments(bytes, recordStart: recordStart, limit: limit)
        let contentEnd: Int
        switch walk.end {
        case .truncated(let segment, let offset, let available):
            return .unreadable(
                Metro2RecordError(
                    "the \(segment) at position \(offset + 1) of the record is cut short: \(segment.length) "
                        + "characters expected, \(available) present"))
        case .ended(let end):
            contentEnd = end
        }
        let end = CharacterRecordParser.skipBlanks(bytes, from: contentEnd, limit: limit)
        guard framed ? Self.isRecordBoundary(bytes, at: end, limit: limit) : end == limit else {
            return .unreadable(Self.unknownSegment(bytes, at: contentEnd, recordStart, walk.segments))
        }
        return .found(
            Frame(
                recordStart: recordStart, segments: walk.segments, end: end,
                descriptorProblem: descriptorProblem(
                    bytes, recordStart: recordStart, segments: walk.segments,
                    contentLength: contentEnd - recordStart, frameLength: end - recordStart,
                    descriptorLength: descriptorLength)))
    }

    // MARK: Shared

    /// 0 when `identifier` follows a 4-byte RDW at `start`, 4 when it follows a BDW and an RDW, else nil.
    private static func identifierOffset(
        _ identifier: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int
    ) -> Int? {
        if CharacterRecordParser.hasIdentifier(identifier, bytes, at: start + 4, limit: limit) { return 0 }
        if CharacterRecordParser.hasIdentifier(identifier, bytes, at: start + 8, limit: limit) { return 4 }
        return nil
    }

    private static func secondHeader(at place: String) -> Metro2FileError {
        Metro2FileError("a second header record at \(place): split concatenated Metro 2 files before reading them")
    }

    /// Why the RDW does not describe the walked content, or nil when it does.
    private func descriptorProblem(
        _ bytes: UnsafeBufferPointer<UInt8>, recordStart: Int, segments: [(Metro2Segment, Int)],
        contentLength: Int, frameLength: Int, descriptorLength: Int
    ) -> Metro2RecordError? {
        let shown = ASCIIText.shown(bytes[recordStart..<(recordStart + 4)])
        guard let word = CharacterRecordParser.descriptorWord(bytes, at: recordStart, limit: recordStart + 4) else {
            return Metro2RecordError("the record descriptor word '\(shown)' is not 4 digits")
        }
        guard
            !CharacterRecordParser.acceptsDescriptor(
                word, contentLength: contentLength, frameLength: frameLength,
                blockDescriptorLength: descriptorLength)
        else { return nil }
        return Metro2RecordError(
            "the record descriptor word says \(shown) bytes, but the record's "
                + "\(CharacterRecordParser.describe(segments)) add up to \(digits(contentLength, 4))")
    }

    private static func decodeTrailer(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, at place: String)
        throws(Metro2FileError) -> Metro2Trailer
    {
        do {
            return try decodePadded(Metro2Trailer.self, bytes)
        } catch {
            throw Metro2FileError("the trailer record at \(place): \(error.message)")
        }
    }

    private static func unknownSegment(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ recordStart: Int, _ segments: [(Metro2Segment, Int)]
    ) -> Metro2RecordError {
        let found = ASCIIText.shown(bytes[index..<min(bytes.count, index + 2)])
        return Metro2RecordError(
            "unknown appended segment '\(found)' at position \(index - recordStart + 1) of the record, after the "
                + "\(CharacterRecordParser.describe(segments)); expected J1, J2, K1, K2, K3, K4, L1 or N1")
    }

    private mutating func accept(_ trailer: Metro2Trailer) {
        self.trailer = trailer
        if let warning = trailer.countWarning(dataRecordsRead: dataRecordCount) { warnings.append(warning) }
    }

    private mutating func finish() {
        if !finished && trailer == nil {
            warnings.append(Metro2Trailer.missingWarning(dataRecordsRead: dataRecordCount))
        }
        finished = true
    }
}

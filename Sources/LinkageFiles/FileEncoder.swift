import CSVFiles
public import CredenceIdentity
public import CredenceProtocol
import Dispatch
import Foundation
import Synchronization

/// One CSV file to link and how its columns map to fields.
public struct InputFile: Sendable {
    public var path: String
    public var mapping: ColumnMapping
    /// The linkage source its rows belong to: `left` or `right`.
    public var source: PartnerID

    public init(path: String, mapping: ColumnMapping, source: PartnerID) {
        self.path = path
        self.mapping = mapping
        self.source = source
    }
}

/// A file after reading and encoding: its ids in input order and what was counted (the records went to the
/// caller chunk by chunk).
public struct EncodedFile: Sendable {
    public var path: String
    public var ids: [String]
    public var statistics: EncodingStatistics
    /// Time spent parsing the CSV, and time spent (on every core) encoding its rows.
    public var readingTime: Duration
    public var encodingTime: Duration
}

/// Reads a CSV file row by row and encodes it in chunks spread over every core (an encoding costs ~0.1 ms,
/// nearly all of it HMACs), so a million rows are never held as text at once.
public struct FileEncoder: Sendable {
    public var delimiter: UInt8
    public var linkageKey: LinkageKey
    public var defaultRegion: PhoneRegion?
    public var dateFormat: BirthDateFormat?
    /// Rows per parallel chunk: large enough to keep the cores busy, small enough to bound the text in memory.
    public var chunkSize = 8192

    public init(delimiter: UInt8, linkageKey: LinkageKey, defaultRegion: PhoneRegion?, dateFormat: BirthDateFormat?) {
        self.delimiter = delimiter
        self.linkageKey = linkageKey
        self.defaultRegion = defaultRegion
        self.dateFormat = dateFormat
    }

    /// Reads and encodes `file`. Rows are numbered from `firstIndex` (the right file continues after the left);
    /// `makeRecord` turns each row's subject into what the caller keeps, on the encoding threads, and `consume`
    /// receives the records of each chunk in row order.
    ///
    /// Fails at the first row that breaks the file's structure: a row with a different number of fields than
    /// the header, an empty or repeated id, an id with a control character.
    public func encode<Record: Sendable>(
        _ file: InputFile, firstIndex: Int = 0,
        makeRecord: @escaping @Sendable (_ row: MappedRow, _ subject: SubjectReference) -> Record,
        consume: (_ records: [Record]) throws(LinkError) -> Void
    ) throws(LinkError) -> EncodedFile {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = try LinkError.csv { () throws(CSVFileError) in try CSVReader(path: file.path, delimiter: delimiter)
        }
        guard let header = try LinkError.csv({ () throws(CSVFileError) in try reader.nextRow() }) else {
            throw .input(file.path, line: 1, "the file is empty; a header row naming the columns is required")
        }
        let columns = try file.mapping.locate(in: header, path: file.path)
        let encoder = SubjectEncoder(
            mapping: file.mapping, source: file.source, linkageKey: linkageKey, defaultRegion: defaultRegion,
            dateFormat: dateFormat)
        var result = EncodedFile(
            path: file.path, ids: [], statistics: EncodingStatistics(), readingTime: .zero, encodingTime: .zero)
        var lineOfID: [String: Int] = [:]
        var chunk: [MappedRow] = []
        chunk.reserveCapacity(chunkSize)
        func flush() throws(LinkError) {
            let encodingStart = clock.now
            let (records, statistics) = try Self.encodeInParallel(chunk, path: file.path, encoder, makeRecord)
            result.statistics.merge(statistics)
            result.encodingTime += clock.now - encodingStart
            try consume(records)
            chunk.removeAll(keepingCapacity: true)
        }
        while let row = try LinkError.csv({ () throws(CSVFileError) in try reader.nextRow() }) {
            guard row.fields.count == columns.count else {
                throw .input(
                    file.path, line: row.line,
                    "the row has \(row.fields.count) fields but the header has \(columns.count) "
                        + "(quote fields that contain the delimiter or a line break)")
            }
            let id = row.fields[columns.id]
            if id.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                throw .input(file.path, line: row.line, "missing id: column '\(file.mapping.idColumn)' is empty")
            }
            if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw .input(file.path, line: row.line, "the id contains a control character (a tab or line break)")
            }
            if let first = lineOfID.updateValue(row.line, forKey: id) {
                throw .input(file.path, line: row.line, "duplicate id '\(id)' (first on line \(first))")
            }
            result.ids.append(id)
            chunk.append(
                MappedRow(
                    index: firstIndex + result.ids.count - 1, line: row.line, id: id,
                    values: columns.mapped.map { row.fields[$0] }))
            if chunk.count == chunkSize { try flush() }
        }
        if !chunk.isEmpty { try flush() }
        result.readingTime = clock.now - start - result.encodingTime
        return result
    }

    /// Encodes contiguous slices of the chunk concurrently and returns the records in row order.
    private static func encodeInParallel<Record: Sendable>(
        _ rows: [MappedRow], path: String, _ encoder: SubjectEncoder,
        _ makeRecord: @escaping @Sendable (MappedRow, SubjectReference) -> Record
    ) throws(LinkError) -> ([Record], EncodingStatistics) {
        typealias SliceResult = Result<([Record], EncodingStatistics), LinkError>
        let sliceCount = min(rows.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let slices = Mutex<[SliceResult?]>(Array(repeating: nil, count: sliceCount))
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            let range = (rows.count * slice / sliceCount)..<(rows.count * (slice + 1) / sliceCount)
            var statistics = EncodingStatistics()
            var records: [Record] = []
            records.reserveCapacity(range.count)
            var failure: LinkError?
            for row in rows[range] {
                do throws(IdentifierError) {
                    records.append(makeRecord(row, try encoder.encode(row, into: &statistics)))
                } catch {
                    failure = .input(path, line: row.line, "the id is not usable (\(error.code.rawValue))")
                    break
                }
            }
            let outcome: SliceResult = failure.map { .failure($0) } ?? .success((records, statistics))
            slices.withLock { $0[slice] = outcome }
        }
        var records: [Record] = []
        records.reserveCapacity(rows.count)
        var statistics = EncodingStatistics()
        for outcome in slices.withLock({ $0 }) {
            let (sliceRecords, sliceStatistics) = try outcome!.get()
            records += sliceRecords
            statistics.merge(sliceStatistics)
        }
        return (records, statistics)
    }
}

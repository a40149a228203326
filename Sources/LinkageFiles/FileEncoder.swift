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
    /// Time spent parsing and checking the CSV rows, and the time the reading then waited for the encoding
    /// (which runs on every core, overlapping the reading of the next chunk): together, the file's wall time.
    public var readingTime: Duration
    public var encodingTime: Duration
}

/// Reads a CSV file row by row and encodes it in chunks spread over every core, so a million rows are never
/// held as text at once: while one chunk is encoded the next is read, and then waits for it.
public struct FileEncoder: Sendable {
    public var delimiter: UInt8
    public var linkageKey: LinkageKey
    public var defaultRegion: PhoneRegion?
    public var dateFormat: BirthDateFormat?
    /// Rows per parallel chunk: large enough to keep the cores busy, small enough to bound the text in memory
    /// (two chunks at most: the one being encoded and the one being read).
    public var chunkSize = 8192

    public init(delimiter: UInt8, linkageKey: LinkageKey, defaultRegion: PhoneRegion?, dateFormat: BirthDateFormat?) {
        self.delimiter = delimiter
        self.linkageKey = linkageKey
        self.defaultRegion = defaultRegion
        self.dateFormat = dateFormat
    }

    /// Reads and encodes `file`. Rows are numbered from `firstIndex` (the right file continues after the left);
    /// `makeRecord` turns each row's subject into what the caller keeps, on the encoding threads, and `consume`
    /// receives the records of each chunk in row order, on the calling thread.
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
        var encoding: ChunkEncoding<Record>?
        // Never leave a chunk encoding behind, whatever ends the reading.
        defer { encoding?.wait() }
        /// Waits for the chunk being encoded and hands its records over.
        func finishEncoding() throws(LinkError) {
            guard let current = encoding else { return }
            encoding = nil
            let waitStart = clock.now
            let (records, statistics) = try current.wait().get()
            result.encodingTime += clock.now - waitStart
            result.statistics.merge(statistics)
            try consume(records)
        }
        func startEncoding() throws(LinkError) {
            try finishEncoding()
            encoding = ChunkEncoding(chunk, path: file.path, encoder, makeRecord)
            chunk = []
            chunk.reserveCapacity(chunkSize)
        }
        do throws(LinkError) {
            while let row = try LinkError.csv({ () throws(CSVFileError) in try reader.nextRow() }) {
                guard row.fields.count == columns.count else {
                    throw .input(
                        file.path, line: row.line,
                        "the row has \(row.fields.count) fields but the header has \(columns.count) "
                            + "(quote fields that contain the delimiter or a line break)")
                }
                let id = row.fields[columns.id]
                if SubjectEncoder.isBlank(id) {
                    throw .input(file.path, line: row.line, "missing id: column '\(file.mapping.idColumn)' is empty")
                }
                if Self.containsControlCharacter(id) {
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
                if chunk.count == chunkSize { try startEncoding() }
            }
            if !chunk.isEmpty { try startEncoding() }
        } catch {
            // A row of the chunk still encoding comes before this one: its failure is the first.
            try finishEncoding()
            throw error
        }
        try finishEncoding()
        result.readingTime = clock.now - start - result.encodingTime
        return result
    }

    /// Whether an id holds a control character (U+0000-U+001F, U+007F-U+009F): it would break the output CSV.
    static func containsControlCharacter(_ id: String) -> Bool {
        for byte in id.utf8 {
            if byte >= 0x80 { return id.unicodeScalars.contains { $0.properties.generalCategory == .control } }
            if byte < 0x20 || byte == 0x7F { return true }
        }
        return false
    }

    /// Encodes contiguous slices of the chunk concurrently and returns the records in row order.
    fileprivate static func encodeInParallel<Record: Sendable>(
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

/// One chunk being encoded on the other threads while the reader goes on: started on creation, collected with
/// ``wait()``.
private final class ChunkEncoding<Record: Sendable>: Sendable {
    typealias Outcome = Result<([Record], EncodingStatistics), LinkError>

    private let done = DispatchGroup()
    private let outcome = Mutex<Outcome?>(nil)

    init(
        _ rows: [MappedRow], path: String, _ encoder: SubjectEncoder,
        _ makeRecord: @escaping @Sendable (MappedRow, SubjectReference) -> Record
    ) {
        done.enter()
        DispatchQueue.global().async {
            let encoded = Result { () throws(LinkError) in
                try FileEncoder.encodeInParallel(rows, path: path, encoder, makeRecord)
            }
            self.outcome.withLock { $0 = encoded }
            self.done.leave()
        }
    }

    /// Blocks until the chunk is encoded; then returns at once.
    @discardableResult
    func wait() -> Outcome {
        done.wait()
        return outcome.withLock { $0! }
    }
}

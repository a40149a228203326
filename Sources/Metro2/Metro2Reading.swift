/// Where a data record sits in its file: a 1-based line for newline-delimited files, a 0-based byte offset
/// for RDW-framed files, the 0-based index in `data` for moov's JSON.
public enum Metro2Position: Sendable, Hashable, CustomStringConvertible {
    case line(Int)
    case offset(Int64)
    case index(Int)

    public var description: String {
        switch self {
        case .line(let line): "line \(line)"
        case .offset(let offset): "byte offset \(offset)"
        case .index(let index): "data[\(index)]"
        }
    }
}

/// A data record that could not be read; the rest of the file still is. The reason names the field, what
/// was found and what was expected, and never a personal identifier.
public struct Metro2RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// A file that cannot be read on from here (not Metro 2, packed, truncated inside a frame, unreadable).
public struct Metro2FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    public static let packedNotSupported = Metro2FileError(
        "packed Metro 2 (366-byte records) is not supported; export the character format")
}

/// One data record read from a file, or why it could not be.
public struct Metro2Item: Sendable {
    public let position: Metro2Position
    public let result: Result<Metro2DataRecord, Metro2RecordError>

    public init(position: Metro2Position, result: Result<Metro2DataRecord, Metro2RecordError>) {
        self.position = position
        self.result = result
    }
}

/// An open Metro 2 file, character or moov JSON, read one data record at a time in file order.
public protocol Metro2RecordSource {
    var header: Metro2Header { get }
    /// The trailer, once it has been read (at the end of the file).
    var trailer: Metro2Trailer? { get }
    /// File-level findings that do not stop reading (trailer counts that disagree, a missing trailer), for
    /// the adapter to print; complete once ``next()`` has returned nil.
    var warnings: [String] { get }
    /// The next data record, or nil after the last. Throws only when the rest of the file cannot be read.
    mutating func next() throws(Metro2FileError) -> Metro2Item?
}

extension Metro2Trailer {
    /// The warning for a trailer whose base-record total disagrees with the records read, or nil.
    func countWarning(dataRecordsRead: Int) -> String? {
        let total = self[.totalBaseRecords]
        guard total != Int64(dataRecordsRead) else { return nil }
        return "the trailer's total base records is \(total), but the file holds \(dataRecordsRead) data records"
    }

    static func missingWarning(dataRecordsRead: Int) -> String {
        "the file ends without a trailer record after \(dataRecordsRead) data records: it may be truncated"
    }
}

public import CredenceProtocol
public import Foundation

/// Where one source unit (a Metro 2 data record, a Shopify order, an X archive, ...) sits in its file, so
/// that a quarantined or disputed record can be found again.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// The file's base name (never a path: it travels in `provenance.file`).
    public var file: String
    /// 1-based line, for line-oriented files.
    public var line: Int?
    /// 0-based byte offset, for framed files.
    public var offset: Int64?
    /// 0-based index of the unit in its file. The adapter's read cursor counts units, so a restarted
    /// adapter skips exactly the units already sealed into its outbox.
    public var ordinal: Int

    public init(file: String, line: Int? = nil, offset: Int64? = nil, ordinal: Int) {
        self.file = file
        self.line = line
        self.offset = offset
        self.ordinal = ordinal
    }

    /// `file:line`, `file@offset` or `file#ordinal`, for messages and reject files.
    public var description: String {
        if let line { return "\(file):\(line)" }
        if let offset { return "\(file)@\(offset)" }
        return "\(file)#\(ordinal + 1)"
    }

    /// The record provenance for this position.
    public var provenance: Record.Provenance {
        Record.Provenance(file: try? RawCode(file), line: line, offset: offset)
    }
}

/// One source unit that cannot become records: it is quarantined to the reject file and the rest of the
/// file proceeds.
public struct SourceRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: SourcePosition
    /// What is wrong, in words the partner's data team can act on (`date opened 02302024 is not a date`).
    public var reason: String

    public init(position: SourcePosition, reason: String) {
        self.position = position
        self.reason = reason
    }

    public var description: String { "\(position): \(reason)" }
}

/// A file that cannot be read at all (not the format, packed Metro 2, unreadable archive): the whole file
/// is refused with this message and nothing of it is sent.
public struct SourceFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// One unit of a partner export, read: the canonical records it becomes (a Metro 2 data record can give a
/// snapshot per consumer-role plus a key change), or why it was quarantined.
public struct SourceItem: Sendable {
    public var position: SourcePosition
    public var outcome: Result<[Record], SourceRejection>

    public init(position: SourcePosition, records: [Record]) {
        self.position = position
        self.outcome = .success(records)
    }

    public init(rejection: SourceRejection) {
        self.position = rejection.position
        self.outcome = .failure(rejection)
    }
}

/// An open partner export, read one unit at a time in file order. Reading the same file twice yields the
/// same units in the same order (the adapter's cursor relies on it).
public protocol SourceDocument {
    /// The export format, detected when the file was opened; every record of a batch shares one.
    var format: SourceFormat { get }
    /// The next unit, or nil at the end of the file. Throws ``SourceFileError`` only when the rest of the
    /// file cannot be read (a truncated frame, an I/O error); a bad unit is a rejected ``SourceItem``.
    mutating func next() throws(SourceFileError) -> SourceItem?

    /// What the reader noticed about the file as a whole once it was read to the end, without refusing
    /// anything (a Metro 2 trailer whose totals disagree with the records, a missing trailer); the adapter
    /// reports these to the operator.
    var warnings: [String] { get }
}

extension SourceDocument {
    public var warnings: [String] { [] }
}

/// What one partner kind's adapter reads: it detects the format of a file and opens it.
public protocol SourceReader: Sendable {
    /// The partner kind whose exports this reader understands.
    var partnerKind: PartnerKind { get }
    /// Opens `url` (a file, or for archives a directory), detecting its format. Throws ``SourceFileError``
    /// with a one-line message when the file is not an export this reader understands.
    func open(_ url: URL, context: RecordContext) throws(SourceFileError) -> any SourceDocument

    /// Whether `directory`, given as an input, is itself one export of this reader's format (an unpacked X
    /// archive) rather than a folder of export files, which the adapter reads file by file.
    func isOneExport(directory: URL) -> Bool
}

extension SourceReader {
    /// Most formats are files: a directory is a folder of them.
    public func isOneExport(directory: URL) -> Bool { false }
}

import CredenceProtocol
public import Foundation

/// One object of an export as read: where it starts and what it is, or why it is not one. A unit that
/// fails does not stop the file: the next call reads on.
public struct CommerceExportEntry: Sendable {
    /// The 1-based line the object starts on.
    public var line: Int
    /// The 0-based index of the object among the file's objects (wrapper elements count one by one).
    public var ordinal: Int
    public var object: Result<CommerceObject, CommerceFormatError>
}

/// Reads a Shopify or Stripe export one object at a time, in file order, in bounded memory.
///
/// Layouts, told apart by the first value: JSON Lines (each line one object or one wrapper such as
/// `{"orders": [...]}`), or pretty-printed JSON (one or more values spanning lines: a REST response
/// `{"orders": [...]}`, a Stripe list `{"object": "list", "data": [...]}`, a single `{"order": {...}}`).
/// Each line of JSON Lines is parsed on its own, so a broken line is one failed entry and the rest of the
/// file is read.
///
/// ```swift
/// var reader = try CommerceExportReader(contentsOf: URL(filePath: "orders.jsonl"))
/// while let entry = try reader.next() {
///     switch entry.object {
///     case .success(let object): print(entry.line, object.platform)
///     case .failure(let error): print("line \(entry.line): \(error.message)")
///     }
/// }
/// ```
public struct CommerceExportReader {
    private enum Layout {
        case jsonLines
        case documents
    }

    private var stream: ExportByteStream
    private var layout: Layout?
    private var pending: [CommerceExportEntry] = []
    private var pendingIndex = 0
    private var nextOrdinal = 0

    /// Opens a file; throws `unreadableFile` when it cannot be opened.
    public init(contentsOf url: URL) throws(CommerceFormatError) {
        stream = try ExportByteStream(contentsOf: url)
    }

    /// Reads an export held in memory.
    public init(bytes: [UInt8]) {
        stream = ExportByteStream(bytes: bytes)
    }

    /// The next object, or nil at the end of the file. Throws only when the rest of the file cannot be
    /// read (an I/O error, a pretty-printed value that never closes or is larger than 256 MiB).
    public mutating func next() throws(CommerceFormatError) -> CommerceExportEntry? {
        while pendingIndex == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            guard try readTopLevelValue() else { return nil }
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }

    /// Reads the next top-level value into `pending`; false at the end of the file.
    private mutating func readTopLevelValue() throws(CommerceFormatError) -> Bool {
        if layout == nil {
            try stream.skipByteOrderMark()
            guard try stream.skipWhitespace() else { return false }
            layout = try stream.valueEndsOnItsLine() ? .jsonLines : .documents
        }
        switch layout {
        case .jsonLines?:
            while let (line, bytes) = try stream.nextLine() {
                guard bytes.contains(where: { !JSONExtentScanner.isWhitespace($0) }) else { continue }
                appendUnits(of: bytes, line: line, locatingElements: false)
                return true
            }
            return false
        case .documents?, nil:
            guard let (line, bytes) = try stream.nextValue() else { return false }
            appendUnits(of: bytes, line: line, locatingElements: true)
            return true
        }
    }

    private mutating func appendUnits(of bytes: ArraySlice<UInt8>, line: Int, locatingElements: Bool) {
        let value: JSONValue
        do {
            value = try StrictJSONParser.parse(bytes)
        } catch {
            append(line: line, .failure(CommerceFormatError(.malformedJSON, "not valid JSON: \(error.message)")))
            return
        }
        let units = ExportUnit.units(of: value)
        let lines =
            locatingElements
            ? ExportUnit.lines(of: units, in: bytes, firstLine: line) : Array(repeating: line, count: units.count)
        for (unit, unitLine) in zip(units, lines) {
            append(line: unitLine, unit.decode())
        }
    }

    private mutating func append(line: Int, _ object: Result<CommerceObject, CommerceFormatError>) {
        pending.append(CommerceExportEntry(line: line, ordinal: nextOrdinal, object: object))
        nextOrdinal += 1
    }
}

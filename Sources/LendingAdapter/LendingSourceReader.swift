public import AdapterCore
public import CredenceProtocol
public import Foundation
public import Metro2

/// The lending adapter's source reader: Metro 2 files, in the character format (newline-delimited or
/// RDW-framed) or as moov-io/metro2 JSON, become canonical lending records one data record at a time.
///
/// ```swift
/// var document = try LendingSourceReader().open(url, context: context)
/// while let item = try document.next() { ... }
/// ```
public struct LendingSourceReader: SourceReader {
    public init() {}

    public var partnerKind: PartnerKind { .lending }

    public func open(_ url: URL, context: RecordContext) throws(SourceFileError) -> any SourceDocument {
        try LendingSourceDocument(url, context: context)
    }
}

/// An open Metro 2 file. Besides the ``SourceDocument`` contract it exposes the header and, once the last
/// item has been read, the file-level ``warnings`` (trailer totals that disagree with what was read, a
/// missing trailer) for the adapter to print.
public struct LendingSourceDocument: SourceDocument {
    public let format: SourceFormat
    private var source: any Metro2RecordSource
    private let mapper: Metro2RecordMapper
    private let fileName: String
    private var ordinal = 0

    /// Opens `url`, detecting the format: moov JSON when the name ends in `.json` or the first non-blank byte
    /// is `{`, else the character format.
    public init(_ url: URL, context: RecordContext) throws(SourceFileError) {
        fileName = url.lastPathComponent
        mapper = Metro2RecordMapper(context: context)
        do throws(Metro2FileError) {
            if try Self.isJSON(url) {
                format = .metro2MoovJSON
                source = try Metro2MoovJSONReader(contentsOf: url)
            } else {
                format = .metro2Character
                source = try Metro2CharacterReader(contentsOf: url)
            }
        } catch {
            throw SourceFileError(file: url.lastPathComponent, message: error.message)
        }
    }

    public var header: Metro2Header { source.header }

    public var warnings: [String] { source.warnings }

    public mutating func next() throws(SourceFileError) -> SourceItem? {
        let item: Metro2Item
        do throws(Metro2FileError) {
            guard let next = try source.next() else { return nil }
            item = next
        } catch {
            throw SourceFileError(file: fileName, message: error.message)
        }
        let position = sourcePosition(item.position)
        ordinal += 1
        switch item.result {
        case .failure(let error):
            return SourceItem(rejection: SourceRejection(position: position, reason: error.reason))
        case .success(let record):
            do throws(MappingError) {
                let records = try mapper.records(
                    for: record, ordinal: position.ordinal, provenance: position.provenance)
                return SourceItem(position: position, records: records)
            } catch {
                return SourceItem(rejection: SourceRejection(position: position, reason: error.reason))
            }
        }
    }

    private func sourcePosition(_ position: Metro2Position) -> SourcePosition {
        switch position {
        case .line(let line): SourcePosition(file: fileName, line: line, ordinal: ordinal)
        case .offset(let offset): SourcePosition(file: fileName, offset: offset, ordinal: ordinal)
        case .index: SourcePosition(file: fileName, ordinal: ordinal)
        }
    }

    private static func isJSON(_ url: URL) throws(Metro2FileError) -> Bool {
        if url.pathExtension.lowercased() == "json" { return true }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw Metro2FileError("cannot open the file: \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: 4096)) ?? nil
        let firstNonBlank = prefix?.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return firstNonBlank == UInt8(ascii: "{")
    }
}

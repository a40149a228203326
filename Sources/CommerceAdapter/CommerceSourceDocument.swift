public import AdapterCore
import CommerceExports
public import CredenceProtocol
public import Foundation

/// An open Shopify or Stripe export, read one object at a time into `commerce_event` records.
///
/// The platform is detected from the first object that can be read and fixes ``format`` (one batch has
/// one `source_format`); an object of the other platform later in the file is quarantined. Transactions,
/// refunds and disputes find their buyer through an order (or charge) read earlier in the same file, so
/// exports list each order before its other objects; the join keeps the most recent `orderIndexCapacity`
/// orders, which bounds memory on files of any length.
public struct CommerceSourceDocument: SourceDocument {
    /// How many objects detection may look at before giving up on a file of unreadable objects.
    static let detectionLimit = 1000

    public let format: SourceFormat
    private let platform: CommercePlatform
    private let fileName: String
    private var reader: CommerceExportReader
    /// Objects read while detecting the platform, handed out first.
    private var lookahead: [CommerceExportEntry]
    private var lookaheadIndex = 0
    private var mapper: CommerceEventMapper

    /// What was left out on purpose so far (test orders, inquiries, duplicates), for reconciling the file.
    public var statistics: CommerceReadStatistics { mapper.statistics }

    /// Opens `url` and detects its platform. Throws when the file cannot be read, holds no objects, or its
    /// first objects are none of Shopify's or Stripe's.
    public init(url: URL, context: RecordContext, orderIndexCapacity: Int) throws(SourceFileError) {
        let fileName = url.lastPathComponent
        func fileError(_ error: CommerceFormatError) -> SourceFileError {
            SourceFileError(file: fileName, message: error.message)
        }
        do {
            reader = try CommerceExportReader(contentsOf: url)
        } catch {
            throw fileError(error)
        }
        var peeked: [CommerceExportEntry] = []
        var detected: CommercePlatform?
        while detected == nil, peeked.count < Self.detectionLimit {
            let entry: CommerceExportEntry?
            do {
                entry = try reader.next()
            } catch {
                throw fileError(error)
            }
            guard let entry else { break }
            peeked.append(entry)
            if case .success(let object) = entry.object { detected = object.platform }
        }
        // An export without a single object (a day without orders) is not an error: it yields no records, so
        // which platform it came from does not matter.
        guard let detected = detected ?? (peeked.isEmpty ? .shopify : nil) else {
            guard let first = peeked.first, case .failure(let error) = first.object else {
                throw SourceFileError(file: fileName, message: "the file holds no Shopify or Stripe objects")
            }
            throw SourceFileError(
                file: fileName,
                message: "none of the first \(peeked.count) objects is a Shopify or Stripe object; "
                    + "line \(first.line): \(error.message)")
        }
        self.fileName = fileName
        self.platform = detected
        self.format = detected == .shopify ? .shopifyAdminREST : .stripeAPI
        self.lookahead = peeked
        self.mapper = CommerceEventMapper(context: context, orderIndexCapacity: orderIndexCapacity)
    }

    public mutating func next() throws(SourceFileError) -> SourceItem? {
        let entry: CommerceExportEntry
        if lookaheadIndex < lookahead.count {
            entry = lookahead[lookaheadIndex]
            lookaheadIndex += 1
        } else {
            if !lookahead.isEmpty { lookahead = [] }
            do {
                guard let next = try reader.next() else { return nil }
                entry = next
            } catch {
                throw SourceFileError(file: fileName, message: error.message)
            }
        }
        let position = SourcePosition(file: fileName, line: entry.line, ordinal: entry.ordinal)
        return mapper.item(for: entry.object, at: position, platform: platform)
    }
}

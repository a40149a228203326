import AdapterCore
import CredenceIdentity
import CredenceProtocol
import Foundation

/// A small commerce export format for testing the kit before the real readers exist, read through the
/// real ``RecordContext``:
///
/// ```
/// credence-test-lines v1 shopify-admin-rest
/// order_id|customer_id|phone|amount|currency|occurred_at
/// ```
///
/// The first line names the source format. Each further line is one unit and becomes two records (the
/// order placed and its payment captured), so units hold several records. A line with the wrong number of
/// fields, an amount that is not an integer or a phone that does not normalize is rejected; a negative
/// amount yields records the kit's validation must catch; a line `!truncated` makes the rest of the file
/// unreadable.
struct LineSourceReader: SourceReader {
    static let header = "credence-test-lines v1 "

    let partnerKind = PartnerKind.commerce
    /// Cancels the reading task when this ordinal is read, as a crash would stop it there.
    var interruptAtOrdinal: Int?

    func open(_ url: URL, context: RecordContext) throws(SourceFileError) -> any SourceDocument {
        guard let data = FileManager.default.contents(atPath: url.path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw SourceFileError(file: url.lastPathComponent, message: "cannot read the file")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.hasPrefix(Self.header),
            let format = SourceFormat(rawValue: String(first.dropFirst(Self.header.count)))
        else {
            throw SourceFileError(
                file: url.lastPathComponent,
                message: "not a credence test export: the first line must be '\(Self.header)FORMAT'")
        }
        return LineDocument(
            name: url.lastPathComponent, format: format, lines: Array(lines.dropFirst()), context: context,
            interruptAtOrdinal: interruptAtOrdinal)
    }
}

struct LineDocument: SourceDocument {
    let name: String
    let format: SourceFormat
    let lines: [String]
    let context: RecordContext
    let interruptAtOrdinal: Int?
    var ordinal = 0

    mutating func next() throws(SourceFileError) -> SourceItem? {
        guard ordinal < lines.count else { return nil }
        defer { ordinal += 1 }
        if ordinal == interruptAtOrdinal { withUnsafeCurrentTask { $0?.cancel() } }
        // Line 1 is the header.
        let position = SourcePosition(file: name, line: ordinal + 2, ordinal: ordinal)
        let line = lines[ordinal]
        if line == "!truncated" {
            throw SourceFileError(file: name, message: "line \(ordinal + 2): the file ends in the middle of a unit")
        }
        do throws(SourceRejection) {
            return SourceItem(position: position, records: try records(line, at: position))
        } catch {
            return SourceItem(rejection: error)
        }
    }

    private func records(_ line: String, at position: SourcePosition) throws(SourceRejection) -> [Record] {
        let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6 else {
            throw SourceRejection(
                position: position, reason: "expected 6 fields separated by '|', found \(fields.count)")
        }
        guard let amount = Int64(fields[3]) else {
            throw SourceRejection(position: position, reason: "amount: expected an integer of minor units")
        }
        do {
            let subject = try context.subject(
                RawSubject(localKey: fields[1], identifiers: [RawIdentifier(.phoneE164, fields[2])]))
            let orderKey = try context.orderKey(orderID: fields[0])
            let occurredAt = try Timestamp(fields[5])
            let currency = try CurrencyCode(fields[4])
            func record(_ event: CommerceEvent.EventType, _ suffix: String) throws -> Record {
                Record(
                    recordID: try RawCode("order-\(fields[0])-\(suffix)"), subjects: [subject],
                    fact: .commerceEvent(
                        CommerceEvent(
                            event: event, occurredAt: occurredAt, orderKey: orderKey, amount: amount,
                            currency: currency,
                            paymentMethod: .card)),
                    provenance: position.provenance)
            }
            return [try record(.orderPlaced, "placed"), try record(.paymentCaptured, "captured")]
        } catch let error as IdentifierError {
            throw SourceRejection(position: position, reason: "customer: \(error.message)")
        } catch {
            throw SourceRejection(position: position, reason: "\(error)")
        }
    }
}

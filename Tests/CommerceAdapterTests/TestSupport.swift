import AdapterCore
import CommerceAdapter
import CommerceExports
import CredenceIdentity
import CredenceProtocol
import Foundation
import Testing

/// The fixtures copied into this test target (see `Fixtures/README.md`).
enum Fixtures {
    static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    static func url(_ name: String) -> URL { directory.appending(path: name) }

    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url(name))) }
}

/// A directory of its own per test, removed when the test drops it.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "commerce-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ text: String, to name: String) throws -> URL {
        try write(Array(text.utf8), to: name)
    }

    func write(_ bytes: [UInt8], to name: String) throws -> URL {
        let file = url.appending(path: name)
        try Data(bytes).write(to: file)
        return file
    }

    /// Writes the objects as a JSON Lines export with the real writer.
    func export(_ objects: [CommerceObject], to name: String, shopOffsetMinutes: Int = 0) throws -> URL {
        let file = url.appending(path: name)
        let writer = try CommerceExportWriter(creating: file, shopOffsetMinutes: shopOffsetMinutes)
        for object in objects { try writer.write(object) }
        try writer.finish()
        return file
    }
}

/// Contexts keyed by the published TEST linkage key (`protocol/identifiers.md`), so tokens can be checked
/// against the golden vectors.
enum TestContext {
    static let linkageKey = try! LinkageKey(
        fileContents: "b41cecf80beea2fc0443018aee9f3535f45ebf109b3be7ceeb867864b5177611")

    static func make(region: PhoneRegion? = .us, partner: String = "market-shopco") -> RecordContext {
        RecordContext(partnerID: try! PartnerID(partner), linkageKey: linkageKey, defaultRegion: region)
    }
}

/// Everything one export became.
struct ReadResult {
    var format: SourceFormat
    var items: [SourceItem]
    var statistics: CommerceReadStatistics

    var records: [Record] { items.flatMap { (try? $0.outcome.get()) ?? [] } }

    var rejections: [SourceRejection] {
        items.compactMap { item in
            if case .failure(let rejection) = item.outcome { return rejection }
            return nil
        }
    }

    var events: [CommerceEvent] {
        records.compactMap { record in
            if case .commerceEvent(let event) = record.fact { return event }
            return nil
        }
    }

    func events(_ type: CommerceEvent.EventType) -> [CommerceEvent] { events.filter { $0.event == type } }

    func records(_ type: CommerceEvent.EventType) -> [Record] {
        records.filter { record in
            if case .commerceEvent(let event) = record.fact { return event.event == type }
            return false
        }
    }

    /// The records as the batch the adapter kit would sign, serialized once; decoding it back checks every
    /// rule of `protocol/batch.md` (unique record ids, chargeback and instalment shapes, ...).
    func serializedBatch(partner: String = "market-shopco") throws -> [UInt8] {
        let batch = Batch(
            partnerID: try PartnerID(partner), partnerKind: .commerce, audience: try PartnerID("credence-test"),
            keyEpoch: 1, batchSeq: 1, prevBatchSha256: nil, createdAt: try Timestamp("2026-11-01T00:00:00Z"),
            sourceFormat: format, records: records)
        let bytes = batch.serialized()
        #expect(try Batch.decodeUnverified(bytes) == batch)
        return bytes
    }
}

/// Reads a whole export through the commerce source reader.
func readExport(
    _ url: URL, context: RecordContext = TestContext.make(), reader: CommerceSourceReader = CommerceSourceReader()
) throws -> ReadResult {
    var document = try reader.openDocument(url, context: context)
    var items: [SourceItem] = []
    while let item = try document.next() { items.append(item) }
    return ReadResult(format: document.format, items: items, statistics: document.statistics)
}

/// Reads an export with the format reader alone.
func readEntries(_ bytes: [UInt8]) throws -> [CommerceExportEntry] {
    var reader = CommerceExportReader(bytes: bytes)
    var entries: [CommerceExportEntry] = []
    while let entry = try reader.next() { entries.append(entry) }
    return entries
}

func instant(_ text: String) -> Timestamp { try! InstantText.utc(fromISO8601: text) }

func currency(_ code: String) -> CurrencyCode { try! CurrencyCode(code) }

/// Orders, transactions and disputes for tests: realistic defaults, each test changing what it checks.
enum Samples {
    static func customer(id: Int64 = 207_119_551, email: String? = "bob.norman@hostmail.com") -> ShopifyCustomer {
        ShopifyCustomer(
            id: id, email: email, phone: "+1 502 555 0123", firstName: "Bob", lastName: "Norman", verifiedEmail: true,
            createdAt: instant("2014-01-22T15:58:27-05:00"), state: "enabled", ordersCount: 3,
            defaultAddress: billing)
    }

    static let billing = ShopifyAddress(
        firstName: "Bob", lastName: "Norman", address1: "Chestnut Street 92", city: "Louisville", province: "Kentucky",
        provinceCode: "KY", zip: "40202", country: "United States", countryCode: "US", phone: "502-555-0123")

    static func order(
        id: Int64 = 450_789_469, currency code: String = "USD", total: Int64 = 40_994,
        gateways: [String] = ["shopify_payments"], customer: ShopifyCustomer? = Samples.customer(),
        createdAt: String = "2026-10-02T10:15:00-04:00"
    ) -> ShopifyOrder {
        ShopifyOrder(
            id: id, name: "#\(id % 10_000)", orderNumber: id % 10_000, email: customer?.email, phone: nil,
            createdAt: instant(createdAt), currency: currency(code), totalPrice: total, financialStatus: "paid",
            gateway: gateways.first, paymentGatewayNames: gateways, customer: customer, billingAddress: billing,
            lineItems: [ShopifyLineItem(id: 466_157_049, title: "Blue Widget", sku: "BW-1", quantity: 1, price: total)])
    }

    static func transaction(
        id: Int64, order: Int64 = 450_789_469, kind: String, status: String?, amount: Int64 = 40_994,
        gateway: String? = "shopify_payments", at time: String = "2026-10-02T10:16:00-04:00"
    ) -> ShopifyTransaction {
        ShopifyTransaction(
            id: id, orderID: order, kind: kind, status: status, amount: amount, currency: currency("USD"),
            gateway: gateway, createdAt: instant(time))
    }

    static func dispute(
        id: Int64 = 1_052_608_616, order: Int64? = 450_789_469, type: String = "chargeback",
        reason: String = "fraudulent", status: String, finalizedOn: String? = nil
    ) -> ShopifyDispute {
        ShopifyDispute(
            id: id, orderID: order, type: type, amount: 10_000, currency: currency("USD"), reason: reason,
            networkReasonCode: "4837", status: status, initiatedAt: instant("2026-10-20T20:00:00-04:00"),
            evidenceDueBy: instant("2026-11-03T19:00:00-04:00"), finalizedOn: finalizedOn.map(instant))
    }
}

public import AdapterCore
public import CredenceProtocol
public import Foundation

/// The commerce adapter's source reader: Shopify Admin REST exports (orders, transactions, refunds,
/// disputes; `shopify-admin-rest`) and Stripe API exports (charges, refunds, disputes, payment intents,
/// events; `stripe-api`), as JSON Lines or pretty-printed JSON, into `commerce_event` records.
///
/// ```swift
/// let reader = CommerceSourceReader()
/// var document = try reader.open(URL(filePath: "orders-2026-10.jsonl"), context: context)
/// while let item = try document.next() {
///     switch item.outcome {
///     case .success(let records): batch.append(contentsOf: records)
///     case .failure(let rejection): rejects.append(rejection)   // "orders-2026-10.jsonl:17: ..."
///     }
/// }
/// ```
///
/// Only payment events leave the adapter: line items, product titles, notes, descriptions and shipping
/// details are read with the export but never put in a record, and every identifier goes through the
/// ``RecordContext``.
public struct CommerceSourceReader: SourceReader {
    /// How many orders (Stripe: charges) a file's transactions, refunds and disputes can be joined to: the
    /// most recently read ones. Each takes about 2 KB (its buyer's tokens and encodings), so the default
    /// bounds the join at about 200 MB however long the file is.
    public let orderIndexCapacity: Int

    public init(orderIndexCapacity: Int = 100_000) {
        precondition(orderIndexCapacity > 0, "the order index holds at least one order")
        self.orderIndexCapacity = orderIndexCapacity
    }

    public var partnerKind: PartnerKind { .commerce }

    public func open(_ url: URL, context: RecordContext) throws(SourceFileError) -> any SourceDocument {
        try openDocument(url, context: context)
    }

    /// ``open(_:context:)`` with the concrete document, whose ``CommerceSourceDocument/statistics`` count
    /// what was left out on purpose.
    public func openDocument(_ url: URL, context: RecordContext) throws(SourceFileError) -> CommerceSourceDocument {
        try CommerceSourceDocument(url: url, context: context, orderIndexCapacity: orderIndexCapacity)
    }
}

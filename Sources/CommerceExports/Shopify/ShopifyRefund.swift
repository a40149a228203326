public import CredenceProtocol

/// A refund of a Shopify order, embedded in the order's `refunds` or on its own (`refunds/create`). The
/// money moved is in its `kind: refund` transactions.
public struct ShopifyRefund: Sendable, Equatable {
    public var id: Int64
    public var orderID: Int64?
    public var createdAt: Timestamp
    public var processedAt: Timestamp?
    /// The merchant's free-text note: never forwarded.
    public var note: String?
    public var restock: Bool?
    public var refundLineItems: [ShopifyRefundLineItem]
    public var transactions: [ShopifyTransaction]

    public init(
        id: Int64, orderID: Int64?, createdAt: Timestamp, processedAt: Timestamp? = nil, note: String? = nil,
        restock: Bool? = nil, refundLineItems: [ShopifyRefundLineItem] = [], transactions: [ShopifyTransaction]
    ) {
        self.id = id
        self.orderID = orderID
        self.createdAt = createdAt
        self.processedAt = processedAt
        self.note = note
        self.restock = restock
        self.refundLineItems = refundLineItems
        self.transactions = transactions
    }

    init(reading fields: FieldReader, orderCurrency: CurrencyCode? = nil) throws(CommerceFormatError) {
        var lineItems: [ShopifyRefundLineItem] = []
        for item in try fields.objects("refund_line_items") {
            lineItems.append(try ShopifyRefundLineItem(reading: item))
        }
        var transactions: [ShopifyTransaction] = []
        for transaction in try fields.objects("transactions") {
            transactions.append(try ShopifyTransaction(reading: transaction, orderCurrency: orderCurrency))
        }
        self.init(
            id: try fields.requiredIdentifier("id"), orderID: try fields.identifier("order_id"),
            createdAt: try fields.requiredInstant("created_at"), processedAt: try fields.instant("processed_at"),
            note: try fields.string("note"), restock: try fields.bool("restock"), refundLineItems: lineItems,
            transactions: transactions)
    }

    func json(offsetMinutes: Int) -> ObjectBuilder {
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("order_id", orderID)
        object.add("created_at", instant: createdAt, offsetMinutes: offsetMinutes)
        object.add("processed_at", instant: processedAt, offsetMinutes: offsetMinutes)
        object.add("note", note)
        object.add("restock", restock)
        object.add("refund_line_items", objects: refundLineItems.map(\.json))
        object.add("transactions", objects: transactions.map { $0.json(offsetMinutes: offsetMinutes) })
        object.add("order_adjustments", .array([]))
        return object
    }
}

/// Which order line a refund returns, and how many of it.
public struct ShopifyRefundLineItem: Sendable, Equatable {
    public var id: Int64
    public var lineItemID: Int64
    public var quantity: Int64

    public init(id: Int64, lineItemID: Int64, quantity: Int64) {
        self.id = id
        self.lineItemID = lineItemID
        self.quantity = quantity
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        self.init(
            id: try fields.requiredIdentifier("id"), lineItemID: try fields.requiredIdentifier("line_item_id"),
            quantity: try fields.integer("quantity") ?? 1)
    }

    var json: ObjectBuilder {
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("quantity", quantity)
        object.add("line_item_id", lineItemID)
        return object
    }
}

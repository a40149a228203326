public import CredenceProtocol

/// A Shopify order transaction (`/orders/{id}/transactions.json`, or inside a refund): one attempt to
/// authorize, capture, sell, void or refund money.
public struct ShopifyTransaction: Sendable, Equatable {
    public var id: Int64
    public var orderID: Int64?
    /// `authorization`, `capture`, `sale`, `void`, `refund` (or `change` at a point of sale).
    public var kind: String
    /// `pending`, `failure`, `success` or `error`.
    public var status: String?
    /// Minor units of ``currency``.
    public var amount: Int64
    public var currency: CurrencyCode
    public var gateway: String?
    public var createdAt: Timestamp
    public var processedAt: Timestamp?
    public var parentID: Int64?
    public var errorCode: String?
    public var test: Bool

    public init(
        id: Int64, orderID: Int64?, kind: String, status: String?, amount: Int64, currency: CurrencyCode,
        gateway: String? = nil, createdAt: Timestamp, processedAt: Timestamp? = nil, parentID: Int64? = nil,
        errorCode: String? = nil, test: Bool = false
    ) {
        self.id = id
        self.orderID = orderID
        self.kind = kind
        self.status = status
        self.amount = amount
        self.currency = currency
        self.gateway = gateway
        self.createdAt = createdAt
        self.processedAt = processedAt
        self.parentID = parentID
        self.errorCode = errorCode
        self.test = test
    }

    /// Reads a transaction; `orderCurrency` stands in when the transaction omits its own (older API
    /// versions inside refunds).
    init(reading fields: FieldReader, orderCurrency: CurrencyCode? = nil) throws(CommerceFormatError) {
        guard let currency = try fields.currency("currency") ?? orderCurrency else {
            throw fields.missing("currency")
        }
        self.init(
            id: try fields.requiredIdentifier("id"), orderID: try fields.identifier("order_id"),
            kind: try fields.requiredString("kind"), status: try fields.string("status"),
            amount: try fields.requiredDecimalAmount("amount", currency: currency), currency: currency,
            gateway: try fields.string("gateway"), createdAt: try fields.requiredInstant("created_at"),
            processedAt: try fields.instant("processed_at"), parentID: try fields.identifier("parent_id"),
            errorCode: try fields.string("error_code"), test: try fields.bool("test") ?? false)
    }

    func json(offsetMinutes: Int) -> ObjectBuilder {
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("order_id", orderID)
        object.add("kind", kind)
        object.add("gateway", gateway)
        object.add("status", status)
        object.add("created_at", instant: createdAt, offsetMinutes: offsetMinutes)
        object.add("test", test)
        object.add("parent_id", parentID)
        object.add("processed_at", instant: processedAt, offsetMinutes: offsetMinutes)
        object.add("error_code", errorCode)
        object.add("amount", decimal: amount, currency: currency)
        object.add("currency", currency.rawValue)
        return object
    }
}

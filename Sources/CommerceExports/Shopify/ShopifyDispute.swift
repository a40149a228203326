public import CredenceProtocol

/// A Shopify Payments dispute (`/shopify_payments/disputes.json`): a chargeback, or an inquiry that may
/// become one. `order_id` can be null.
public struct ShopifyDispute: Sendable, Equatable {
    public var id: Int64
    public var orderID: Int64?
    /// `chargeback` or `inquiry`.
    public var type: String
    public var amount: Int64
    public var currency: CurrencyCode
    /// `fraudulent`, `product_not_received`, `product_unacceptable`, ... (the card network's category).
    public var reason: String
    public var networkReasonCode: String?
    /// `needs_response`, `under_review`, `charge_refunded`, `accepted`, `won` or `lost`.
    public var status: String
    public var initiatedAt: Timestamp
    public var evidenceDueBy: Timestamp?
    public var evidenceSentOn: Timestamp?
    public var finalizedOn: Timestamp?

    public init(
        id: Int64, orderID: Int64?, type: String, amount: Int64, currency: CurrencyCode, reason: String,
        networkReasonCode: String? = nil, status: String, initiatedAt: Timestamp, evidenceDueBy: Timestamp? = nil,
        evidenceSentOn: Timestamp? = nil, finalizedOn: Timestamp? = nil
    ) {
        self.id = id
        self.orderID = orderID
        self.type = type
        self.amount = amount
        self.currency = currency
        self.reason = reason
        self.networkReasonCode = networkReasonCode
        self.status = status
        self.initiatedAt = initiatedAt
        self.evidenceDueBy = evidenceDueBy
        self.evidenceSentOn = evidenceSentOn
        self.finalizedOn = finalizedOn
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        let currency = try fields.requiredCurrency("currency")
        self.init(
            id: try fields.requiredIdentifier("id"), orderID: try fields.identifier("order_id"),
            type: try fields.requiredString("type"),
            amount: try fields.requiredDecimalAmount("amount", currency: currency), currency: currency,
            reason: try fields.requiredString("reason"), networkReasonCode: try fields.string("network_reason_code"),
            status: try fields.requiredString("status"), initiatedAt: try fields.requiredInstant("initiated_at"),
            evidenceDueBy: try fields.instant("evidence_due_by"),
            evidenceSentOn: try fields.instant("evidence_sent_on"),
            finalizedOn: try fields.instant("finalized_on"))
    }

    func json(offsetMinutes: Int) -> ObjectBuilder {
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("order_id", orderID)
        object.add("type", type)
        object.add("amount", decimal: amount, currency: currency)
        object.add("currency", currency.rawValue)
        object.add("reason", reason)
        object.add("network_reason_code", networkReasonCode)
        object.add("status", status)
        object.add("evidence_due_by", instant: evidenceDueBy, offsetMinutes: offsetMinutes)
        object.add("evidence_sent_on", instant: evidenceSentOn, offsetMinutes: offsetMinutes)
        object.add("finalized_on", instant: finalizedOn, offsetMinutes: offsetMinutes)
        object.add("initiated_at", instant: initiatedAt, offsetMinutes: offsetMinutes)
        return object
    }
}

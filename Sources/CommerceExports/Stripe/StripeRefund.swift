public import CredenceProtocol

/// A Stripe refund of (part of) a charge.
public struct StripeRefund: Sendable, Equatable {
    public var id: String
    public var charge: String?
    public var paymentIntent: String?
    public var amount: Int64
    public var currency: CurrencyCode
    /// `pending`, `requires_action`, `succeeded`, `failed` or `canceled`.
    public var status: String?
    /// `duplicate`, `fraudulent`, `requested_by_customer` or `expired_uncaptured_charge`.
    public var reason: String?
    public var created: Timestamp

    public init(
        id: String, charge: String?, paymentIntent: String? = nil, amount: Int64, currency: CurrencyCode,
        status: String?, reason: String? = nil, created: Timestamp
    ) {
        self.id = id
        self.charge = charge
        self.paymentIntent = paymentIntent
        self.amount = amount
        self.currency = currency
        self.status = status
        self.reason = reason
        self.created = created
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        self.init(
            id: try fields.requiredString("id"), charge: try fields.expandableID("charge"),
            paymentIntent: try fields.expandableID("payment_intent"), amount: try fields.requiredMinorUnits("amount"),
            currency: try fields.requiredCurrency("currency"), status: try fields.string("status"),
            reason: try fields.string("reason"), created: try fields.requiredUnixInstant("created"))
    }

    var json: ObjectBuilder {
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("object", "refund")
        object.add("amount", amount)
        object.add("charge", charge)
        object.add("created", unixSeconds: created)
        object.add("currency", currency.rawValue.lowercased())
        object.add("payment_intent", paymentIntent)
        object.add("reason", reason)
        object.add("status", status)
        return object
    }
}

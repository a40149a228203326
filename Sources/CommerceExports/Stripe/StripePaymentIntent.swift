public import CredenceProtocol

/// A Stripe payment intent: the checkout's intention to collect an amount, across charge attempts.
public struct StripePaymentIntent: Sendable, Equatable {
    public var id: String
    public var amount: Int64
    public var amountReceived: Int64?
    public var currency: CurrencyCode
    /// `requires_payment_method`, `requires_confirmation`, `requires_action`, `processing`,
    /// `requires_capture`, `canceled` or `succeeded`.
    public var status: String
    public var created: Timestamp
    public var canceledAt: Timestamp?
    public var cancellationReason: String?
    public var customer: String?
    public var latestCharge: String?
    public var paymentMethodTypes: [String]
    public var livemode: Bool

    public init(
        id: String, amount: Int64, amountReceived: Int64? = nil, currency: CurrencyCode, status: String,
        created: Timestamp, canceledAt: Timestamp? = nil, cancellationReason: String? = nil, customer: String? = nil,
        latestCharge: String? = nil, paymentMethodTypes: [String] = [], livemode: Bool = true
    ) {
        self.id = id
        self.amount = amount
        self.amountReceived = amountReceived
        self.currency = currency
        self.status = status
        self.created = created
        self.canceledAt = canceledAt
        self.cancellationReason = cancellationReason
        self.customer = customer
        self.latestCharge = latestCharge
        self.paymentMethodTypes = paymentMethodTypes
        self.livemode = livemode
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        self.init(
            id: try fields.requiredString("id"), amount: try fields.requiredMinorUnits("amount"),
            amountReceived: try fields.minorUnits("amount_received"), currency: try fields.requiredCurrency("currency"),
            status: try fields.requiredString("status"), created: try fields.requiredUnixInstant("created"),
            canceledAt: try fields.unixInstant("canceled_at"),
            cancellationReason: try fields.string("cancellation_reason"),
            customer: try fields.expandableID("customer"), latestCharge: try fields.expandableID("latest_charge"),
            paymentMethodTypes: try fields.strings("payment_method_types"),
            livemode: try fields.bool("livemode") ?? true)
    }

    var json: ObjectBuilder {
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("object", "payment_intent")
        object.add("amount", amount)
        object.add("amount_received", amountReceived)
        object.add("canceled_at", unixSeconds: canceledAt)
        object.add("cancellation_reason", cancellationReason)
        object.add("created", unixSeconds: created)
        object.add("currency", currency.rawValue.lowercased())
        object.add("customer", customer)
        object.add("latest_charge", latestCharge)
        object.add("livemode", livemode)
        object.add("payment_method_types", strings: paymentMethodTypes)
        object.add("status", status)
        return object
    }
}

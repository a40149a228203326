public import CredenceProtocol

/// A Stripe dispute: a chargeback, or an inquiry (`warning_*` statuses) that may become one.
public struct StripeDispute: Sendable, Equatable {
    public var id: String
    public var charge: String?
    public var paymentIntent: String?
    public var amount: Int64
    public var currency: CurrencyCode
    /// The network's category, in the same list as Shopify's (`fraudulent`, `product_not_received`, ...).
    public var reason: String
    /// `warning_needs_response`, `warning_under_review`, `warning_closed`, `needs_response`,
    /// `under_review`, `won`, `lost` or `prevented`.
    public var status: String
    public var created: Timestamp
    public var evidenceDueBy: Timestamp?
    public var paymentMethodDetails: StripePaymentMethodDetails?
    public var livemode: Bool

    public init(
        id: String, charge: String?, paymentIntent: String? = nil, amount: Int64, currency: CurrencyCode,
        reason: String, status: String, created: Timestamp, evidenceDueBy: Timestamp? = nil,
        paymentMethodDetails: StripePaymentMethodDetails? = nil, livemode: Bool = true
    ) {
        self.id = id
        self.charge = charge
        self.paymentIntent = paymentIntent
        self.amount = amount
        self.currency = currency
        self.reason = reason
        self.status = status
        self.created = created
        self.evidenceDueBy = evidenceDueBy
        self.paymentMethodDetails = paymentMethodDetails
        self.livemode = livemode
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        self.init(
            id: try fields.requiredString("id"), charge: try fields.expandableID("charge"),
            paymentIntent: try fields.expandableID("payment_intent"), amount: try fields.requiredMinorUnits("amount"),
            currency: try fields.requiredCurrency("currency"), reason: try fields.requiredString("reason"),
            status: try fields.requiredString("status"), created: try fields.requiredUnixInstant("created"),
            evidenceDueBy: try fields.object("evidence_details")?.unixInstant("due_by"),
            paymentMethodDetails: try fields.object("payment_method_details").map {
                fields throws(CommerceFormatError) in try StripePaymentMethodDetails(reading: fields)
            },
            livemode: try fields.bool("livemode") ?? true)
    }

    var json: ObjectBuilder {
        var evidence = ObjectBuilder()
        evidence.add("due_by", unixSeconds: evidenceDueBy)
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("object", "dispute")
        object.add("amount", amount)
        object.add("charge", charge)
        object.add("created", unixSeconds: created)
        object.add("currency", currency.rawValue.lowercased())
        object.add("evidence_details", evidence)
        object.add("livemode", livemode)
        object.add("payment_intent", paymentIntent)
        object.add("payment_method_details", paymentMethodDetails?.json)
        object.add("reason", reason)
        object.add("status", status)
        return object
    }
}

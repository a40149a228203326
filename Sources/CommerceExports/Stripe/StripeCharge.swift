public import CredenceProtocol

/// A Stripe charge: one attempt to move money from a payment method, with its refunds. Amounts are minor
/// units of ``currency`` as Stripe sends them.
public struct StripeCharge: Sendable, Equatable {
    public var id: String
    public var amount: Int64
    public var amountCaptured: Int64?
    public var amountRefunded: Int64?
    public var captured: Bool
    public var paid: Bool?
    public var refunded: Bool?
    public var disputed: Bool?
    /// `succeeded`, `pending` or `failed`.
    public var status: String
    public var failureCode: String?
    public var created: Timestamp
    public var currency: CurrencyCode
    /// The Stripe customer id (`cus_...`), null for one-off payments.
    public var customer: String?
    /// The merchant's free-text description: never forwarded.
    public var description: String?
    public var billingDetails: StripeBillingDetails?
    public var paymentMethodDetails: StripePaymentMethodDetails?
    public var paymentIntent: String?
    /// False for test-mode objects, which are never reported.
    public var livemode: Bool
    public var refunds: [StripeRefund]

    public init(
        id: String, amount: Int64, amountCaptured: Int64? = nil, amountRefunded: Int64? = nil, captured: Bool,
        paid: Bool? = nil, refunded: Bool? = nil, disputed: Bool? = nil, status: String, failureCode: String? = nil,
        created: Timestamp, currency: CurrencyCode, customer: String? = nil, description: String? = nil,
        billingDetails: StripeBillingDetails? = nil, paymentMethodDetails: StripePaymentMethodDetails? = nil,
        paymentIntent: String? = nil, livemode: Bool = true, refunds: [StripeRefund] = []
    ) {
        self.id = id
        self.amount = amount
        self.amountCaptured = amountCaptured
        self.amountRefunded = amountRefunded
        self.captured = captured
        self.paid = paid
        self.refunded = refunded
        self.disputed = disputed
        self.status = status
        self.failureCode = failureCode
        self.created = created
        self.currency = currency
        self.customer = customer
        self.description = description
        self.billingDetails = billingDetails
        self.paymentMethodDetails = paymentMethodDetails
        self.paymentIntent = paymentIntent
        self.livemode = livemode
        self.refunds = refunds
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        var refunds: [StripeRefund] = []
        if let list = try fields.object("refunds") {
            for refund in try list.objects("data") { refunds.append(try StripeRefund(reading: refund)) }
        }
        self.init(
            id: try fields.requiredString("id"), amount: try fields.requiredMinorUnits("amount"),
            amountCaptured: try fields.minorUnits("amount_captured"),
            amountRefunded: try fields.minorUnits("amount_refunded"), captured: try fields.bool("captured") ?? false,
            paid: try fields.bool("paid"), refunded: try fields.bool("refunded"), disputed: try fields.bool("disputed"),
            status: try fields.requiredString("status"), failureCode: try fields.string("failure_code"),
            created: try fields.requiredUnixInstant("created"), currency: try fields.requiredCurrency("currency"),
            customer: try fields.expandableID("customer"), description: try fields.string("description"),
            billingDetails: try fields.object("billing_details").map { fields throws(CommerceFormatError) in
                try StripeBillingDetails(reading: fields)
            },
            paymentMethodDetails: try fields.object("payment_method_details").map {
                fields throws(CommerceFormatError) in try StripePaymentMethodDetails(reading: fields)
            },
            paymentIntent: try fields.expandableID("payment_intent"), livemode: try fields.bool("livemode") ?? true,
            refunds: refunds)
    }

    var json: ObjectBuilder {
        var refundList = ObjectBuilder()
        refundList.add("object", "list")
        refundList.add("data", objects: refunds.map(\.json))
        refundList.add("has_more", false)
        refundList.add("url", "/v1/charges/\(id)/refunds")
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("object", "charge")
        object.add("amount", amount)
        object.add("amount_captured", amountCaptured)
        object.add("amount_refunded", amountRefunded)
        object.add("billing_details", billingDetails?.json)
        object.add("captured", captured)
        object.add("created", unixSeconds: created)
        object.add("currency", currency.rawValue.lowercased())
        object.add("customer", customer)
        object.add("description", description)
        object.add("disputed", disputed)
        object.add("failure_code", failureCode)
        object.add("livemode", livemode)
        object.add("paid", paid)
        object.add("payment_intent", paymentIntent)
        object.add("payment_method_details", paymentMethodDetails?.json)
        object.add("refunded", refunded)
        object.add("refunds", refundList)
        object.add("status", status)
        return object
    }
}

extension FieldReader {
    /// A Stripe reference that is an id string, or the referenced object when the request expanded it.
    func expandableID(_ name: String) throws(CommerceFormatError) -> String? {
        guard let value = value(name) else { return nil }
        if case .string(let id) = value { return id }
        return try FieldReader(value, path: fieldPath(name)).requiredString("id")
    }
}

public import CredenceProtocol

/// Deferred payment terms of a Shopify order (net terms, fixed dates, instalments the merchant extends):
/// the schedule's due and completion times show whether the buyer paid on time.
public struct ShopifyPaymentTerms: Sendable, Equatable {
    public var name: String?
    /// `NET`, `FIXED`, `RECEIPT`, `FULFILLMENT` or `UNKNOWN`.
    public var type: String?
    public var dueInDays: Int64?
    public var schedules: [ShopifyPaymentSchedule]

    public init(name: String? = nil, type: String? = nil, dueInDays: Int64? = nil, schedules: [ShopifyPaymentSchedule])
    {
        self.name = name
        self.type = type
        self.dueInDays = dueInDays
        self.schedules = schedules
    }

    init(reading fields: FieldReader, orderCurrency: CurrencyCode) throws(CommerceFormatError) {
        var schedules: [ShopifyPaymentSchedule] = []
        for schedule in try fields.objects("payment_schedules") {
            schedules.append(try ShopifyPaymentSchedule(reading: schedule, orderCurrency: orderCurrency))
        }
        self.init(
            name: try fields.string("payment_terms_name"), type: try fields.string("payment_terms_type"),
            dueInDays: try fields.integer("due_in_days"), schedules: schedules)
    }

    func json(offsetMinutes: Int) -> ObjectBuilder {
        var object = ObjectBuilder()
        object.add("payment_terms_name", name)
        object.add("payment_terms_type", type)
        object.add("due_in_days", dueInDays)
        object.add("payment_schedules", objects: schedules.map { $0.json(offsetMinutes: offsetMinutes) })
        return object
    }
}

/// One payment due under a Shopify order's payment terms.
public struct ShopifyPaymentSchedule: Sendable, Equatable {
    public var amount: Int64
    public var currency: CurrencyCode
    public var issuedAt: Timestamp?
    /// When it is due; null for terms due on receipt or fulfilment before they are issued.
    public var dueAt: Timestamp?
    /// When it was paid; null while unpaid.
    public var completedAt: Timestamp?
    public var expectedPaymentMethod: String?

    public init(
        amount: Int64, currency: CurrencyCode, issuedAt: Timestamp? = nil, dueAt: Timestamp?,
        completedAt: Timestamp? = nil, expectedPaymentMethod: String? = nil
    ) {
        self.amount = amount
        self.currency = currency
        self.issuedAt = issuedAt
        self.dueAt = dueAt
        self.completedAt = completedAt
        self.expectedPaymentMethod = expectedPaymentMethod
    }

    init(reading fields: FieldReader, orderCurrency: CurrencyCode) throws(CommerceFormatError) {
        let currency = try fields.currency("currency") ?? orderCurrency
        self.init(
            amount: try fields.requiredDecimalAmount("amount", currency: currency), currency: currency,
            issuedAt: try fields.instant("issued_at"), dueAt: try fields.instant("due_at"),
            completedAt: try fields.instant("completed_at"),
            expectedPaymentMethod: try fields.string("expected_payment_method"))
    }

    func json(offsetMinutes: Int) -> ObjectBuilder {
        var object = ObjectBuilder()
        object.add("amount", decimal: amount, currency: currency)
        object.add("currency", currency.rawValue)
        object.add("issued_at", instant: issuedAt, offsetMinutes: offsetMinutes)
        object.add("due_at", instant: dueAt, offsetMinutes: offsetMinutes)
        object.add("completed_at", instant: completedAt, offsetMinutes: offsetMinutes)
        object.add("expected_payment_method", expectedPaymentMethod)
        return object
    }
}

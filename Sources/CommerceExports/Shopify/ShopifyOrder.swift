public import CredenceProtocol

/// A Shopify order in the Admin REST resource shape (also the `orders/*` webhook payload), with the parts
/// a credit file needs: buyer contact and identity, totals, payment gateways, refunds and payment terms.
/// Amounts are minor units of ``currency``.
///
/// ```swift
/// let order = ShopifyOrder(
///     id: 450789469, createdAt: try InstantText.utc(fromISO8601: "2008-01-10T11:00:00-05:00"),
///     currency: try CurrencyCode("USD"), totalPrice: 40994, paymentGatewayNames: ["klarna"])
/// ```
public struct ShopifyOrder: Sendable, Equatable {
    public var id: Int64
    /// The order's display name (`#1001`).
    public var name: String?
    public var orderNumber: Int64?
    public var email: String?
    public var phone: String?
    public var createdAt: Timestamp
    public var processedAt: Timestamp?
    public var cancelledAt: Timestamp?
    /// `customer`, `fraud`, `inventory`, `declined` or `other`.
    public var cancelReason: String?
    public var currency: CurrencyCode
    public var totalPrice: Int64
    public var subtotalPrice: Int64?
    public var totalTax: Int64?
    /// `pending`, `authorized`, `partially_paid`, `paid`, `partially_refunded`, `refunded` or `voided`.
    public var financialStatus: String?
    public var gateway: String?
    public var paymentGatewayNames: [String]
    /// A test order: never reported.
    public var test: Bool
    /// The buyer's or merchant's free-text note: never forwarded.
    public var note: String?
    /// Null for a guest checkout.
    public var customer: ShopifyCustomer?
    public var billingAddress: ShopifyAddress?
    public var lineItems: [ShopifyLineItem]
    public var refunds: [ShopifyRefund]
    public var paymentTerms: ShopifyPaymentTerms?

    public init(
        id: Int64, name: String? = nil, orderNumber: Int64? = nil, email: String? = nil, phone: String? = nil,
        createdAt: Timestamp, processedAt: Timestamp? = nil, cancelledAt: Timestamp? = nil,
        cancelReason: String? = nil, currency: CurrencyCode, totalPrice: Int64, subtotalPrice: Int64? = nil,
        totalTax: Int64? = nil, financialStatus: String? = nil, gateway: String? = nil,
        paymentGatewayNames: [String] = [], test: Bool = false, note: String? = nil,
        customer: ShopifyCustomer? = nil, billingAddress: ShopifyAddress? = nil, lineItems: [ShopifyLineItem] = [],
        refunds: [ShopifyRefund] = [], paymentTerms: ShopifyPaymentTerms? = nil
    ) {
        self.id = id
        self.name = name
        self.orderNumber = orderNumber
        self.email = email
        self.phone = phone
        self.createdAt = createdAt
        self.processedAt = processedAt
        self.cancelledAt = cancelledAt
        self.cancelReason = cancelReason
        self.currency = currency
        self.totalPrice = totalPrice
        self.subtotalPrice = subtotalPrice
        self.totalTax = totalTax
        self.financialStatus = financialStatus
        self.gateway = gateway
        self.paymentGatewayNames = paymentGatewayNames
        self.test = test
        self.note = note
        self.customer = customer
        self.billingAddress = billingAddress
        self.lineItems = lineItems
        self.refunds = refunds
        self.paymentTerms = paymentTerms
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        let currency = try fields.requiredCurrency("currency")
        var lineItems: [ShopifyLineItem] = []
        for item in try fields.objects("line_items") {
            lineItems.append(try ShopifyLineItem(reading: item, currency: currency))
        }
        var refunds: [ShopifyRefund] = []
        for refund in try fields.objects("refunds") {
            refunds.append(try ShopifyRefund(reading: refund, orderCurrency: currency))
        }
        self.init(
            id: try fields.requiredIdentifier("id"), name: try fields.string("name"),
            orderNumber: try fields.integer("order_number"), email: try fields.string("email"),
            phone: try fields.string("phone"), createdAt: try fields.requiredInstant("created_at"),
            processedAt: try fields.instant("processed_at"), cancelledAt: try fields.instant("cancelled_at"),
            cancelReason: try fields.string("cancel_reason"), currency: currency,
            totalPrice: try fields.requiredDecimalAmount("total_price", currency: currency),
            subtotalPrice: try fields.decimalAmount("subtotal_price", currency: currency),
            totalTax: try fields.decimalAmount("total_tax", currency: currency),
            financialStatus: try fields.string("financial_status"), gateway: try fields.string("gateway"),
            paymentGatewayNames: try fields.strings("payment_gateway_names"), test: try fields.bool("test") ?? false,
            note: try fields.string("note"),
            customer: try fields.object("customer").map { fields throws(CommerceFormatError) in
                try ShopifyCustomer(reading: fields)
            },
            billingAddress: try fields.object("billing_address").map { fields throws(CommerceFormatError) in
                try ShopifyAddress(reading: fields)
            },
            lineItems: lineItems, refunds: refunds,
            paymentTerms: try fields.object("payment_terms").map { fields throws(CommerceFormatError) in
                try ShopifyPaymentTerms(reading: fields, orderCurrency: currency)
            })
    }

    func json(offsetMinutes: Int) -> ObjectBuilder {
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("name", name)
        object.add("order_number", orderNumber)
        object.add("email", email)
        object.add("phone", phone)
        object.add("created_at", instant: createdAt, offsetMinutes: offsetMinutes)
        object.add("processed_at", instant: processedAt, offsetMinutes: offsetMinutes)
        object.add("cancelled_at", instant: cancelledAt, offsetMinutes: offsetMinutes)
        object.add("cancel_reason", cancelReason)
        object.add("currency", currency.rawValue)
        object.add("total_price", decimal: totalPrice, currency: currency)
        object.add("subtotal_price", decimal: subtotalPrice, currency: currency)
        object.add("total_tax", decimal: totalTax, currency: currency)
        object.add("financial_status", financialStatus)
        object.add("gateway", gateway)
        object.add("payment_gateway_names", strings: paymentGatewayNames)
        object.add("test", test)
        object.add("note", note)
        object.add("customer", customer?.json(offsetMinutes: offsetMinutes))
        object.add("billing_address", billingAddress?.json)
        object.add("line_items", objects: lineItems.map { $0.json(currency: currency) })
        object.add("refunds", objects: refunds.map { $0.json(offsetMinutes: offsetMinutes) })
        object.add("payment_terms", paymentTerms?.json(offsetMinutes: offsetMinutes))
        return object
    }
}

/// How a purchase was paid.
enum PaymentMethod: Sendable, Equatable {
    /// A card through the shop's own processor (the only payments that can be disputed here).
    case card
    /// A wallet or other gateway (`alipay`, `wechat_pay`, `paypal`).
    case gateway(String)
    /// A pay-later provider (`klarna`, `afterpay`, `affirm`, `shop_pay_installments`).
    case payLater(String)
    /// The marketplace's own deferred terms: net 30 or three monthly instalments.
    case terms
}

/// One line of an order.
struct PurchaseItem: Sendable, Equatable {
    let title: String
    let quantity: Int
    /// Unit price in minor units.
    let unitPrice: Int64
}

/// A chargeback on a purchase and how it ended (if it has).
struct DisputePlan: Sendable, Equatable {
    let initiatedAt: Int64
    let reason: String
    let networkReasonCode: String
    /// `needs_response`, `under_review`, `won` (the merchant won: the consumer lost) or `lost`.
    let status: String
    let evidenceDueBy: Int64
    let finalizedAt: Int64?
}

/// An instalment of deferred terms.
struct InstalmentPlan: Sendable, Equatable {
    let amount: Int64
    let dueAt: Int64
    /// When it was paid, nil while unpaid at the end of the period.
    let paidAt: Int64?
}

/// A declined payment attempt: when, and the processor's error code.
struct FailedAttempt: Sendable, Equatable {
    let at: Int64
    let code: String
}

/// A refund: when, and how much (minor units).
struct RefundPlan: Sendable, Equatable {
    let at: Int64
    let amount: Int64
}

/// One purchase by one customer account, in plain values; the Shopify and Stripe renderings are built
/// from it. Times are Unix seconds.
struct Purchase: Sendable, Equatable {
    let sequence: Int
    let placedAt: Int64
    let items: [PurchaseItem]
    let method: PaymentMethod
    /// Declined attempts before the successful payment.
    let failedAttempts: [FailedAttempt]
    let refund: RefundPlan?
    let dispute: DisputePlan?
    let instalments: [InstalmentPlan]

    var total: Int64 { items.reduce(0) { $0 + Int64($1.quantity) * $1.unitPrice } }
}

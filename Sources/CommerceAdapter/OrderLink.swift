import CredenceProtocol

/// What the events of one order share: who bought, how they paid, and the order's key. Transactions,
/// refunds and disputes reach their order's link through the order (or charge) id they name.
struct OrderLink: Sendable {
    /// The platform's order id (a Shopify order id; a Stripe payment intent id, or the charge id when there
    /// is none). It keys the order's tokens and never leaves the adapter.
    var orderID: String
    /// The `order_key` token over `partner_id:order_id`.
    var orderKey: Token
    var subject: SubjectReference
    var payment: PaymentClass

    /// An event of this order, with the order's key and payment method filled in.
    func event(
        _ type: CommerceEvent.EventType, at occurredAt: Timestamp, amount: Int64, currency: CurrencyCode
    ) -> CommerceEvent {
        CommerceEvent(
            event: type, occurredAt: occurredAt, orderKey: orderKey, amount: amount, currency: currency,
            paymentMethod: payment.method, bnplProvider: payment.bnplProvider)
    }
}

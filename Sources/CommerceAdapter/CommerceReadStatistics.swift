/// What reading one export did besides making records: objects left out on purpose are counted, so an
/// operator can reconcile the file with what was sent.
public struct CommerceReadStatistics: Sendable, Equatable {
    /// Export objects read (including the rejected and the dropped).
    public var objects = 0
    /// Records made.
    public var records = 0
    /// Objects quarantined with a reason.
    public var rejected = 0
    /// Test orders and transactions (`test: true`) and Stripe test-mode objects (`livemode: false`).
    public var testObjectsDropped = 0
    /// Dispute inquiries (Shopify `type: inquiry`, Stripe `warning_*`): not chargebacks, never sent.
    public var inquiriesSkipped = 0
    /// Objects that carry no reportable event: pending or voided transactions, pending refunds, payment
    /// intents (their charges carry the events).
    public var objectsWithoutEvents = 0
    /// Records already made from an earlier object of the same file (an order exported again after an
    /// update, a refund both inside its order and on its own).
    public var duplicateRecordsSkipped = 0

    public init() {}
}

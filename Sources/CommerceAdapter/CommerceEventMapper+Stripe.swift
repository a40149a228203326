import AdapterCore
import CommerceExports
import CredenceProtocol

/// Stripe API objects to events (`protocol/batch.md` 10.5). Stripe has no orders: a charge's payment
/// intent is the order (the charge itself when it has none), and refunds and disputes find their payer
/// through the charge they name. Test-mode objects (`livemode: false`) are dropped like Shopify test orders.
extension CommerceEventMapper {
    /// `closedAt` is the time of the event that delivered the object, when it came in one: a bare dispute
    /// object does not say when it closed.
    mutating func stripeRecords(for object: StripeObject, at position: SourcePosition, closedAt: Timestamp?)
        throws(CommerceMappingError) -> [Record]
    {
        switch object {
        case .charge(let charge):
            return try records(for: charge, at: position)
        case .refund(let refund):
            return try records(for: refund, at: position)
        case .dispute(let dispute):
            return try records(for: dispute, at: position, closedAt: closedAt)
        case .paymentIntent(let intent):
            // The intent's charges carry its events.
            if intent.livemode { countWithoutEvents() } else { countDropped() }
            return []
        case .event(let event):
            guard event.livemode else {
                countDropped()
                return []
            }
            return try stripeRecords(for: event.object, at: position, closedAt: event.created)
        }
    }

    /// `payment_captured` (captured), `payment_authorized` (succeeded, not yet captured) or `payment_failed`;
    /// a pending charge has no event yet. Its succeeded refunds are `refund` events.
    private mutating func records(for charge: StripeCharge, at position: SourcePosition) throws(CommerceMappingError)
        -> [Record]
    {
        guard charge.livemode else {
            orders.insert(.test, for: charge.id)
            if let intent = charge.paymentIntent { orders.insert(.test, for: intent) }
            countDropped()
            return []
        }
        let type: CommerceEvent.EventType?
        var amount = charge.amount
        switch charge.status {
        case "succeeded" where charge.captured:
            type = .paymentCaptured
            if let captured = charge.amountCaptured, captured > 0 { amount = captured }
        case "succeeded": type = .paymentAuthorized
        case "failed": type = .paymentFailed
        case "pending": type = nil
        default:
            throw CommerceMappingError(
                .unmappedCode,
                "status: '\(charge.status.prefix(64))' is not a Stripe charge status (succeeded, pending, failed)")
        }
        let orderID = charge.paymentIntent ?? charge.id
        let link = OrderLink(
            orderID: orderID, orderKey: try orderKey(orderID),
            subject: try subject(BuyerIdentity.stripe(charge, defaultRegion: context.defaultRegion)),
            payment: PaymentClass.classify(stripeType: charge.paymentMethodDetails?.type))
        var records: [Record] = []
        if let type {
            try append(
                link.event(type, at: charge.created, amount: amount, currency: charge.currency), of: link,
                part: "charge-\(charge.id)", at: position, to: &records)
        }
        for refund in charge.refunds where refund.status == "succeeded" {
            try appendRefund(refund, link: link, at: position, to: &records)
        }
        if type == nil && records.isEmpty { countWithoutEvents() }
        orders.insert(.live(link), for: charge.id)
        if let intent = charge.paymentIntent { orders.insert(.live(link), for: intent) }
        return records
    }

    /// A succeeded refund is a `refund` event; pending, failed and canceled ones have none.
    private mutating func records(for refund: StripeRefund, at position: SourcePosition) throws(CommerceMappingError)
        -> [Record]
    {
        switch refund.status {
        case "succeeded":
            break
        case "pending", "requires_action", "failed", "canceled":
            countWithoutEvents()
            return []
        default:
            throw CommerceMappingError(
                .unmappedCode,
                "status: '\((refund.status ?? "null").prefix(64))' is not a Stripe refund status "
                    + "(pending, requires_action, succeeded, failed, canceled)")
        }
        guard let link = try charge(refund.charge, intent: refund.paymentIntent, of: "refund") else { return [] }
        var records: [Record] = []
        try appendRefund(refund, link: link, at: position, to: &records)
        return records
    }

    /// `chargeback_opened`, and `chargeback_closed` once won, lost or prevented. Inquiries (`warning_*`
    /// statuses, or `case_type: inquiry`) are not chargebacks and are not sent.
    private mutating func records(for dispute: StripeDispute, at position: SourcePosition, closedAt: Timestamp?)
        throws(CommerceMappingError) -> [Record]
    {
        guard dispute.livemode else {
            countDropped()
            return []
        }
        let stage = try ChargebackMapping.stage(dispute.status, in: ChargebackMapping.stripeStages, platform: "Stripe")
        guard stage != .inquiry, dispute.paymentMethodDetails?.caseType != "inquiry" else {
            countInquiry()
            return []
        }
        guard let link = try charge(dispute.charge, intent: dispute.paymentIntent, of: "dispute") else { return [] }
        return try chargebackRecords(
            link: link, part: "dispute-\(dispute.id)", stage: stage, openedAt: dispute.created,
            closedAt: closedAt ?? dispute.created, amount: dispute.amount, currency: dispute.currency,
            reason: dispute.reason, status: dispute.status,
            networkReasonCode: dispute.paymentMethodDetails?.networkReasonCode, at: position)
    }

    private mutating func appendRefund(
        _ refund: StripeRefund, link: OrderLink, at position: SourcePosition, to records: inout [Record]
    ) throws(CommerceMappingError) {
        try append(
            link.event(.refund, at: refund.created, amount: refund.amount, currency: refund.currency), of: link,
            part: "refund-\(refund.id)", at: position, to: &records)
    }

    /// The link of the charge (or payment intent) a refund or dispute names; nil (and counted as dropped)
    /// when it is a test-mode charge's.
    private mutating func charge(_ chargeID: String?, intent: String?, of object: String)
        throws(CommerceMappingError) -> OrderLink?
    {
        guard chargeID != nil || intent != nil else {
            throw CommerceMappingError(
                .unknownOrder, "charge: null and no payment_intent, so the \(object) cannot be tied to a payer")
        }
        return try joined(
            chargeID.flatMap { orders[$0] } ?? intent.flatMap { orders[$0] },
            orElse: "charge: the charge was not read earlier in this file (or was rejected), so the \(object)'s "
                + "payer is unknown; write each charge before its refunds and disputes")
    }
}

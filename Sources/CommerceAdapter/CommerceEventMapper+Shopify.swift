import AdapterCore
import CommerceExports
import CredenceProtocol

/// Shopify Admin REST resources to events (`protocol/batch.md` 10.5).
extension CommerceEventMapper {
    /// Transaction kinds that move the buyer's money towards the merchant.
    private static let paymentKinds: Set<String> = ["authorization", "emv_authorization", "capture", "sale"]
    /// Every transaction kind Shopify documents.
    private static let transactionKinds = paymentKinds.union(["refund", "void", "change"])

    mutating func shopifyRecords(for object: ShopifyObject, at position: SourcePosition) throws(CommerceMappingError)
        -> [Record]
    {
        switch object {
        case .order(let order): return try records(for: order, at: position)
        case .transaction(let transaction): return try records(for: transaction, at: position)
        case .refund(let refund): return try records(for: refund, at: position)
        case .dispute(let dispute): return try records(for: dispute, at: position)
        }
    }

    /// `order_placed`; `order_cancelled` when cancelled; a `refund` per successful refund transaction; and
    /// for payment terms, `installment_due` per scheduled payment with a due time and `installment_paid`
    /// per completed one. Test orders are dropped.
    private mutating func records(for order: ShopifyOrder, at position: SourcePosition) throws(CommerceMappingError)
        -> [Record]
    {
        let orderID = String(order.id)
        guard !order.test else {
            orders.insert(.test, for: orderID)
            countDropped()
            return []
        }
        let gateways = order.paymentGatewayNames.isEmpty ? [order.gateway].compactMap { $0 } : order.paymentGatewayNames
        let link = OrderLink(
            orderID: orderID, orderKey: try orderKey(orderID),
            subject: try subject(BuyerIdentity.shopify(order, defaultRegion: context.defaultRegion)),
            payment: PaymentClass.classify(gatewayNames: gateways))

        let financialStatus = try order.financialStatus.map { text throws(CommerceMappingError) in
            try rawCode(text, field: "financial_status")
        }
        var records: [Record] = []
        var placed = link.event(.orderPlaced, at: order.createdAt, amount: order.totalPrice, currency: order.currency)
        placed.financialStatusRaw = financialStatus
        try append(placed, of: link, part: "", at: position, to: &records)
        if let cancelledAt = order.cancelledAt {
            var cancelled = link.event(
                .orderCancelled, at: cancelledAt, amount: order.totalPrice, currency: order.currency)
            cancelled.financialStatusRaw = financialStatus
            try append(cancelled, of: link, part: "", at: position, to: &records)
        }
        for refund in order.refunds {
            try appendRefunds(of: refund, link: link, at: position, to: &records)
        }
        if let terms = order.paymentTerms {
            try appendInstallments(of: terms, link: link, at: position, to: &records)
        }
        // Only an order that made its records is joined to: a rejected order's transactions are rejected too.
        orders.insert(.live(link), for: orderID)
        return records
    }

    /// A standalone transaction: `payment_authorized`, `payment_captured`, `payment_failed` or `refund` by
    /// kind and status. Pending, void and change transactions carry no event, nor do failed refunds and
    /// voids: a merchant's failed refund says nothing about the buyer.
    private mutating func records(for transaction: ShopifyTransaction, at position: SourcePosition)
        throws(CommerceMappingError) -> [Record]
    {
        guard !transaction.test else {
            countDropped()
            return []
        }
        guard let type = try Self.event(of: transaction) else {
            countWithoutEvents()
            return []
        }
        guard var link = try order(transaction.orderID, of: "transaction") else { return [] }
        if let gateway = transaction.gateway, let payment = PaymentClass.classify(name: gateway) {
            link.payment = payment
        }
        var records: [Record] = []
        try append(
            link.event(
                type, at: transaction.processedAt ?? transaction.createdAt, amount: transaction.amount,
                currency: transaction.currency),
            of: link, part: "transaction-\(transaction.id)", at: position, to: &records)
        return records
    }

    /// A refund on its own (`refunds/create`): a `refund` per successful refund transaction.
    private mutating func records(for refund: ShopifyRefund, at position: SourcePosition) throws(CommerceMappingError)
        -> [Record]
    {
        guard refund.transactions.contains(where: Self.isCompletedRefund) else {
            countWithoutEvents()
            return []
        }
        guard let link = try order(refund.orderID ?? refund.transactions.first?.orderID, of: "refund") else {
            return []
        }
        var records: [Record] = []
        try appendRefunds(of: refund, link: link, at: position, to: &records)
        return records
    }

    /// A chargeback: `chargeback_opened`, and `chargeback_closed` once won, lost or accepted. Inquiries are
    /// not chargebacks and are not sent.
    private mutating func records(for dispute: ShopifyDispute, at position: SourcePosition)
        throws(CommerceMappingError) -> [Record]
    {
        switch dispute.type {
        case "inquiry":
            countInquiry()
            return []
        case "chargeback":
            break
        default:
            throw CommerceMappingError(
                .unmappedCode, "type: '\(dispute.type.prefix(64))' is not a Shopify dispute type (chargeback, inquiry)")
        }
        let stage = try ChargebackMapping.stage(
            dispute.status, in: ChargebackMapping.shopifyStages, platform: "Shopify")
        guard let link = try order(dispute.orderID, of: "dispute") else { return [] }
        // Shopify leaves finalized_on null on some closed disputes; the latest time the dispute states
        // stands in, so the closing is never dated before the events that led to it.
        let closedAt = dispute.finalizedOn ?? dispute.evidenceSentOn ?? dispute.initiatedAt
        return try chargebackRecords(
            link: link, part: "dispute-\(dispute.id)", stage: stage, openedAt: dispute.initiatedAt, closedAt: closedAt,
            amount: dispute.amount, currency: dispute.currency, reason: dispute.reason, status: dispute.status,
            networkReasonCode: dispute.networkReasonCode, at: position)
    }

    private mutating func appendRefunds(
        of refund: ShopifyRefund, link: OrderLink, at position: SourcePosition, to records: inout [Record]
    ) throws(CommerceMappingError) {
        for transaction in refund.transactions where Self.isCompletedRefund(transaction) {
            try append(
                link.event(
                    .refund, at: transaction.processedAt ?? transaction.createdAt, amount: transaction.amount,
                    currency: transaction.currency),
                of: link, part: "transaction-\(transaction.id)", at: position, to: &records)
        }
    }

    /// Payment terms are one schedule per order (`<order id>/schedule-1`); its payments are numbered from 1
    /// in the order Shopify lists them. A payment without a due time (terms due on receipt or fulfilment,
    /// not yet issued) has no lateness to report and is skipped.
    private mutating func appendInstallments(
        of terms: ShopifyPaymentTerms, link: OrderLink, at position: SourcePosition, to records: inout [Record]
    ) throws(CommerceMappingError) {
        let scheduleKey = try orderKey(link.orderID + "/schedule-1")
        for (index, schedule) in terms.schedules.enumerated() {
            guard let dueAt = schedule.dueAt else { continue }
            let sequence = index + 1
            var due = link.event(.installmentDue, at: dueAt, amount: schedule.amount, currency: schedule.currency)
            due.installment = CommerceEvent.Installment(scheduleKey: scheduleKey, sequence: sequence, dueAt: dueAt)
            try append(due, of: link, part: "schedule-1/\(sequence)", at: position, to: &records)
            if let completedAt = schedule.completedAt {
                var paid = link.event(
                    .installmentPaid, at: completedAt, amount: schedule.amount, currency: schedule.currency)
                paid.installment = CommerceEvent.Installment(
                    scheduleKey: scheduleKey, sequence: sequence, dueAt: dueAt, paidAt: completedAt)
                try append(paid, of: link, part: "schedule-1/\(sequence)", at: position, to: &records)
            }
        }
    }

    /// The link of the order a transaction, refund or dispute names; nil (and counted as dropped) when it
    /// is a test order's.
    private mutating func order(_ orderID: Int64?, of object: String) throws(CommerceMappingError) -> OrderLink? {
        guard let orderID else {
            throw CommerceMappingError(
                .unknownOrder, "order_id: null, so the \(object) cannot be tied to an order or a buyer")
        }
        return try joined(
            orders[String(orderID)],
            orElse: "order_id: the order was not read earlier in this file (or was rejected), so the \(object)'s "
                + "buyer is unknown; write each order before its transactions, refunds and disputes")
    }

    private static func isCompletedRefund(_ transaction: ShopifyTransaction) -> Bool {
        transaction.kind == "refund" && transaction.status == "success" && !transaction.test
    }

    /// The event of a transaction's kind and status, nil for none; an undocumented kind or status is
    /// quarantined.
    private static func event(of transaction: ShopifyTransaction) throws(CommerceMappingError)
        -> CommerceEvent.EventType?
    {
        let kind = transaction.kind
        guard transactionKinds.contains(kind) else {
            throw CommerceMappingError(
                .unmappedCode,
                "kind: '\(kind.prefix(64))' is not a Shopify transaction kind; expected one of "
                    + transactionKinds.sorted().joined(separator: ", "))
        }
        switch transaction.status {
        case "success":
            switch kind {
            case "authorization", "emv_authorization": return .paymentAuthorized
            case "capture", "sale": return .paymentCaptured
            case "refund": return .refund
            default: return nil
            }
        case "failure", "error":
            return paymentKinds.contains(kind) ? .paymentFailed : nil
        case "pending":
            return nil
        case let status?:
            throw CommerceMappingError(
                .unmappedCode,
                "status: '\(status.prefix(64))' is not a Shopify transaction status (pending, failure, success, error)")
        case nil:
            throw CommerceMappingError(.unmappedCode, "status: required, but absent or null")
        }
    }
}

extension CommerceEventMapper {
    /// `chargeback_opened`, and `chargeback_closed` with the outcome when the dispute is final; shared by
    /// Shopify and Stripe, whose disputes differ only in field names and status lists. A closing time
    /// before the opening (a source error) is moved to the opening, so lateness never comes out negative.
    mutating func chargebackRecords(
        link: OrderLink, part: String, stage: ChargebackMapping.Stage, openedAt: Timestamp, closedAt: Timestamp,
        amount: Int64, currency: CurrencyCode, reason: String, status: String, networkReasonCode: String?,
        at position: SourcePosition
    ) throws(CommerceMappingError) -> [Record] {
        var chargeback = CommerceEvent.Chargeback(
            reason: try ChargebackMapping.reason(reason), reasonRaw: try rawCode(reason, field: "reason"),
            networkReasonCode: try networkReasonCode.map { code throws(CommerceMappingError) in
                try rawCode(code, field: "network_reason_code")
            },
            statusRaw: try rawCode(status, field: "status"))
        var records: [Record] = []
        var opened = link.event(.chargebackOpened, at: openedAt, amount: amount, currency: currency)
        opened.chargeback = chargeback
        try append(opened, of: link, part: part, at: position, to: &records)
        if case .closed(let outcome) = stage {
            chargeback.outcome = outcome
            var closed = link.event(.chargebackClosed, at: max(closedAt, openedAt), amount: amount, currency: currency)
            closed.chargeback = chargeback
            try append(closed, of: link, part: part, at: position, to: &records)
        }
        return records
    }
}

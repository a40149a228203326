import AdapterCore
import CommerceAdapter
import CommerceExports
import CredenceIdentity
import CredenceProtocol
import Foundation
import Testing

@Suite("Stripe exports to commerce events")
struct StripeMappingTests {
    let scratch: ScratchDirectory

    init() throws { scratch = try ScratchDirectory() }

    func read(_ objects: [StripeObject], context: RecordContext = TestContext.make()) throws -> ReadResult {
        try readExport(try scratch.export(objects.map(CommerceObject.stripe), to: "stripe.jsonl"), context: context)
    }

    static func charge(
        id: String = "ch_3PgafuB7WZ01zgkW", status: String = "succeeded", captured: Bool = true, type: String = "card",
        customer: String? = "cus_QXg1bDqJ", intent: String? = "pi_3PgafyB7WZ01zgkW", refunds: [StripeRefund] = []
    ) -> StripeCharge {
        StripeCharge(
            id: id, amount: 5_999, amountCaptured: captured ? 5_999 : 0, captured: captured,
            paid: status == "succeeded",
            status: status, failureCode: status == "failed" ? "card_declined" : nil,
            created: InstantText.utc(fromUnixSeconds: 1_790_000_000), currency: currency("EUR"), customer: customer,
            description: "Order 1042 from the Lisbon store",
            billingDetails: StripeBillingDetails(
                name: "Ana Silva", email: "ana.silva@example.pt", phone: "+351 912 345 678",
                address: StripeAddress(line1: "Rua Augusta 1", city: "Lisboa", postalCode: "1100-053", country: "PT")),
            paymentMethodDetails: StripePaymentMethodDetails(
                type: type, fingerprint: type == "card" ? "Xt5EWLLDS7FJjR1c" : nil, brand: type == "card" ? "visa" : nil
            ),
            paymentIntent: intent, refunds: refunds)
    }

    static func refund(id: String = "re_1", charge: String? = "ch_3PgafuB7WZ01zgkW", status: String = "succeeded")
        -> StripeRefund
    {
        StripeRefund(
            id: id, charge: charge, amount: 1_000, currency: currency("EUR"), status: status,
            reason: "requested_by_customer", created: InstantText.utc(fromUnixSeconds: 1_790_086_400))
    }

    static func dispute(status: String, reason: String = "product_not_received", caseType: String = "chargeback")
        -> StripeDispute
    {
        StripeDispute(
            id: "dp_1", charge: "ch_3PgafuB7WZ01zgkW", amount: 5_999, currency: currency("EUR"), reason: reason,
            status: status, created: InstantText.utc(fromUnixSeconds: 1_790_500_000),
            evidenceDueBy: InstantText.utc(fromUnixSeconds: 1_791_000_000),
            paymentMethodDetails: StripePaymentMethodDetails(
                type: "card", brand: "visa", networkReasonCode: "13.1", caseType: caseType))
    }

    @Test(
        "charges: captured, authorized, failed; pending has no event yet",
        arguments: [
            ("succeeded", true, CommerceEvent.EventType.paymentCaptured), ("succeeded", false, .paymentAuthorized),
            ("failed", false, .paymentFailed),
        ])
    func charges(status: String, captured: Bool, expected: CommerceEvent.EventType) throws {
        let context = TestContext.make()
        let result = try read([.charge(Self.charge(status: status, captured: captured))], context: context)
        let event = try #require(result.events.first)
        #expect(result.events.count == 1 && event.event == expected)
        #expect(event.amount == 5_999 && event.currency.rawValue == "EUR")
        #expect(event.occurredAt.rawValue == "2026-09-21T14:13:20Z" && event.paymentMethod == .card)
        #expect(event.orderKey == (try context.orderKey(orderID: "pi_3PgafyB7WZ01zgkW")))

        let payer = try #require(result.records.first?.subjects.first)
        #expect(payer.subjectKey == (try context.subjectKey(localKey: "customer-cus_QXg1bDqJ")))
        #expect(payer.identifiers.map(\.type) == [.email, .emailMatch, .phoneE164, .paymentFingerprint])
        #expect(payer.identifiers.last?.token == (try context.paymentFingerprint("stripe:Xt5EWLLDS7FJjR1c")))
        #expect(payer.encodings?.name != nil && payer.encodings?.address != nil)

        let pending = try read([.charge(Self.charge(status: "pending", captured: false))])
        #expect(pending.records.isEmpty && pending.statistics.objectsWithoutEvents == 1)
    }

    @Test("a charge without a payment intent is its own order; an unknown status is quarantined")
    func chargeKeysAndStatuses() throws {
        let context = TestContext.make()
        let result = try read(
            [.charge(Self.charge(intent: nil)), .charge(Self.charge(id: "ch_2", status: "disputed"))], context: context)
        #expect(result.events.first?.orderKey == (try context.orderKey(orderID: "ch_3PgafuB7WZ01zgkW")))
        #expect(result.rejections.first?.reason.hasPrefix("status: 'disputed'") == true)
    }

    @Test("refunds inside a charge and on their own, each once; pending refunds wait")
    func refunds() throws {
        let embedded = Self.refund(id: "re_1")
        let result = try read([
            .charge(Self.charge(refunds: [embedded, Self.refund(id: "re_2", status: "pending")])),
            .refund(embedded), .refund(Self.refund(id: "re_3")), .refund(Self.refund(id: "re_4", status: "failed")),
            .refund(Self.refund(id: "re_5", charge: "ch_unknown")),
        ])
        #expect(result.events.map(\.event) == [.paymentCaptured, .refund, .refund])
        #expect(result.events(.refund).map(\.occurredAt.rawValue) == ["2026-09-22T14:13:20Z", "2026-09-22T14:13:20Z"])
        #expect(result.statistics.duplicateRecordsSkipped == 1 && result.statistics.objectsWithoutEvents == 1)
        #expect(result.rejections.map(\.position.line) == [5])
        #expect(result.rejections.first?.reason.contains("charge was not read earlier") == true)
        _ = try result.serializedBatch()
    }

    @Test(
        "dispute statuses: inquiries skipped, open, closed with won, lost or prevented",
        arguments: [
            ("warning_needs_response", [], nil), ("warning_under_review", [], nil), ("warning_closed", [], nil),
            ("needs_response", [CommerceEvent.EventType.chargebackOpened], nil),
            ("under_review", [.chargebackOpened], nil),
            ("won", [.chargebackOpened, .chargebackClosed], CommerceEvent.Chargeback.Outcome.won),
            ("lost", [.chargebackOpened, .chargebackClosed], .lost),
            ("prevented", [.chargebackOpened, .chargebackClosed], .prevented),
        ] as [(String, [CommerceEvent.EventType], CommerceEvent.Chargeback.Outcome?)])
    func disputes(status: String, events: [CommerceEvent.EventType], outcome: CommerceEvent.Chargeback.Outcome?) throws
    {
        let result = try read([.charge(Self.charge()), .dispute(Self.dispute(status: status))])
        let chargebacks = result.events.filter { $0.chargeback != nil }
        #expect(chargebacks.map(\.event) == events)
        #expect(chargebacks.last?.chargeback?.outcome == outcome)
        #expect(
            chargebacks.allSatisfy {
                $0.chargeback?.reason == .notReceived && $0.chargeback?.networkReasonCode?.rawValue == "13.1"
            })
        #expect(result.statistics.inquiriesSkipped == (events.isEmpty ? 1 : 0))
        _ = try result.serializedBatch()
    }

    @Test("an inquiry case is skipped whatever its status; an unknown status or reason is quarantined")
    func disputeEdges() throws {
        let result = try read([
            .charge(Self.charge()), .dispute(Self.dispute(status: "needs_response", caseType: "inquiry")),
            .dispute(Self.dispute(status: "charge_refunded")),
            .dispute(Self.dispute(status: "lost", reason: "check_returned")),
        ])
        #expect(result.statistics.inquiriesSkipped == 1)
        #expect(result.rejections.map(\.position.line) == [3, 4])
        #expect(result.rejections.map { $0.reason.prefix(8) } == ["status: ", "reason: "])
    }

    @Test("a dispute closed in an event closes at the event's time")
    func disputeClosedEvent() throws {
        let closedAt = InstantText.utc(fromUnixSeconds: 1_792_000_000)
        let event = StripeEvent(
            id: "evt_1", type: "charge.dispute.closed", created: closedAt,
            object: .dispute(Self.dispute(status: "lost")))
        let result = try read([
            .event(
                StripeEvent(
                    id: "evt_0", type: "charge.succeeded", created: InstantText.utc(fromUnixSeconds: 1_790_000_000),
                    object: .charge(Self.charge()))), .event(event),
        ])
        let closed = try #require(result.events(.chargebackClosed).first)
        #expect(closed.occurredAt == closedAt && closed.chargeback?.outcome == .lost)
        #expect(result.events(.chargebackOpened).first?.occurredAt.rawValue == "2026-09-27T09:06:40Z")
    }

    @Test(
        "payment method types give the method class and pay-later provider",
        arguments: [
            ("klarna", CommerceEvent.PaymentMethod.bnpl, "klarna"), ("affirm", .bnpl, "affirm"),
            ("afterpay_clearpay", .bnpl, "afterpay"), ("zip", .bnpl, "zip"), ("card", .card, nil),
            ("alipay", .wallet, nil), ("us_bank_account", .bankTransfer, nil), ("sepa_debit", .bankTransfer, nil),
            ("customer_balance", .storeCredit, nil), ("konbini", .other, nil),
        ] as [(String, CommerceEvent.PaymentMethod, String?)])
    func paymentMethods(type: String, method: CommerceEvent.PaymentMethod, provider: String?) throws {
        let event = try #require(try read([.charge(Self.charge(type: type))]).events.first)
        #expect(event.paymentMethod == method && event.bnplProvider?.rawValue == provider)
    }

    @Test("a one-off payer is keyed by billing email; test-mode objects are dropped with their refunds")
    func guestsAndTestMode() throws {
        var testCharge = Self.charge(id: "ch_test", intent: "pi_test")
        testCharge.livemode = false
        let context = TestContext.make()
        let result = try read(
            [
                .charge(Self.charge(customer: nil)), .charge(testCharge),
                .refund(Self.refund(id: "re_9", charge: "ch_test")),
                .paymentIntent(
                    StripePaymentIntent(
                        id: "pi_3PgafyB7WZ01zgkW", amount: 5_999, currency: currency("EUR"), status: "succeeded",
                        created: InstantText.utc(fromUnixSeconds: 1_790_000_000))),
            ], context: context)
        #expect(
            result.records.first?.subjects.first?.subjectKey
                == (try context.subjectKey(localKey: "guest-email:ana.silva@example.pt")))
        #expect(result.events.count == 1 && result.rejections.isEmpty)
        #expect(result.statistics.testObjectsDropped == 2 && result.statistics.objectsWithoutEvents == 1)
    }
}

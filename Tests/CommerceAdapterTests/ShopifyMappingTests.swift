import AdapterCore
import CommerceAdapter
import CommerceExports
import CredenceIdentity
import CredenceProtocol
import Foundation
import Testing

@Suite("Shopify exports to commerce events")
struct ShopifyMappingTests {
    let scratch: ScratchDirectory

    init() throws { scratch = try ScratchDirectory() }

    func read(_ objects: [ShopifyObject], context: RecordContext = TestContext.make()) throws -> ReadResult {
        try readExport(try scratch.export(objects.map(CommerceObject.shopify), to: "orders.jsonl"), context: context)
    }

    @Test("a guest checkout is keyed by the normalized email, so one guest keeps one key")
    func guestByEmail() throws {
        var first = Samples.order(id: 1, customer: nil)
        first.email = "Guest.Buyer@Example.com"
        var second = Samples.order(id: 2, customer: nil)
        second.email = "  guest.buyer@example.COM "
        let result = try read([.order(first), .order(second)])
        let context = TestContext.make()
        let keys = result.records.map { $0.subjects[0].subjectKey }
        let guestKey = try context.subjectKey(localKey: "guest-email:guest.buyer@example.com")
        #expect(keys == [guestKey, guestKey])
        let email = try #require(result.records.first?.subjects[0].identifiers.first { $0.type == .email })
        #expect(email.verified == nil)
    }

    @Test("a guest without an email is keyed by phone, and one with neither is rejected")
    func guestByPhoneOrNothing() throws {
        var byPhone = Samples.order(id: 1, customer: nil)
        byPhone.email = nil
        byPhone.billingAddress?.phone = "(502) 555-0123"
        var nobody = Samples.order(id: 2, customer: nil)
        nobody.email = nil
        nobody.billingAddress = nil
        let result = try read([.order(byPhone), .order(nobody), .order(Samples.order(id: 3))])
        #expect(
            result.records.first?.subjects[0].subjectKey
                == (try TestContext.make().subjectKey(localKey: "guest-phone:+15025550123")))
        let rejection = try #require(result.rejections.first)
        #expect(rejection.position.line == 2)
        #expect(rejection.reason.contains("nothing identifies the buyer"))
        #expect(result.events(.orderPlaced).count == 2)
    }

    @Test("redacted contact fields leave a subject with its key only")
    func redacted() throws {
        var order = Samples.order(customer: ShopifyCustomer(id: 77))
        order.email = nil
        order.billingAddress = ShopifyAddress()
        let result = try read([.order(order)])
        let subject = try #require(result.records.first?.subjects.first)
        #expect(subject.subjectKey == (try TestContext.make().subjectKey(localKey: "customer-77")))
        #expect(subject.identifiers.isEmpty && subject.encodings == nil)
        _ = try result.serializedBatch()
    }

    @Test("an unusable phone is left out, not a reason to drop the order")
    func freeTextPhone() throws {
        var customer = Samples.customer()
        customer.phone = "call after 6pm"
        var order = Samples.order(customer: customer)
        order.billingAddress?.phone = "n/a"
        let result = try read([.order(order)])
        let types = try #require(result.records.first?.subjects[0].identifiers.map(\.type))
        #expect(types == [.email, .emailMatch])
    }

    @Test("test orders are dropped with their transactions and disputes, and counted")
    func testOrders() throws {
        var order = Samples.order(id: 9)
        order.test = true
        let result = try read([
            .order(order), .transaction(Samples.transaction(id: 1, order: 9, kind: "sale", status: "success")),
            .dispute(Samples.dispute(order: 9, status: "lost")), .order(Samples.order(id: 10)),
        ])
        #expect(result.events.map(\.event) == [.orderPlaced])
        #expect(result.rejections.isEmpty && result.statistics.testObjectsDropped == 3)
    }

    @Test("refunds inside an order and on their own become refund events, each once")
    func refunds() throws {
        var order = Samples.order()
        let refundTransaction = Samples.transaction(
            id: 501, kind: "refund", status: "success", amount: 20_900, at: "2026-10-05T09:00:00-04:00")
        let failedRefund = Samples.transaction(id: 502, kind: "refund", status: "failure", amount: 100)
        order.refunds = [
            ShopifyRefund(
                id: 509_562_969, orderID: order.id, createdAt: instant("2026-10-05T09:00:00-04:00"),
                note: "it broke during shipping", transactions: [refundTransaction, failedRefund])
        ]
        let later = ShopifyRefund(
            id: 509_562_970, orderID: order.id, createdAt: instant("2026-10-07T09:00:00-04:00"),
            transactions: [
                Samples.transaction(
                    id: 503, kind: "refund", status: "success", amount: 5_000, at: "2026-10-07T09:00:00-04:00")
            ])
        let result = try read([.order(order), .transaction(refundTransaction), .refund(later)])
        let refunds = result.events(.refund)
        #expect(refunds.map(\.amount) == [20_900, 5_000])
        #expect(refunds.map(\.occurredAt.rawValue) == ["2026-10-05T13:00:00Z", "2026-10-07T13:00:00Z"])
        #expect(result.statistics.duplicateRecordsSkipped == 1)
        #expect(result.items.map { (try? $0.outcome.get())?.count } == [2, 0, 1])
        _ = try result.serializedBatch()
    }

    @Test(
        "transactions map by kind and status",
        arguments: [
            ("authorization", "success", CommerceEvent.EventType.paymentAuthorized),
            ("emv_authorization", "success", .paymentAuthorized), ("capture", "success", .paymentCaptured),
            ("sale", "success", .paymentCaptured), ("authorization", "failure", .paymentFailed),
            ("sale", "error", .paymentFailed), ("capture", "failure", .paymentFailed), ("refund", "success", .refund),
        ])
    func transactionEvents(kind: String, status: String, expected: CommerceEvent.EventType) throws {
        let transaction = Samples.transaction(
            id: 1, kind: kind, status: status, amount: 1_234, at: "2026-10-02T10:16:30-04:00")
        let result = try read([.order(Samples.order()), .transaction(transaction)])
        let event = try #require(result.items.last.flatMap { try? $0.outcome.get() }?.first)
        guard case .commerceEvent(let fact) = event.fact else {
            Issue.record("not a commerce event")
            return
        }
        #expect(fact.event == expected && fact.amount == 1_234)
        #expect(fact.occurredAt.rawValue == "2026-10-02T14:16:30Z")
        #expect(event.provenance?.line == 2)
    }

    @Test(
        "pending, void, change and failed refunds carry no event",
        arguments: [
            ("sale", "pending"), ("void", "success"), ("refund", "failure"), ("change", "success"), ("void", "error"),
        ])
    func transactionsWithoutEvents(kind: String, status: String) throws {
        let result = try read([
            .order(Samples.order()), .transaction(Samples.transaction(id: 1, kind: kind, status: status)),
        ])
        #expect(result.items.last.flatMap { try? $0.outcome.get() } == [])
        #expect(result.statistics.objectsWithoutEvents == 1)
    }

    @Test(
        "an undocumented kind or status is quarantined, not guessed",
        arguments: [
            ("settle", "success", "kind: 'settle'"), ("sale", "declined", "status: 'declined'"),
            ("sale", nil, "status: required"),
        ]
            as [(String, String?, String)])
    func unknownTransactionCodes(kind: String, status: String?, message: String) throws {
        let result = try read([
            .order(Samples.order()), .transaction(Samples.transaction(id: 1, kind: kind, status: status)),
        ])
        let rejection = try #require(result.rejections.first)
        #expect(rejection.reason.hasPrefix(message))
    }

    @Test("a transaction's own gateway decides its payment method")
    func transactionGateway() throws {
        let result = try read([
            .order(Samples.order(gateways: ["shopify_payments"])),
            .transaction(Samples.transaction(id: 1, kind: "sale", status: "success", gateway: "klarna")),
        ])
        let captured = try #require(result.events(.paymentCaptured).first)
        #expect(captured.paymentMethod == .bnpl && captured.bnplProvider?.rawValue == "klarna")
        #expect(result.events(.orderPlaced).first?.paymentMethod == .card)
    }

    @Test("a transaction whose order was not read before it, or has none, is rejected")
    func orphanTransactions() throws {
        var orphan = Samples.transaction(id: 2, kind: "sale", status: "success")
        orphan.orderID = nil
        let result = try read([
            .transaction(Samples.transaction(id: 1, kind: "sale", status: "success")), .order(Samples.order()),
            .transaction(orphan),
        ])
        #expect(result.rejections.map(\.position.line) == [1, 3])
        #expect(result.rejections[0].reason.contains("not read earlier in this file"))
        #expect(result.rejections[1].reason.hasPrefix("order_id: null"))
    }

    @Test("an unparseable line in the middle is rejected with its line and the rest of the file is read")
    func badLine() throws {
        let lines = [
            CommerceObject.shopify(.order(Samples.order(id: 1))).jsonLine(),
            Array(#"{"id":2,"created_at":"2026-10-02T10:15:00-04:00","currency":"USD","total_price":"#.utf8) + [0x0A],
            Array(#"{"id":3,"created_at":"2026-10-02T10:15:00-04:00","currency":"USD","total_price":"-1.00"}"#.utf8)
                + [0x0A],
            CommerceObject.shopify(.order(Samples.order(id: 4))).jsonLine(),
        ]
        let result = try readExport(try scratch.write(lines.flatMap { $0 }, to: "orders.jsonl"))
        #expect(result.rejections.map(\.position.line) == [2, 3])
        #expect(result.rejections.map(\.position.ordinal) == [1, 2])
        #expect(result.rejections[0].reason.hasPrefix("not valid JSON"))
        #expect(result.rejections[1].reason.hasPrefix("total_price: '-1.00' is negative"))
        #expect(result.records.map { $0.provenance?.line } == [1, 4])
        #expect(result.records.allSatisfy { $0.provenance?.file?.rawValue == "orders.jsonl" })
    }

    @Test("the join keeps the most recent orders only, so memory stays bounded")
    func boundedJoin() throws {
        let objects: [ShopifyObject] =
            (1...3).map { .order(Samples.order(id: Int64($0))) } + [
                .transaction(Samples.transaction(id: 11, order: 1, kind: "sale", status: "success")),
                .transaction(Samples.transaction(id: 12, order: 2, kind: "sale", status: "success")),
            ]
        let file = try scratch.export(objects.map(CommerceObject.shopify), to: "orders.jsonl")
        let result = try readExport(file, reader: CommerceSourceReader(orderIndexCapacity: 2))
        #expect(result.rejections.map(\.position.line) == [4])
        #expect(result.events(.paymentCaptured).count == 1)
    }

    @Test("a rejected order sends nothing, and its transactions are rejected with it")
    func rejectedOrder() throws {
        var order = Samples.order()
        order.financialStatus = String(repeating: "partially_paid_", count: 5)
        let result = try read([
            .order(order), .transaction(Samples.transaction(id: 1, kind: "sale", status: "success")),
            .order(Samples.order()),
        ])
        #expect(result.rejections.map(\.position.line) == [1, 2])
        #expect(result.rejections[0].reason.hasPrefix("financial_status: "))
        #expect(result.rejections[1].reason.contains("(or was rejected)"))
        // The same order, exported again with a usable status, is sent in full.
        #expect(result.events.map(\.event) == [.orderPlaced])
        #expect(result.statistics.duplicateRecordsSkipped == 0)
    }

    @Test(
        "dispute statuses: open until won, lost or accepted",
        arguments: [
            ("needs_response", nil), ("under_review", nil), ("won", CommerceEvent.Chargeback.Outcome.won),
            ("lost", .lost), ("accepted", .accepted), ("charge_refunded", .accepted),
        ] as [(String, CommerceEvent.Chargeback.Outcome?)])
    func disputeStatuses(status: String, outcome: CommerceEvent.Chargeback.Outcome?) throws {
        let dispute = Samples.dispute(status: status, finalizedOn: outcome == nil ? nil : "2026-11-02T12:00:00-05:00")
        let result = try read([.order(Samples.order()), .dispute(dispute)])
        let opened = try #require(result.events(.chargebackOpened).first)
        #expect(opened.occurredAt.rawValue == "2026-10-21T00:00:00Z" && opened.amount == 10_000)
        #expect(opened.chargeback?.reason == .fraud && opened.chargeback?.reasonRaw.rawValue == "fraudulent")
        #expect(opened.chargeback?.networkReasonCode?.rawValue == "4837")
        #expect(opened.chargeback?.statusRaw.rawValue == status && opened.chargeback?.outcome == nil)
        let closed = result.events(.chargebackClosed)
        #expect(closed.map { $0.chargeback?.outcome } == (outcome.map { [$0] } ?? []))
        #expect(closed.map(\.occurredAt.rawValue) == (outcome == nil ? [] : ["2026-11-02T17:00:00Z"]))
        _ = try result.serializedBatch()
    }

    @Test(
        "dispute reasons map by protocol/batch.md 10.6",
        arguments: [
            ("fraudulent", CommerceEvent.Chargeback.Reason.fraud), ("debit_not_authorized", .fraud),
            ("product_not_received", .notReceived), ("product_unacceptable", .notAsDescribed),
            ("duplicate", .duplicate), ("credit_not_processed", .creditNotProcessed),
            ("subscription_canceled", .subscriptionCanceled), ("unrecognized", .unrecognized), ("general", .general),
            ("bank_cannot_process", .other), ("customer_initiated", .other), ("incorrect_account_details", .other),
            ("insufficient_funds", .other), ("noncompliant", .other),
        ])
    func disputeReasons(reason: String, expected: CommerceEvent.Chargeback.Reason) throws {
        let result = try read([
            .order(Samples.order()), .dispute(Samples.dispute(reason: reason, status: "under_review")),
        ])
        #expect(result.events(.chargebackOpened).first?.chargeback?.reason == expected)
    }

    @Test("inquiries are skipped; unknown reasons, statuses and types are quarantined; null order_id is rejected")
    func disputeRejections() throws {
        let result = try read([
            .order(Samples.order()),
            .dispute(Samples.dispute(type: "inquiry", status: "needs_response")),
            .dispute(Samples.dispute(reason: "changed_mind", status: "lost")),
            .dispute(Samples.dispute(status: "escalated")),
            .dispute(Samples.dispute(type: "retrieval", status: "lost")),
            .dispute(Samples.dispute(order: nil, status: "won")),
        ])
        #expect(result.statistics.inquiriesSkipped == 1)
        #expect(result.rejections.map(\.position.line) == [3, 4, 5, 6])
        #expect(result.rejections[0].reason.hasPrefix("reason: 'changed_mind'"))
        #expect(result.rejections[1].reason.hasPrefix("status: 'escalated'"))
        #expect(result.rejections[2].reason.hasPrefix("type: 'retrieval'"))
        #expect(result.rejections[3].reason.hasPrefix("order_id: null"))
    }

    @Test("a closed dispute without finalized_on closes at its last stated time")
    func closingTimeFallback() throws {
        var dispute = Samples.dispute(status: "won")
        dispute.evidenceSentOn = instant("2026-10-25T08:00:00-04:00")
        let result = try read([.order(Samples.order()), .dispute(dispute)])
        #expect(result.events(.chargebackClosed).map(\.occurredAt.rawValue) == ["2026-10-25T12:00:00Z"])
    }

    @Test("a dispute read again after it closed adds only the closing")
    func disputeUpdates() throws {
        let result = try read([
            .order(Samples.order()), .dispute(Samples.dispute(status: "needs_response")),
            .dispute(Samples.dispute(status: "lost", finalizedOn: "2026-11-02T12:00:00-05:00")),
        ])
        #expect(result.events.map(\.event) == [.orderPlaced, .chargebackOpened, .chargebackClosed])
        #expect(result.statistics.duplicateRecordsSkipped == 1)
    }

    @Test(
        "pay-later gateways give bnpl and the provider",
        arguments: [
            (["klarna"], CommerceEvent.PaymentMethod.bnpl, "klarna"), (["Afterpay"], .bnpl, "afterpay"),
            (["Clearpay"], .bnpl, "afterpay"), (["shop_pay_installments"], .bnpl, "affirm"),
            (["gift_card", "affirm"], .bnpl, "affirm"), (["Klarna - Pay Later"], .bnpl, "klarna"),
            (["sezzle"], .bnpl, "sezzle"), (["shopify_payments"], .card, nil), (["paypal"], .wallet, nil),
            (["Cash on Delivery (COD)"], .cod, nil), (["Bank Deposit"], .bankTransfer, nil),
            (["gift_card"], .giftCard, nil), (["manual"], .other, nil), ([], .other, nil),
        ] as [([String], CommerceEvent.PaymentMethod, String?)])
    func paymentMethods(gateways: [String], method: CommerceEvent.PaymentMethod, provider: String?) throws {
        var order = Samples.order(gateways: gateways)
        order.gateway = gateways.first
        let placed = try #require(try read([.order(order)]).events(.orderPlaced).first)
        #expect(placed.paymentMethod == method && placed.bnplProvider?.rawValue == provider)
    }

    @Test("payment terms give instalment events whose times show lateness")
    func installments() throws {
        var order = Samples.order(currency: "USD", total: 40_000, gateways: ["klarna"])
        order.paymentTerms = ShopifyPaymentTerms(
            name: "Pay in 4", type: "FIXED",
            schedules: [
                ShopifyPaymentSchedule(
                    amount: 10_000, currency: currency("USD"), dueAt: instant("2026-10-16T00:00:00-04:00"),
                    completedAt: instant("2026-10-20T09:30:00-04:00")),
                ShopifyPaymentSchedule(
                    amount: 10_000, currency: currency("USD"), dueAt: instant("2026-10-30T00:00:00-04:00"),
                    completedAt: instant("2026-10-29T18:00:00-04:00")),
                ShopifyPaymentSchedule(amount: 10_000, currency: currency("USD"), dueAt: nil),
                ShopifyPaymentSchedule(
                    amount: 10_000, currency: currency("USD"), dueAt: instant("2026-11-27T00:00:00-05:00")),
            ])
        let context = TestContext.make()
        let result = try read([.order(order)], context: context)
        let scheduleKey = try context.orderKey(orderID: "\(order.id)/schedule-1")

        let due = result.events(.installmentDue)
        #expect(due.compactMap(\.installment?.sequence) == [1, 2, 4])
        #expect(due.allSatisfy { $0.installment?.scheduleKey == scheduleKey && $0.amount == 10_000 })
        #expect(due.allSatisfy { $0.paymentMethod == .bnpl && $0.bnplProvider?.rawValue == "klarna" })
        #expect(
            due.map(\.occurredAt.rawValue) == ["2026-10-16T04:00:00Z", "2026-10-30T04:00:00Z", "2026-11-27T05:00:00Z"])

        let paid = result.events(.installmentPaid)
        let lateness = paid.compactMap { event -> Int64? in
            guard let installment = event.installment, let paidAt = installment.paidAt else { return nil }
            return paidAt.secondsSinceEpoch - installment.dueAt.secondsSinceEpoch
        }
        let fourDaysNineAndAHalfHoursLate: Int64 = 4 * 86_400 + 9 * 3_600 + 1_800
        let sixHoursEarly: Int64 = -6 * 3_600
        #expect(lateness == [fourDaysNineAndAHalfHoursLate, sixHoursEarly])
        #expect(paid.map(\.occurredAt) == paid.compactMap(\.installment?.paidAt))
        _ = try result.serializedBatch()
    }

    @Test("a cancelled order, exported again after it was cancelled, adds only the cancellation")
    func cancellation() throws {
        let placed = Samples.order()
        var cancelled = placed
        cancelled.cancelledAt = instant("2026-10-03T08:00:00-04:00")
        cancelled.cancelReason = "customer"
        cancelled.financialStatus = "voided"
        let result = try read([.order(placed), .order(cancelled)])
        #expect(result.events.map(\.event) == [.orderPlaced, .orderCancelled])
        let cancellation = try #require(result.events(.orderCancelled).first)
        #expect(cancellation.amount == 40_994 && cancellation.occurredAt.rawValue == "2026-10-03T12:00:00Z")
        #expect(cancellation.financialStatusRaw?.rawValue == "voided")
    }

    @Test(
        "amounts keep each currency's minor units",
        arguments: [("JPY", 1_500), ("KWD", 12_345), ("USD", 40_994)] as [(String, Int64)])
    func currencies(code: String, total: Int64) throws {
        let placed = try #require(try read([.order(Samples.order(currency: code, total: total))]).events.first)
        #expect(placed.currency.rawValue == code && placed.amount == total)
    }

    @Test("record ids are stable, opaque and free of order and transaction ids")
    func recordIDs() throws {
        let objects: [ShopifyObject] = [
            .order(Samples.order()),
            .transaction(Samples.transaction(id: 179_259_969, kind: "sale", status: "success")),
        ]
        let first = try read(objects).records.map(\.recordID.rawValue)
        let second = try read(objects).records.map(\.recordID.rawValue)
        #expect(first == second && Set(first).count == 2)
        for id in first {
            #expect(id.wholeMatch(of: /[a-z_]+-[A-Za-z0-9_-]{22}/) != nil)
            #expect(!id.contains("450789469") && !id.contains("179259969"))
        }
        #expect(first[0].hasPrefix("order_placed-") && first[1].hasPrefix("payment_captured-"))
    }

    @Test("a Stripe object in a Shopify export is rejected; the format stays Shopify's")
    func mixedPlatforms() throws {
        let charge =
            #"{"id":"ch_1","object":"charge","amount":100,"captured":true,"status":"succeeded","created":1234567890,"currency":"usd","livemode":true}"#
        let text =
            String(decoding: CommerceObject.shopify(.order(Samples.order())).jsonLine(), as: UTF8.self) + charge + "\n"
        let result = try readExport(try scratch.write(text, to: "mixed.jsonl"))
        #expect(result.format == .shopifyAdminREST)
        #expect(result.rejections.map(\.position.line) == [2])
        #expect(result.rejections.first?.reason.hasPrefix("a stripe object in a shopify export") == true)
    }
}

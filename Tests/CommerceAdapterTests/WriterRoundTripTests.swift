import CommerceExports
import CredenceProtocol
import Foundation
import Testing

@Suite("Writing exports and reading them back")
struct WriterRoundTripTests {
    static func fullOrder() -> ShopifyOrder {
        let customer = ShopifyCustomer(
            id: 207_119_551, email: "bob.norman@hostmail.com", phone: "+15025550123", firstName: "Bob",
            lastName: "Norman", verifiedEmail: true, createdAt: instant("2014-01-22T15:58:27-05:00"), state: "enabled",
            ordersCount: 4, defaultAddress: Samples.billing)
        let refundTransaction = ShopifyTransaction(
            id: 179_259_969, orderID: 450_789_469, kind: "refund", status: "success", amount: 20_900,
            currency: currency("USD"), gateway: "shopify_payments", createdAt: instant("2026-10-05T12:59:12-04:00"),
            processedAt: instant("2026-10-05T13:00:00-04:00"), parentID: 389_404_469, errorCode: nil, test: false)
        return ShopifyOrder(
            id: 450_789_469, name: "#1001", orderNumber: 1001, email: "bob.norman@hostmail.com", phone: "+15025550123",
            createdAt: instant("2026-10-02T10:15:00.25-04:00"), processedAt: instant("2026-10-02T10:15:01-04:00"),
            cancelledAt: instant("2026-10-10T08:00:00-04:00"), cancelReason: "customer", currency: currency("USD"),
            totalPrice: 40_994, subtotalPrice: 39_800, totalTax: 1_194, financialStatus: "partially_refunded",
            gateway: "klarna", paymentGatewayNames: ["gift_card", "klarna"], test: false, note: "leave at the door",
            customer: customer, billingAddress: Samples.billing,
            lineItems: [
                ShopifyLineItem(
                    id: 466_157_049, title: "IPod Nano - 8gb", variantTitle: "green", sku: "IPOD2008GREEN",
                    vendor: "Apple", quantity: 1, price: 19_900),
                ShopifyLineItem(id: 518_995_019, title: "Gift wrap", quantity: 2, price: 995),
            ],
            refunds: [
                ShopifyRefund(
                    id: 509_562_969, orderID: 450_789_469, createdAt: instant("2026-10-05T12:59:12-04:00"),
                    note: "it broke during shipping", restock: true,
                    refundLineItems: [ShopifyRefundLineItem(id: 104_689_539, lineItemID: 466_157_049, quantity: 1)],
                    transactions: [refundTransaction])
            ],
            paymentTerms: ShopifyPaymentTerms(
                name: "Net 30", type: "NET", dueInDays: 30,
                schedules: [
                    ShopifyPaymentSchedule(
                        amount: 20_094, currency: currency("USD"), issuedAt: instant("2026-10-02T10:15:00-04:00"),
                        dueAt: instant("2026-11-01T10:15:00-04:00"), completedAt: instant("2026-11-03T09:00:00-05:00"),
                        expectedPaymentMethod: "klarna")
                ]))
    }

    static let shopifyObjects: [CommerceObject] = [
        .shopify(.order(fullOrder())),
        .shopify(.order(Samples.order(id: 2, currency: "JPY", total: 1_500, customer: nil))),
        .shopify(.order(Samples.order(id: 3, currency: "KWD", total: 12_345))),
        .shopify(.transaction(Samples.transaction(id: 9, kind: "authorization", status: "failure"))),
        .shopify(.refund(fullOrder().refunds[0])),
        .shopify(
            .dispute(
                ShopifyDispute(
                    id: 1_052_608_616, orderID: nil, type: "chargeback", amount: 10_000, currency: currency("USD"),
                    reason: "fraudulent", networkReasonCode: "4827", status: "won",
                    initiatedAt: instant("2013-05-03T20:00:00-04:00"),
                    evidenceDueBy: instant("2013-07-03T19:00:00-04:00"),
                    evidenceSentOn: instant("2013-07-04T07:00:00-04:00"), finalizedOn: nil))),
    ]

    static let stripeObjects: [CommerceObject] = {
        let created = InstantText.utc(fromUnixSeconds: 1_790_000_000)
        let refund = StripeRefund(
            id: "re_1", charge: "ch_1", paymentIntent: "pi_1", amount: 500, currency: currency("JPY"),
            status: "succeeded", reason: "requested_by_customer", created: created)
        let charge = StripeCharge(
            id: "ch_1", amount: 5_999, amountCaptured: 5_999, amountRefunded: 500, captured: true, paid: true,
            refunded: false, disputed: true, status: "succeeded", created: created, currency: currency("JPY"),
            customer: "cus_1", description: "Order 1042",
            billingDetails: StripeBillingDetails(
                name: "Jenny Rosen", email: "jenny@example.com", phone: "+14155550100",
                address: StripeAddress(line1: "1 Main St", city: "SF", state: "CA", postalCode: "94105", country: "US")),
            paymentMethodDetails: StripePaymentMethodDetails(
                type: "card", fingerprint: "AOB934RVNwzk6xtn", brand: "visa"),
            paymentIntent: "pi_1", livemode: true, refunds: [refund])
        let dispute = StripeDispute(
            id: "dp_1", charge: "ch_1", amount: 5_999, currency: currency("JPY"), reason: "general", status: "lost",
            created: created, evidenceDueBy: InstantText.utc(fromUnixSeconds: 1_791_000_000),
            paymentMethodDetails: StripePaymentMethodDetails(
                type: "card", brand: "visa", networkReasonCode: "10.4", caseType: "chargeback"),
            livemode: false)
        let intent = StripePaymentIntent(
            id: "pi_1", amount: 5_999, amountReceived: 5_999, currency: currency("JPY"), status: "succeeded",
            created: created, canceledAt: nil, customer: "cus_1", latestCharge: "ch_1",
            paymentMethodTypes: ["card", "klarna"])
        let klarna = StripeCharge(
            id: "ch_2", amount: 10_000, captured: false, status: "failed",
            failureCode: "payment_method_provider_decline",
            created: created, currency: currency("EUR"),
            paymentMethodDetails: StripePaymentMethodDetails(type: "klarna"))
        return [
            .stripe(.charge(charge)), .stripe(.charge(klarna)), .stripe(.refund(refund)), .stripe(.dispute(dispute)),
            .stripe(.paymentIntent(intent)),
            .stripe(
                .event(
                    StripeEvent(id: "evt_1", type: "charge.dispute.closed", created: created, object: .dispute(dispute))
                )),
        ]
    }()

    @Test("Shopify objects survive writing and reading, in any shop offset", arguments: [0, -300, 480, 330])
    func shopify(offset: Int) throws {
        let scratch = try ScratchDirectory()
        let file = try scratch.export(Self.shopifyObjects, to: "shopify.jsonl", shopOffsetMinutes: offset)
        var reader = try CommerceExportReader(contentsOf: file)
        var read: [CommerceObject] = []
        var lines: [Int] = []
        while let entry = try reader.next() {
            read.append(try entry.object.get())
            lines.append(entry.line)
        }
        #expect(read == Self.shopifyObjects)
        #expect(lines == Array(1...Self.shopifyObjects.count))
    }

    @Test("Stripe objects survive writing and reading")
    func stripe() throws {
        let scratch = try ScratchDirectory()
        let file = try scratch.export(Self.stripeObjects, to: "stripe.jsonl")
        var reader = try CommerceExportReader(contentsOf: file)
        var read: [CommerceObject] = []
        while let entry = try reader.next() { read.append(try entry.object.get()) }
        #expect(read == Self.stripeObjects)
    }

    @Test("lines are written as the platforms write them")
    func platformShapes() throws {
        let order = String(decoding: Self.shopifyObjects[0].jsonLine(shopOffsetMinutes: -240), as: UTF8.self)
        #expect(order.hasSuffix("}\n") && !order.dropLast().contains("\n"))
        #expect(order.contains(#""total_price":"409.94""#))
        #expect(order.contains(#""created_at":"2026-10-02T10:15:00.25-04:00""#))
        #expect(order.contains(#""cancelled_at":"2026-10-10T08:00:00-04:00""#))
        #expect(order.contains(#""company":null"#), "unset members are written as null, as Shopify does")
        let yen = String(decoding: Self.shopifyObjects[1].jsonLine(), as: UTF8.self)
        #expect(yen.contains(#""total_price":"1500""#) && yen.contains(#""customer":null"#))
        let charge = String(decoding: Self.stripeObjects[0].jsonLine(), as: UTF8.self)
        #expect(charge.contains(#""currency":"jpy""#) && charge.contains(#""created":1790000000"#))
        #expect(charge.contains(#""object":"charge""#) && charge.contains(#""refunds":{"object":"list","data":[{"#))
        // Every written line is strict JSON.
        for object in Self.shopifyObjects + Self.stripeObjects {
            _ = try StrictJSONParser.parse(object.jsonLine().dropLast())
        }
    }
}

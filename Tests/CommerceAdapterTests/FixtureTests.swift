import AdapterCore
import CommerceAdapter
import CommerceExports
import CredenceIdentity
import CredenceProtocol
import Foundation
import Testing

@Suite("Public fixtures and the golden batch")
struct FixtureTests {
    @Test("Shopify's fixtures: an order, its refund, and a dispute without an order")
    func shopifyFixtures() throws {
        let result = try readExport(Fixtures.url("shopify-fixtures.json"))
        #expect(result.format == .shopifyAdminREST)
        #expect(result.items.map(\.position.line) == [2, 18, 25])

        let placed = try #require(result.events(.orderPlaced).first)
        #expect(placed.amount == 40_994 && placed.currency.rawValue == "USD")
        #expect(placed.occurredAt.rawValue == "2008-01-10T16:00:00Z")
        #expect(placed.paymentMethod == .card && placed.bnplProvider == nil)
        #expect(placed.financialStatusRaw?.rawValue == "authorized")
        #expect(placed.orderKey == (try TestContext.make().orderKey(orderID: "450789469")))

        let refund = try #require(result.events(.refund).first)
        #expect(refund.amount == 20_900 && refund.orderKey == placed.orderKey)
        #expect(refund.occurredAt.rawValue == "2005-08-05T16:59:12Z")

        let buyer = try #require(result.records.first?.subjects.first)
        #expect(buyer.subjectKey == (try TestContext.make().subjectKey(localKey: "customer-207119551")))
        let email = try #require(buyer.identifiers.first { $0.type == .email })
        #expect(email.verified == true)
        #expect(buyer.encodings?.name != nil && buyer.encodings?.address != nil)

        let rejection = try #require(result.rejections.first)
        #expect(rejection.position.line == 25)
        #expect(rejection.reason.hasPrefix("order_id: null"))
        #expect(result.statistics.objects == 3 && result.statistics.records == 2 && result.statistics.rejected == 1)
        _ = try result.serializedBatch()
    }

    @Test("Stripe's fixtures are test-mode objects: all dropped, none rejected")
    func stripeFixtures() throws {
        let result = try readExport(Fixtures.url("stripe-fixtures.json"))
        #expect(result.format == .stripeAPI)
        #expect(result.records.isEmpty && result.rejections.isEmpty)
        #expect(result.statistics.testObjectsDropped == 4)
    }

    @Test("Stripe's fixtures in live mode: an authorized charge, its refund, an inquiry, an intent")
    func stripeFixturesLive() throws {
        let scratch = try ScratchDirectory()
        let live = try String(decoding: Fixtures.bytes("stripe-fixtures.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"livemode\": false", with: "\"livemode\": true")
        let context = TestContext.make()
        let result = try readExport(try scratch.write(live, to: "stripe-live.json"), context: context)

        let authorized = try #require(result.events(.paymentAuthorized).first)
        #expect(authorized.amount == 100 && authorized.currency.rawValue == "USD")
        #expect(authorized.occurredAt.rawValue == "2009-02-13T23:31:30Z" && authorized.paymentMethod == .card)
        #expect(authorized.orderKey == (try context.orderKey(orderID: "ch_1PgafuB7WZ01zgkWXYmPNZs8")))
        let refund = try #require(result.events(.refund).first)
        #expect(refund.amount == 100 && refund.orderKey == authorized.orderKey)
        #expect(result.events.count == 2)

        // A guest: no customer, no email or phone; the card fingerprint keys and identifies the payer.
        let payer = try #require(result.records.first?.subjects.first)
        #expect(payer.subjectKey == (try context.subjectKey(localKey: "guest-card:stripe:AOB934RVNwzk6xtn")))
        #expect(
            payer.identifiers.map(\.token) == [try context.paymentFingerprint("stripe:AOB934RVNwzk6xtn")]
                && payer.identifiers.map(\.type) == [.paymentFingerprint])
        #expect(payer.encodings?.name != nil && payer.encodings?.address == nil)

        #expect(result.statistics.inquiriesSkipped == 1 && result.statistics.objectsWithoutEvents == 1)
        _ = try result.serializedBatch()
    }

    /// The orders behind `protocol/vectors/batch-commerce.payload.json`, as a Shopify shop in Shanghai
    /// exports them: the records must be the golden ones.
    @Test("a Shopify export of the golden batch's orders gives the golden records")
    func goldenBatch() throws {
        let customer = ShopifyCustomer(
            id: 207_119_443, email: "Wei.Zhang+shop@Gmail.com", phone: "139 1234 5678", firstName: "伟",
            lastName: "张", verifiedEmail: true, createdAt: instant("2024-03-01T09:00:00+08:00"), state: "enabled")
        let address = ShopifyAddress(
            firstName: "伟", lastName: "张", address1: "88 Century Avenue", city: "Shanghai", provinceCode: "SH",
            zip: "200120", countryCode: "CN", phone: "139 1234 5678")
        let klarnaOrder = ShopifyOrder(
            id: 450_789_469, email: customer.email, createdAt: instant("2026-10-02T16:15:00+08:00"),
            currency: currency("CNY"), totalPrice: 59_800, financialStatus: "partially_paid",
            paymentGatewayNames: ["klarna"], customer: customer, billingAddress: address,
            paymentTerms: ShopifyPaymentTerms(
                name: "Klarna Pay in 4", type: "FIXED",
                schedules: [
                    ShopifyPaymentSchedule(
                        amount: 14_950, currency: currency("CNY"), dueAt: instant("2026-10-16T08:00:00+08:00"),
                        completedAt: instant("2026-10-20T17:00:00+08:00")),
                    ShopifyPaymentSchedule(
                        amount: 14_950, currency: currency("CNY"), dueAt: instant("2026-10-30T08:00:00+08:00")),
                ]))
        let cardOrder = ShopifyOrder(
            id: 450_789_470, email: customer.email, createdAt: instant("2026-10-05T12:00:00+08:00"),
            currency: currency("CNY"), totalPrice: 12_000, financialStatus: "paid",
            paymentGatewayNames: ["shopify_payments"], customer: customer, billingAddress: address)
        let dispute = ShopifyDispute(
            id: 1_052_608_617, orderID: 450_789_470, type: "chargeback", amount: 12_000, currency: currency("CNY"),
            reason: "product_not_received", networkReasonCode: "4855", status: "lost",
            initiatedAt: instant("2026-10-12T10:00:00+08:00"), finalizedOn: instant("2026-10-28T19:30:00+08:00"))
        let scratch = try ScratchDirectory()
        let file = try scratch.export(
            [.shopify(.order(klarnaOrder)), .shopify(.order(cardOrder)), .shopify(.dispute(dispute))],
            to: "orders-2026-10.jsonl", shopOffsetMinutes: 480)
        let result = try readExport(file, context: TestContext.make(region: .cn))

        let golden = try Batch.decodeUnverified(try Fixtures.bytes("golden-batch-commerce.payload.json"))
        let produced = [
            try #require(result.records(.orderPlaced).first),
            try #require(result.records(.installmentPaid).first),
            try #require(result.records(.chargebackClosed).first),
        ]
        for (mine, expected) in zip(produced, golden.records) {
            #expect(mine.fact == expected.fact)
            #expect(mine.provenance?.file == expected.provenance?.file)
            // Shopify splits 张伟 into first and last name; the encoder joins CJK parts family first, so even
            // the name encoding equals the golden one made from the full name.
            #expect(mine.subjects == expected.subjects)
        }
        #expect(produced.map { $0.provenance?.line } == [1, 1, 3])
        #expect(
            result.events.map(\.event) == [
                .orderPlaced, .installmentDue, .installmentPaid, .installmentDue, .orderPlaced, .chargebackOpened,
                .chargebackClosed,
            ])
        _ = try result.serializedBatch()
    }

}

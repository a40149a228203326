import AdapterCore
import CommerceAdapter
import CommerceExports
import CredenceProtocol
import Foundation
import Testing

/// `protocol/batch.md` section 12: no line items, product titles, notes or descriptions, and no raw personal
/// identifier, order number or platform id, leave the adapter. Each distinctive value below is in the
/// export; none may be in the signed batch.
@Suite("What never leaves the adapter")
struct PrivacyTests {
    /// Short digit strings are left out: they could occur in base64 tokens by chance.
    static let forbidden = [
        "Prenatal Vitamins Distinctive", "Size XXL Distinctive", "SKU-SECRET-42", "Vendor Distinctive",
        "Please pray for my recovery", "Distinctive refund note", "Distinctive Stripe description",
        "zoe.quartz", "distinctive.example", "555-0198", "5550198", "Quartzfeld", "Zoë", "Infinite Loopway",
        "Cupertinoville", "94999", "987654321012", "#8855", "5566778899", "778899001", "31415926", "cus_Distinctive",
        "ch_Distinctive", "pi_Distinctive", "re_Distinctive", "dp_Distinctive", "FpDistinctive", "Rua Distinta",
    ]

    @Test("a Shopify export: no content, contact details, names, addresses or ids in the batch")
    func shopify() throws {
        let customer = ShopifyCustomer(
            id: 5_566_778_899, email: "Zoe.Quartz@Distinctive.Example", phone: "+1 (415) 555-0198", firstName: "Zoë",
            lastName: "Quartzfeld", verifiedEmail: true, defaultAddress: nil)
        let address = ShopifyAddress(
            firstName: "Zoë", lastName: "Quartzfeld", address1: "1 Infinite Loopway", city: "Cupertinoville",
            provinceCode: "CA", zip: "94999", countryCode: "US", phone: "415-555-0198")
        let refundTransaction = ShopifyTransaction(
            id: 778_899_001, orderID: 987_654_321_012, kind: "refund", status: "success", amount: 1_999,
            currency: currency("USD"), gateway: "shopify_payments", createdAt: instant("2026-10-09T10:00:00-07:00"))
        var order = Samples.order(id: 987_654_321_012, gateways: ["klarna"], customer: customer)
        order.name = "#8855"
        order.orderNumber = 8855
        order.phone = "415 555 0198"
        order.note = "Please pray for my recovery"
        order.billingAddress = address
        order.lineItems = [
            ShopifyLineItem(
                id: 31_415_926, title: "Prenatal Vitamins Distinctive", variantTitle: "Size XXL Distinctive",
                sku: "SKU-SECRET-42", vendor: "Vendor Distinctive", quantity: 2, price: 1_999)
        ]
        order.refunds = [
            ShopifyRefund(
                id: 31_415_926, orderID: order.id, createdAt: instant("2026-10-09T10:00:00-07:00"),
                note: "Distinctive refund note", transactions: [refundTransaction])
        ]
        order.paymentTerms = ShopifyPaymentTerms(
            schedules: [
                ShopifyPaymentSchedule(
                    amount: 1_000, currency: currency("USD"), dueAt: instant("2026-10-30T00:00:00-07:00"),
                    completedAt: instant("2026-10-31T00:00:00-07:00"))
            ])
        let dispute = ShopifyDispute(
            id: 778_899_001, orderID: order.id, type: "chargeback", amount: 1_999, currency: currency("USD"),
            reason: "product_unacceptable", status: "lost", initiatedAt: instant("2026-10-20T10:00:00-07:00"))
        let scratch = try ScratchDirectory()
        let file = try scratch.export(
            [.shopify(.order(order)), .shopify(.transaction(refundTransaction)), .shopify(.dispute(dispute))],
            to: "orders.jsonl")
        try expectNothingForbidden(from: file, eventCount: 6)
    }

    @Test("a Stripe export: no description, billing details, ids or fingerprints in the batch")
    func stripe() throws {
        let charge = StripeCharge(
            id: "ch_DistinctiveABC", amount: 1_999, captured: true, status: "succeeded",
            created: InstantText.utc(fromUnixSeconds: 1_790_000_000), currency: currency("USD"),
            customer: "cus_DistinctiveXYZ", description: "Distinctive Stripe description",
            billingDetails: StripeBillingDetails(
                name: "Zoë Quartzfeld", email: "zoe.quartz@distinctive.example", phone: "+1 415 555 0198",
                address: StripeAddress(
                    line1: "Rua Distinta 1", city: "Cupertinoville", postalCode: "94999", country: "US")),
            paymentMethodDetails: StripePaymentMethodDetails(type: "card", fingerprint: "FpDistinctive123"),
            paymentIntent: "pi_DistinctiveDEF",
            refunds: [
                StripeRefund(
                    id: "re_Distinctive1", charge: "ch_DistinctiveABC", amount: 500, currency: currency("USD"),
                    status: "succeeded", created: InstantText.utc(fromUnixSeconds: 1_790_100_000))
            ])
        let dispute = StripeDispute(
            id: "dp_Distinctive1", charge: "ch_DistinctiveABC", amount: 1_999, currency: currency("USD"),
            reason: "fraudulent", status: "won", created: InstantText.utc(fromUnixSeconds: 1_790_500_000))
        let scratch = try ScratchDirectory()
        let file = try scratch.export([.stripe(.charge(charge)), .stripe(.dispute(dispute))], to: "charges.jsonl")
        try expectNothingForbidden(from: file, eventCount: 4)
    }

    private func expectNothingForbidden(from file: URL, eventCount: Int) throws {
        let exported = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        let result = try readExport(file)
        #expect(result.rejections.isEmpty && result.events.count == eventCount)
        let batch = String(decoding: try result.serializedBatch(), as: UTF8.self)
        for value in Self.forbidden where exported.contains(value) {
            #expect(!batch.contains(value), "'\(value)' reached the batch")
            #expect(!batch.lowercased().contains(value.lowercased()), "'\(value)' reached the batch in another case")
        }
        // The values really were in the export, so the checks above could fail.
        #expect(Self.forbidden.filter(exported.contains).count >= 12)
    }
}

import CommerceExports
import CredenceProtocol

/// A customer account at a Shopify marketplace: the customer id and what the shop holds about them.
struct ShopifyAccount: Sendable {
    /// 0 for the person's first account, 1 for a duplicate opened later.
    let number: Int
    let customerID: Int64
    let view: PartnerView
    /// The phone as the customer typed it (nil when absent).
    let phoneText: String?
    let verifiedEmail: Bool
}

/// Writes purchases as Shopify Admin REST resources: the order (with customer, billing address, line
/// items, embedded refunds and payment terms), its transactions, and its Shopify Payments dispute.
struct ShopifyRendering {
    let partner: SimulatedPartner
    let identifiers: IdentifierFactory

    var currency: CurrencyCode { partner.currency ?? CurrencyCode(unchecked: "USD") }

    /// A Shopify-sized numeric id, unique per partner, kind of object and slot.
    func identifier(_ kind: UInt64, slot: UInt64) -> Int64 {
        let number = identifiers.partnerNumber(namespace: UInt64(partner.ordinal) * 100 + kind, slot: slot, digits: 12)
        return Int64(kind) * 1_000_000_000_000 + Int64(number)
    }

    func customerID(personIndex: Int, account: Int) -> Int64 {
        identifier(6, slot: UInt64(personIndex) * 4 + UInt64(account))
    }

    /// The order, its transactions (declines, payments, instalment payments) and its dispute.
    func render(_ purchase: Purchase, account: ShopifyAccount, personIndex: Int, orderCount: Int)
        -> (order: ShopifyOrder, transactions: [ShopifyTransaction], dispute: ShopifyDispute?)
    {
        let slot = (UInt64(personIndex) * 4 + UInt64(account.number)) * 32 + UInt64(purchase.sequence)
        let orderID = identifier(5, slot: slot)
        let gateway = Self.gatewayName(purchase.method)
        var transactions: [ShopifyTransaction] = []
        func transaction(_ kind: String, _ status: String, amount: Int64, at: Int64, error: String? = nil)
            -> ShopifyTransaction
        {
            let number = slot * 8 + UInt64(transactions.count)
            return ShopifyTransaction(
                id: identifier(7, slot: number), orderID: orderID, kind: kind, status: status, amount: amount,
                currency: currency, gateway: gateway, createdAt: Timestamp(secondsSinceEpoch: at), errorCode: error)
        }
        for attempt in purchase.failedAttempts {
            transactions.append(
                transaction("sale", "failure", amount: purchase.total, at: attempt.at, error: attempt.code))
        }
        var paymentTerms: ShopifyPaymentTerms?
        if purchase.method == .terms {
            for instalment in purchase.instalments {
                if let paidAt = instalment.paidAt {
                    transactions.append(transaction("sale", "success", amount: instalment.amount, at: paidAt))
                }
            }
            let schedules = purchase.instalments.map {
                ShopifyPaymentSchedule(
                    amount: $0.amount, currency: currency, issuedAt: Timestamp(secondsSinceEpoch: purchase.placedAt),
                    dueAt: Timestamp(secondsSinceEpoch: $0.dueAt),
                    completedAt: $0.paidAt.map(Timestamp.init(secondsSinceEpoch:)))
            }
            let net = schedules.count == 1
            paymentTerms = ShopifyPaymentTerms(
                name: net ? "Net 30" : "3 monthly instalments", type: net ? "NET" : "FIXED", dueInDays: net ? 30 : nil,
                schedules: schedules)
        } else {
            transactions.append(transaction("sale", "success", amount: purchase.total, at: purchase.placedAt + 5))
        }
        var refunds: [ShopifyRefund] = []
        if let refund = purchase.refund {
            let refundTransaction = transaction("refund", "success", amount: refund.amount, at: refund.at)
            refunds.append(
                ShopifyRefund(
                    id: identifier(8, slot: slot), orderID: orderID, createdAt: Timestamp(secondsSinceEpoch: refund.at),
                    note: "Customer changed their mind", transactions: [refundTransaction]))
        }
        let lineItems = purchase.items.enumerated().map { offset, item in
            ShopifyLineItem(
                id: identifier(9, slot: slot * 8 + UInt64(offset)), title: item.title, quantity: Int64(item.quantity),
                price: item.unitPrice)
        }
        let view = account.view
        let order = ShopifyOrder(
            id: orderID,
            name:
                "#\(1000 + identifiers.partnerNumber(namespace: UInt64(partner.ordinal) * 100 + 10, slot: slot, digits: 9))",
            email: view.email, phone: account.phoneText, createdAt: Timestamp(secondsSinceEpoch: purchase.placedAt),
            processedAt: Timestamp(secondsSinceEpoch: purchase.placedAt), currency: currency,
            totalPrice: purchase.total, subtotalPrice: purchase.total, totalTax: 0,
            financialStatus: financialStatus(purchase), gateway: gateway, paymentGatewayNames: [gateway],
            customer: ShopifyCustomer(
                id: account.customerID, email: view.email, phone: account.phoneText,
                firstName: view.name.given, lastName: view.name.family, verifiedEmail: account.verifiedEmail,
                createdAt: Timestamp(secondsSinceEpoch: view.since.unixSeconds(at: 43_200)), state: "enabled",
                ordersCount: Int64(orderCount), defaultAddress: address(view, phone: account.phoneText)),
            billingAddress: address(view, phone: account.phoneText), lineItems: lineItems, refunds: refunds,
            paymentTerms: paymentTerms)
        var dispute: ShopifyDispute?
        if let plan = purchase.dispute {
            dispute = ShopifyDispute(
                id: identifier(11, slot: slot), orderID: orderID, type: "chargeback", amount: purchase.total,
                currency: currency, reason: plan.reason, networkReasonCode: plan.networkReasonCode, status: plan.status,
                initiatedAt: Timestamp(secondsSinceEpoch: plan.initiatedAt),
                evidenceDueBy: Timestamp(secondsSinceEpoch: plan.evidenceDueBy),
                evidenceSentOn: plan.finalizedAt.map { _ in Timestamp(secondsSinceEpoch: plan.initiatedAt + 10 * 86_400)
                },
                finalizedOn: plan.finalizedAt.map(Timestamp.init(secondsSinceEpoch:)))
        }
        return (order, transactions, dispute)
    }

    static func gatewayName(_ method: PaymentMethod) -> String {
        switch method {
        case .card: "shopify_payments"
        case .gateway(let name), .payLater(let name): name
        case .terms: "manual"
        }
    }

    private func financialStatus(_ purchase: Purchase) -> String {
        if purchase.method == .terms {
            let paid = purchase.instalments.filter { $0.paidAt != nil }.count
            return paid == purchase.instalments.count ? "paid" : paid == 0 ? "pending" : "partially_paid"
        }
        if let refund = purchase.refund { return refund.amount >= purchase.total ? "refunded" : "partially_refunded" }
        return "paid"
    }

    /// The billing address in the script of the customer's name at this shop.
    private func address(_ view: PartnerView, phone: String?) -> ShopifyAddress? {
        guard let home = view.address else { return nil }
        let native = view.name.isHanzi
        return ShopifyAddress(
            firstName: view.name.given, lastName: view.name.family, address1: native ? home.line1 : home.latinLine1,
            address2: (native ? home.line2 : home.latinLine2).isEmpty ? nil : (native ? home.line2 : home.latinLine2),
            city: native ? home.city : home.latinCity, province: native ? home.region : home.latinRegion,
            provinceCode: home.regionCode.isEmpty ? nil : home.regionCode, zip: home.postalCode,
            country: home.nationality == .us ? "United States" : native ? "中国" : "China",
            countryCode: home.nationality.rawValue, phone: phone)
    }
}

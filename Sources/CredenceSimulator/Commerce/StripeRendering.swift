import CommerceExports
import CredencePrimitives
import CredenceProtocol

/// Writes purchases as Stripe API objects: a charge per payment attempt, refunds and disputes.
struct StripeRendering {
    let partner: SimulatedPartner
    let identifiers: IdentifierFactory

    var currency: CurrencyCode { partner.currency ?? CurrencyCode(unchecked: "USD") }

    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// A Stripe-style id: `prefix_` and `length` base-62 characters. The first eleven encode a bijection of
    /// the slot, so ids never collide; the rest only look like Stripe's.
    func identifier(_ prefix: String, kind: UInt64, slot: UInt64, length: Int = 24) -> String {
        let unique = identifiers.partnerNumber(namespace: UInt64(partner.ordinal) * 100 + kind, slot: slot, digits: 18)
        var random = SplitMix64(seed: unique)
        var value = random.next()
        var characters: [Character] = []
        for _ in 0..<11 {
            characters.append(Self.alphabet[Int(value % 62)])
            value /= 62
        }
        while characters.count < length { characters.append(Self.alphabet[random.below(62)]) }
        return prefix + "_" + String(characters)
    }

    func customerID(personIndex: Int, account: Int) -> String {
        identifier("cus", kind: 1, slot: UInt64(personIndex) * 4 + UInt64(account), length: 14)
    }

    /// The card fingerprint of the person's card: the same on both of a person's accounts.
    func fingerprint(personIndex: Int) -> String {
        String(identifier("fp", kind: 2, slot: UInt64(personIndex), length: 16).dropFirst(3))
    }

    /// The charges (declined attempts, then the payment), the refund and the dispute of a purchase.
    func render(
        _ purchase: Purchase, customerID: String, view: PartnerView, phoneText: String?, fingerprint: String,
        account: Int, personIndex: Int
    ) -> (charges: [StripeCharge], refund: StripeRefund?, dispute: StripeDispute?) {
        let slot = (UInt64(personIndex) * 4 + UInt64(account)) * 32 + UInt64(purchase.sequence)
        let methodType: String
        switch purchase.method {
        case .payLater(let provider): methodType = provider
        default: methodType = "card"
        }
        let details = StripePaymentMethodDetails(
            type: methodType, fingerprint: methodType == "card" ? fingerprint : nil,
            brand: methodType == "card" ? "visa" : nil)
        let billing = StripeBillingDetails(
            name: view.name.full, email: view.email, phone: phoneText,
            address: view.address.map {
                StripeAddress(
                    line1: $0.latinLine1, line2: $0.latinLine2.isEmpty ? nil : $0.latinLine2, city: $0.latinCity,
                    state: $0.regionCode.isEmpty ? $0.latinRegion : $0.regionCode, postalCode: $0.postalCode,
                    country: $0.nationality.rawValue)
            })
        let paymentIntent = identifier("pi", kind: 3, slot: slot)
        var charges: [StripeCharge] = []
        for attempt in purchase.failedAttempts {
            charges.append(
                StripeCharge(
                    id: identifier("ch", kind: 4, slot: slot * 4 + UInt64(charges.count)), amount: purchase.total,
                    amountCaptured: 0, amountRefunded: 0, captured: false, paid: false, refunded: false,
                    disputed: false, status: "failed", failureCode: attempt.code,
                    created: Timestamp(secondsSinceEpoch: attempt.at), currency: currency, customer: customerID,
                    description: purchase.items.first?.title, billingDetails: billing, paymentMethodDetails: details,
                    paymentIntent: paymentIntent))
        }
        let chargeID = identifier("ch", kind: 4, slot: slot * 4 + UInt64(charges.count))
        let refunded = purchase.refund?.amount ?? 0
        charges.append(
            StripeCharge(
                id: chargeID, amount: purchase.total, amountCaptured: purchase.total, amountRefunded: refunded,
                captured: true, paid: true, refunded: refunded >= purchase.total, disputed: purchase.dispute != nil,
                status: "succeeded", created: Timestamp(secondsSinceEpoch: purchase.placedAt), currency: currency,
                customer: customerID, description: purchase.items.first?.title, billingDetails: billing,
                paymentMethodDetails: details, paymentIntent: paymentIntent))
        let refund = purchase.refund.map {
            StripeRefund(
                id: identifier("re", kind: 5, slot: slot), charge: chargeID, paymentIntent: paymentIntent,
                amount: $0.amount, currency: currency, status: "succeeded", reason: "requested_by_customer",
                created: Timestamp(secondsSinceEpoch: $0.at))
        }
        let dispute = purchase.dispute.map {
            StripeDispute(
                id: identifier("dp", kind: 6, slot: slot), charge: chargeID, paymentIntent: paymentIntent,
                amount: purchase.total, currency: currency, reason: $0.reason, status: $0.status,
                created: Timestamp(secondsSinceEpoch: $0.initiatedAt),
                evidenceDueBy: Timestamp(secondsSinceEpoch: $0.evidenceDueBy),
                paymentMethodDetails: StripePaymentMethodDetails(
                    type: "card", networkReasonCode: $0.networkReasonCode, caseType: "chargeback"))
        }
        return (charges, refund, dispute)
    }
}

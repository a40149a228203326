import CommerceExports
import CredencePrimitives
import CredenceProtocol

extension ChunkBuilder {
    /// A customer of the Stripe-based marketplace: charges, refunds and disputes per account; a person's
    /// two accounts share one card fingerprint.
    mutating func simulateStripe(_ person: Person, at partner: SimulatedPartner, since: SimulationDay) {
        var random = commerceRandom(of: person, at: partner)
        let rendering = StripeRendering(partner: partner, identifiers: context.identifiers)
        let fingerprint = rendering.fingerprint(personIndex: person.index)
        let chargesSlot = context.layout.lineSlot(partner: partner, kind: .stripeCharges)
        for account in commerceAccounts(of: person, at: partner, since: since, using: &random) {
            let customerID = rendering.customerID(personIndex: person.index, account: account.number)
            for purchase in account.purchases {
                let objects = rendering.render(
                    purchase, customerID: customerID, view: account.view, phoneText: account.phoneText,
                    fingerprint: fingerprint, account: account.number, personIndex: person.index)
                var paymentInvalid = false
                for charge in objects.charges {
                    let object = CommerceObject.stripe(.charge(charge))
                    let invalid = drawsInvalidUnit(using: &random)
                    paymentInvalid = invalid
                    let line =
                        invalid
                        ? JSONDefects.replacing("created", with: .string("yesterday"), in: object.jsonValue())
                        : object.jsonLine()
                    let position = output.appendLine(line, slot: chargesSlot)
                    countUnit(of: partner)
                    if invalid {
                        recordInvalid(
                            .lines(chargesSlot), unit: position.unit, byteOffset: position.offset, partner: partner,
                            person: person, defect: "charge created is not a Unix time")
                    } else {
                        recordTruth(
                            partner: partner, localKey: LocalKeys.commerce(customerID: customerID), person: person,
                            noise: account.view.noise,
                            statement: SubjectStatement(
                                stripe: charge.billingDetails, name: account.view.name, phone: account.view.phone))
                    }
                }
                // The refund and dispute of a quarantined payment would be quarantined with it: left out.
                guard !paymentInvalid else { continue }
                if let refund = objects.refund { append(.stripe(.refund(refund)), partner: partner, slot: chargesSlot) }
                if let dispute = objects.dispute {
                    append(.stripe(.dispute(dispute)), partner: partner, slot: chargesSlot)
                }
            }
        }
    }
}

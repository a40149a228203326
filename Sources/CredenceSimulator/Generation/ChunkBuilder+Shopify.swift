import CommerceExports
import CredencePrimitives
import CredenceProtocol

extension ChunkBuilder {
    /// A Shopify marketplace's customer: one account (sometimes a second one opened later with another
    /// email), each with its orders, transactions and disputes.
    mutating func simulateShopify(_ person: Person, at partner: SimulatedPartner, since: SimulationDay) {
        var random = commerceRandom(of: person, at: partner)
        let rendering = ShopifyRendering(partner: partner, identifiers: context.identifiers)
        for account in commerceAccounts(of: person, at: partner, since: since, using: &random) {
            let shopifyAccount = ShopifyAccount(
                number: account.number,
                customerID: rendering.customerID(personIndex: person.index, account: account.number),
                view: account.view, phoneText: account.phoneText, verifiedEmail: random.chance(0.8))
            let purchases = account.purchases
            for purchase in purchases {
                let objects = rendering.render(
                    purchase, account: shopifyAccount, personIndex: person.index, orderCount: purchases.count)
                let ordersSlot = context.layout.lineSlot(partner: partner, kind: .shopifyOrders)
                var line = CommerceObject.shopify(.order(objects.order)).jsonLine(
                    shopOffsetMinutes: partner.utcOffsetMinutes)
                let invalid = drawsInvalidUnit(using: &random)
                if invalid {
                    line = JSONDefects.replacing(
                        "created_at", with: .string(Self.impossibleInstant(near: purchase.placedAt, partner: partner)),
                        in: CommerceObject.shopify(.order(objects.order)).jsonValue(
                            shopOffsetMinutes: partner.utcOffsetMinutes))
                }
                let position = output.appendLine(line, slot: ordersSlot)
                countUnit(of: partner)
                if invalid {
                    recordInvalid(
                        .lines(ordersSlot), unit: position.unit, byteOffset: position.offset, partner: partner,
                        person: person, defect: "order created_at is not a calendar date")
                } else {
                    recordTruth(
                        partner: partner, localKey: LocalKeys.commerce(customerID: String(shopifyAccount.customerID)),
                        person: person, noise: account.view.noise,
                        statement: SubjectStatement(shopify: objects.order, phone: account.view.phone))
                }
                // An order the adapter quarantines takes its transactions and dispute with it: they are left
                // out so that the invalid units are exactly the ones listed in the truth.
                guard !invalid else { continue }
                for transaction in objects.transactions {
                    append(.shopify(.transaction(transaction)), partner: partner, slot: ordersSlot)
                }
                if let dispute = objects.dispute {
                    append(.shopify(.dispute(dispute)), partner: partner, slot: ordersSlot)
                }
            }
        }
    }

    /// The random stream of a person's activity at a marketplace.
    func commerceRandom(of person: Person, at partner: SimulatedPartner) -> SplitMix64 {
        SplitMix64(
            seed: context.configuration.seed, stream: .commerce, index: UInt64(person.index),
            subindex: UInt64(partner.ordinal))
    }

    /// The person's accounts at a marketplace, each with the phone as typed there and its purchases: the
    /// first from `since`, and for one customer in 25 a second one opened later with another email address
    /// (the same person, two customer ids).
    func commerceAccounts(
        of person: Person, at partner: SimulatedPartner, since: SimulationDay, using random: inout SplitMix64
    ) -> [CommerceAccount] {
        var views = [context.membership.view(person, at: partner, since: since)]
        let end = context.configuration.periodEnd
        if random.chance(0.04), since < end.adding(days: -60) {
            let secondSince = since.adding(days: random.between(15...max(15, end.ordinal - since.ordinal - 45)))
            var second = context.membership.view(person, at: partner, since: secondSince, account: 1)
            var emailRandom = SplitMix64(
                seed: context.configuration.seed, stream: .contact, index: UInt64(person.index), subindex: 1)
            second.email = EmailFactory.email(
                name: person.name, nationality: person.nationality, birthYear: person.birthDate.year,
                number: context.identifiers.emailNumber(index: person.index, slot: 2), using: &emailRandom)
            views[0].noise.insert(.duplicateAccount)
            second.noise.insert(.duplicateAccount)
            views.append(second)
        }
        let simulator = PurchaseSimulator(partner: partner, periodEnd: end, risk: person.latentRisk)
        return views.enumerated().map { number, view in
            let phoneText = view.phone.map { PhoneText.typed($0, region: partner.defaultRegion, using: &random) }
            return CommerceAccount(
                number: number, view: view, phoneText: phoneText,
                purchases: simulator.purchases(since: view.since, using: &random))
        }
    }

    /// Appends a commerce object that carries no customer (a transaction, refund or dispute line) after
    /// the order or charge it belongs to.
    mutating func append(_ object: CommerceObject, partner: SimulatedPartner, slot: Int) {
        output.appendLine(object.jsonLine(shopOffsetMinutes: partner.utcOffsetMinutes), slot: slot)
        countUnit(of: partner)
    }

    /// A timestamp in the shop's offset that names a day that does not exist (the 30th of February).
    static func impossibleInstant(near seconds: Int64, partner: SimulatedPartner) -> String {
        let year = SimulationDay(ordinal: Int(seconds / 86_400)).year
        let offset = partner.utcOffsetMinutes
        let sign = offset < 0 ? "-" : "+"
        let hours = SimulationDay.padded(abs(offset) / 60, 2)
        let minutes = SimulationDay.padded(abs(offset) % 60, 2)
        return "\(year)-02-30T10:15:00\(sign)\(hours):\(minutes)"
    }
}

/// One of a person's accounts at a marketplace: what the marketplace holds and what was bought.
struct CommerceAccount {
    /// 0 for the first account, 1 for a duplicate opened later.
    let number: Int
    let view: PartnerView
    /// The phone as the customer typed it, nil when absent.
    let phoneText: String?
    let purchases: [Purchase]
}

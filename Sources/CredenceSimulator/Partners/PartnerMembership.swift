import CredencePrimitives

/// Who is a customer of which partner, since when, and what the partner knows about them. Each answer is a
/// function of the seed, the person and the partner only, so a household member referenced from someone
/// else's account (a joint card holder) is seen exactly as they would be as a customer in their own right.
struct PartnerMembership: Sendable {
    let seed: UInt64
    let periodEnd: SimulationDay

    /// Whether the person is a customer of the partner.
    func isCustomer(_ person: Person, of partner: SimulatedPartner) -> Bool {
        var random = SplitMix64(
            seed: seed, stream: .partnerMembership, index: UInt64(person.index), subindex: UInt64(partner.ordinal))
        return random.chance(partner.participation[person.nationality] ?? 0)
    }

    /// When the relationship started: after the person turned 18, within the last twelve years, at least
    /// 45 days before the end of the period. Nil when the person turned 18 too recently.
    func since(_ person: Person, at partner: SimulatedPartner) -> SimulationDay? {
        var random = SplitMix64(
            seed: seed, stream: .partnerMembership, index: UInt64(person.index), subindex: 100 + UInt64(partner.ordinal)
        )
        let adult = SimulationDay(
            year: person.birthDate.year + 18, month: person.birthDate.month,
            day: min(
                person.birthDate.day,
                SimulationDay.daysInMonth(year: person.birthDate.year + 18, month: person.birthDate.month)))
        let earliest = max(adult, periodEnd.adding(days: -12 * 365))
        let latest = periodEnd.adding(days: -45)
        guard earliest < latest else { return nil }
        // Recent relationships are more common than old ones (customers churn).
        let span = latest.ordinal - earliest.ordinal
        let offset = Int(Double(span) * (1 - random.unit() * random.unit()))
        return earliest.adding(days: offset)
    }

    /// The partner's view of the person (account 0), or of a second account (account 1) opened later.
    func view(_ person: Person, at partner: SimulatedPartner, since: SimulationDay, account: Int = 0) -> PartnerView {
        var random = SplitMix64(
            seed: seed, stream: .partnerView, index: UInt64(person.index),
            subindex: UInt64(partner.ordinal) * 8 + UInt64(account))
        return PartnerViewFactory.view(of: person, at: partner, since: since, using: &random)
    }
}

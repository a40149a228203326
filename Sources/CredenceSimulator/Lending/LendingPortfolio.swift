import CredencePrimitives
import Foundation

/// Opens a person's accounts at a lender: cards and auto loans at the bank, personal loans and pay-later
/// plans at the consumer-finance lender. Limits and rates depend on the latent risk the way a lender's own
/// underwriting would make them (riskier people get smaller limits and dearer loans).
struct LendingPortfolio {
    let configuration: SimulationConfiguration
    let identifiers: IdentifierFactory

    /// Months of history simulated before the first reported month: enough for the 24-month payment
    /// history and for delinquencies that started earlier.
    static let warmUpMonths = 36

    func accounts(
        of person: Person, householdMembers: ArraySlice<Person>, at lender: SimulatedPartner, since: SimulationDay,
        using random: inout SplitMix64
    ) -> [CreditAccount] {
        var plans: [(CreditProduct, SimulationDay)] = []
        let end = configuration.periodEnd
        let lastOpening = end.adding(days: -20)
        guard since < lastOpening else { return [] }
        func openingDay(notBefore earliest: SimulationDay) -> SimulationDay {
            let start = max(earliest, since)
            return start.adding(days: random.below(max(1, lastOpening.ordinal - start.ordinal)))
        }
        if lender.layout == .metro2NewlineDelimited {
            let cards = 1 + random.geometric(continuing: 0.3, cap: 2)
            for _ in 0..<cards { plans.append((.creditCard, openingDay(notBefore: since))) }
            if random.chance(0.3) { plans.append((.autoLoan, openingDay(notBefore: end.adding(days: -2000)))) }
        } else {
            if random.chance(0.6) { plans.append((.personalLoan, openingDay(notBefore: end.adding(days: -1500)))) }
            if plans.isEmpty || random.chance(0.5) {
                let count = 1 + random.geometric(continuing: 0.4, cap: 2)
                for _ in 0..<count { plans.append((.payLaterPlan, openingDay(notBefore: end.adding(days: -540)))) }
            }
        }
        var accounts: [CreditAccount] = []
        let warmStart = configuration.firstReportingMonth.adding(-Self.warmUpMonths)
        for (ordinal, plan) in plans.enumerated() {
            let (product, opened) = plan
            let terms = terms(for: product, risk: person.latentRisk, using: &random)
            let simulator = AccountHistorySimulator(
                product: product, opened: opened, amount: terms.amount, termMonths: terms.months,
                annualRate: terms.rate, risk: person.latentRisk)
            let months = simulator.simulate(
                from: max(opened.simulationMonth, warmStart), through: configuration.endMonth, using: &random)
            guard !months.isEmpty else { continue }
            let number = identifiers.partnerNumber(
                namespace: UInt64(lender.ordinal) * 100 + 1, slot: UInt64(person.index) * 16 + UInt64(ordinal),
                digits: 12)
            let prefix = lender.layout == .metro2NewlineDelimited ? "7100" : "8800"
            accounts.append(
                CreditAccount(
                    lenderOrdinal: lender.ordinal, accountNumber: prefix + SimulationDay.padded(Int(number), 12),
                    product: product, opened: opened, creditLimit: product.isRevolving ? terms.amount : 0,
                    originalAmount: terms.amount, termMonths: terms.months,
                    associated: product == .creditCard
                        ? associatedConsumer(of: person, among: householdMembers, using: &random) : nil,
                    months: months))
        }
        return accounts
    }

    private func terms(for product: CreditProduct, risk: Double, using random: inout SplitMix64)
        -> (amount: Int, months: Int?, rate: Double)
    {
        switch product {
        case .creditCard:
            let limit = exp(8.4 - 0.35 * risk + 0.5 * random.gaussian())
            return (max(300, Int(limit / 100) * 100), nil, 0.24)
        case .autoLoan:
            let amount = Int(exp(9.9 + 0.35 * random.gaussian()) / 100) * 100
            return (amount, random.pick([36, 48, 60, 72]), max(0.03, 0.07 + 0.02 * risk))
        case .personalLoan:
            let amount = Int(exp(8.5 + 0.5 * random.gaussian()) / 50) * 50
            return (max(500, amount), random.pick([12, 24, 36, 48, 60]), max(0.06, 0.14 + 0.03 * risk))
        case .payLaterPlan:
            let amount = Int(exp(6.3 + 0.5 * random.gaussian()))
            return (max(60, amount), random.pick([3, 6, 12]), 0)
        }
    }

    /// A spouse or other adult of the household on one card in eight: a joint holder or an authorized user.
    private func associatedConsumer(
        of person: Person, among members: ArraySlice<Person>, using random: inout SplitMix64
    ) -> AssociatedConsumer? {
        let others = members.filter { $0.index != person.index }
        guard !others.isEmpty, random.chance(0.125) else { return nil }
        return AssociatedConsumer(personIndex: random.pick(others).index, ecoaCode: random.chance(0.4) ? "2" : "3")
    }
}

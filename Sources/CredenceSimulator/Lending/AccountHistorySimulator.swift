import CredencePrimitives
import Foundation

/// Simulates an account month by month: payments made or missed, delinquency rolling forward or curing,
/// charge-off after 180 days, pay-off, settlement. Every transition probability comes from ``RiskModel``
/// and the person's latent risk.
struct AccountHistorySimulator {
    let product: CreditProduct
    let opened: SimulationDay
    /// Credit limit (revolving) or amount financed (instalment), whole dollars.
    let amount: Int
    let termMonths: Int?
    /// Annual percentage rate as a fraction.
    let annualRate: Double
    let risk: Double

    /// Months from `start` (the opening month, or later for an old account whose early history does not
    /// matter) through `end`. An account that is paid off or settled ends with that month.
    func simulate(from start: SimulationMonth, through end: SimulationMonth, using random: inout SplitMix64)
        -> [AccountMonth]
    {
        var months: [AccountMonth] = []
        var bucket = 0
        var balance = product.isRevolving ? 0 : amount
        var firstDelinquency: SimulationDay?
        var lastPayment: SimulationDay?
        var chargedOff = false
        var chargeOffAmount = 0
        let utilizationNoise = random.gaussian()
        let openedMonth = opened.simulationMonth
        if start > openedMonth, let termMonths {
            // An old instalment loan enters the simulated window part-way through its term.
            let elapsed = start.index - openedMonth.index
            guard elapsed < termMonths else { return [] }
            balance = amount * (termMonths - elapsed) / termMonths
        }
        var month = start
        while month <= end {
            let noData = month != end && random.chance(0.01)
            let paymentDay = month.day(min(random.between(1...28), month.dayCount))
            if month == openedMonth {
                balance = product.isRevolving ? Int(Double(amount) * 0.1 * random.unit()) : amount
                months.append(
                    AccountMonth(
                        month: month, condition: .open(daysPastDueBucket: 0), balance: balance, pastDue: 0,
                        scheduledPayment: scheduledPayment(balance: balance), actualPayment: 0, lastPaymentDay: nil,
                        firstDelinquency: nil, chargeOffAmount: 0, noData: false))
                month = month.adding(1)
                continue
            }
            if chargedOff {
                if random.chance(0.02) {
                    months.append(
                        AccountMonth(
                            month: month, condition: .settledAfterChargeOff, balance: 0, pastDue: 0,
                            scheduledPayment: 0,
                            actualPayment: balance / 2, lastPaymentDay: paymentDay, firstDelinquency: firstDelinquency,
                            chargeOffAmount: chargeOffAmount, noData: false))
                    return months
                }
                months.append(
                    AccountMonth(
                        month: month, condition: .chargedOff, balance: balance, pastDue: balance, scheduledPayment: 0,
                        actualPayment: 0, lastPaymentDay: lastPayment, firstDelinquency: firstDelinquency,
                        chargeOffAmount: chargeOffAmount, noData: noData))
                month = month.adding(1)
                continue
            }
            var scheduled = scheduledPayment(balance: balance)
            var actual = 0
            if bucket == 0 {
                if random.chance(RiskModel.missedPaymentProbability(risk)) {
                    bucket = 1
                    firstDelinquency = month.day(min(15, month.dayCount))
                } else {
                    actual = scheduled
                }
            } else if random.chance(RiskModel.cureProbability(risk)) {
                actual = scheduled * (bucket + 1)
                bucket = 0
                firstDelinquency = nil
            } else if random.chance(RiskModel.rollForwardProbability(risk)) {
                bucket += 1
            } else {
                actual = scheduled
            }
            if actual > 0 { lastPayment = paymentDay }
            if product.isRevolving {
                if bucket == 0 {
                    let monthly = utilizationNoise + 0.3 * random.gaussian()
                    balance = Int(Double(amount) * RiskModel.utilization(risk, noise: monthly))
                } else {
                    balance = min(balance + balance / 50 + 35, amount + amount / 10)
                }
                scheduled = scheduledPayment(balance: balance)
            } else if actual > 0 {
                let interest = Int(Double(balance) * annualRate / 12)
                balance -= max(actual - interest, 0)
                if balance <= 0 || random.chance(0.01) {
                    months.append(
                        AccountMonth(
                            month: month, condition: .paidOff, balance: 0, pastDue: 0, scheduledPayment: scheduled,
                            actualPayment: actual + max(balance, 0), lastPaymentDay: paymentDay, firstDelinquency: nil,
                            chargeOffAmount: 0, noData: false))
                    return months
                }
            }
            if bucket > 6 {
                chargedOff = true
                chargeOffAmount = balance
                months.append(
                    AccountMonth(
                        month: month, condition: .chargedOff, balance: balance, pastDue: balance, scheduledPayment: 0,
                        actualPayment: 0, lastPaymentDay: lastPayment, firstDelinquency: firstDelinquency,
                        chargeOffAmount: chargeOffAmount, noData: false))
            } else {
                months.append(
                    AccountMonth(
                        month: month, condition: .open(daysPastDueBucket: bucket), balance: balance,
                        pastDue: bucket == 0 ? 0 : scheduled * bucket, scheduledPayment: scheduled,
                        actualPayment: actual,
                        lastPaymentDay: lastPayment, firstDelinquency: firstDelinquency, chargeOffAmount: 0,
                        noData: noData))
            }
            month = month.adding(1)
        }
        return months
    }

    /// The monthly payment due: the amortized instalment, or a card's minimum (2% of the balance, $25).
    private func scheduledPayment(balance: Int) -> Int {
        if product.isRevolving { return balance == 0 ? 0 : max(25, balance / 50) }
        guard let termMonths, termMonths > 0 else { return balance }
        let rate = annualRate / 12
        if rate == 0 { return (amount + termMonths - 1) / termMonths }
        let factor = pow(1 + rate, Double(termMonths))
        return Int((Double(amount) * rate * factor / (factor - 1)).rounded(.up))
    }
}

import Foundation

/// The hidden risk model: one latent risk per person drives every credit behaviour in the exports and the
/// later default outcome. It is documented in `docs/simulation.md` so that evaluations know what a perfect
/// scorer could achieve, and it is hidden only in the sense that nothing in the exports states it.
///
/// The latent risk `z` is a standard normal draw from its own random stream, independent of sex, age,
/// nationality, address and household: no protected attribute can drive risk. Each behaviour is a logistic
/// function of `z`; the outcome is drawn after the period from another stream, so the exports are noisy
/// evidence of `z` and the outcome is a fresh draw, not a function of the exported history.
enum RiskModel {
    /// P(default within 12 months after the period) = logistic(-3.0 + 1.3 z): about 9% on average.
    static func defaultProbability(_ risk: Double) -> Double { logistic(-3.0 + 1.3 * risk) }

    /// A current account misses its payment this month (becomes 30 days past due).
    static func missedPaymentProbability(_ risk: Double) -> Double { logistic(-4.6 + 1.2 * risk) }

    /// A delinquent account is brought current this month.
    static func cureProbability(_ risk: Double) -> Double { logistic(0.4 - 0.9 * risk) }

    /// A delinquent account that is not cured falls one more bucket behind (otherwise it stays, paying
    /// just enough to hold its place).
    static func rollForwardProbability(_ risk: Double) -> Double { logistic(-0.4 + 0.8 * risk) }

    /// Share of a revolving limit in use, with account-level noise `noise` (standard normal).
    static func utilization(_ risk: Double, noise: Double) -> Double { logistic(-0.6 + 0.9 * risk + 0.6 * noise) }

    /// A card payment attempt at a marketplace fails (insufficient funds, declined).
    static func paymentFailureProbability(_ risk: Double) -> Double { logistic(-3.6 + 1.0 * risk) }

    /// An order is disputed by the buyer as not received or not as described ("friendly fraud" included).
    static func buyerDisputeProbability(_ risk: Double) -> Double { logistic(-5.2 + 1.1 * risk) }

    /// A buyer dispute ends with the merchant winning (the consumer loses the chargeback).
    static func merchantWinsProbability(_ risk: Double) -> Double { logistic(-0.2 + 0.9 * risk) }

    /// A pay-later instalment is paid after its due date.
    static func lateInstalmentProbability(_ risk: Double) -> Double { logistic(-2.4 + 1.2 * risk) }

    /// A pay-later instalment is never paid within the period.
    static func unpaidInstalmentProbability(_ risk: Double) -> Double { logistic(-4.8 + 1.6 * risk) }

    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}

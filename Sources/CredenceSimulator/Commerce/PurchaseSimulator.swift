import CredencePrimitives
import CredenceProtocol
import Foundation

/// Simulates a customer account's purchases over the last year of the period: what was bought, how it was
/// paid, declined attempts, refunds, chargebacks and deferred instalments. Declines, buyer disputes and
/// their outcomes, and late or unpaid instalments follow ``RiskModel``; refunds and fraud disputes (someone
/// else using the card) do not.
struct PurchaseSimulator {
    let currency: String
    let paymentMethods: [(method: PaymentMethod, weight: Double)]
    let periodEnd: SimulationDay
    let risk: Double

    init(partner: SimulatedPartner, periodEnd: SimulationDay, risk: Double) {
        currency = partner.currency?.rawValue ?? "USD"
        self.periodEnd = periodEnd
        self.risk = risk
        switch (partner.layout, currency) {
        case (.shopifyJSONLines, "CNY"):
            paymentMethods = [
                (.gateway("alipay"), 40), (.gateway("wechat_pay"), 35), (.card, 13), (.terms, 12),
            ]
        case (.shopifyJSONLines, _):
            paymentMethods = [
                (.card, 60), (.gateway("paypal"), 14), (.payLater("klarna"), 5), (.payLater("afterpay"), 4),
                (.payLater("affirm"), 4), (.payLater("shop_pay_installments"), 3), (.terms, 10),
            ]
        default:
            paymentMethods = [
                (.card, 82), (.payLater("klarna"), 6), (.payLater("afterpay_clearpay"), 6), (.payLater("affirm"), 6),
            ]
        }
    }

    private static let usdProducts = [
        "Wireless Earbuds", "Trail Running Shoes", "Burr Coffee Grinder", "Cork Yoga Mat", "Phone Case",
        "LED Desk Lamp", "Canvas Backpack", "Insulated Water Bottle", "Bluetooth Speaker", "Wool Throw Blanket",
        "Vitamin D3 Supplement", "Prenatal Multivitamin", "Chess Set", "Cast Iron Skillet", "Rain Jacket",
    ]
    private static let cnyProducts = [
        "蓝牙耳机", "运动鞋", "保温杯", "手机壳", "电饭煲", "羽绒服", "护肤套装", "茶叶礼盒", "儿童绘本", "充电宝",
        "空气净化器", "瑜伽垫", "维生素C片", "孕妇叶酸片",
    ]

    /// Purchases of one account that became a customer on `since`, numbered from 0.
    func purchases(since: SimulationDay, using random: inout SplitMix64) -> [Purchase] {
        let windowStart = max(since, periodEnd.adding(days: -365))
        let span = periodEnd.ordinal - windowStart.ordinal
        guard span > 0 else { return [] }
        let count = 1 + random.geometric(continuing: 0.65, cap: 14)
        var placements = (0..<count).map { _ in
            windowStart.adding(days: random.below(span)).unixSeconds(at: random.between(7 * 3600...23 * 3600))
        }
        placements.sort()
        return placements.enumerated().map { purchase(sequence: $0.offset, placedAt: $0.element, using: &random) }
    }

    private func purchase(sequence: Int, placedAt: Int64, using random: inout SplitMix64) -> Purchase {
        let products = currency == "CNY" ? Self.cnyProducts : Self.usdProducts
        let logMean = currency == "CNY" ? 5.0 : 3.5
        var items: [PurchaseItem] = []
        for _ in 0..<(1 + random.geometric(continuing: 0.3, cap: 3)) {
            let price = max(1, Int64(exp(logMean + 0.7 * random.gaussian()) * 100 / 10) * 10)
            items.append(
                PurchaseItem(
                    title: random.pick(products), quantity: 1 + random.geometric(continuing: 0.2, cap: 2),
                    unitPrice: price))
        }
        let method = paymentMethods[random.weighted(paymentMethods.map(\.weight))].method
        let end = periodEnd.unixSeconds(at: 86_399)
        var failed: [FailedAttempt] = []
        if method == .card || method == .gateway("paypal") {
            while failed.count < 2, random.chance(RiskModel.paymentFailureProbability(risk)) {
                failed.append(
                    FailedAttempt(
                        at: placedAt - Int64(60 * (failed.count + 1)),
                        code: random.pick(["card_declined", "insufficient_funds", "expired_card", "incorrect_cvc"])))
            }
        }
        let total = items.reduce(0) { $0 + Int64($1.quantity) * $1.unitPrice }
        var refund: RefundPlan?
        if random.chance(0.06) {
            let at = placedAt + Int64(random.between(2...30)) * 86_400
            if at < end {
                refund = RefundPlan(
                    at: at, amount: random.chance(0.6) ? total : max(1, total / 100 * Int64(random.between(20...80))))
            }
        }
        var dispute: DisputePlan?
        if method == .card {
            dispute = disputePlan(placedAt: placedAt, end: end, using: &random)
        }
        var instalments: [InstalmentPlan] = []
        if method == .terms {
            instalments = instalmentPlans(total: total, placedAt: placedAt, end: end, using: &random)
        }
        return Purchase(
            sequence: sequence, placedAt: placedAt, items: items, method: method, failedAttempts: failed,
            refund: refund, dispute: dispute, instalments: instalments)
    }

    private func disputePlan(placedAt: Int64, end: Int64, using random: inout SplitMix64) -> DisputePlan? {
        let fraud = random.chance(0.002)
        guard fraud || random.chance(RiskModel.buyerDisputeProbability(risk)) else { return nil }
        let initiatedAt = placedAt + Int64(random.between(7...60)) * 86_400
        guard initiatedAt < end else { return nil }
        let reason: (String, String) =
            fraud
            ? random.pick([("fraudulent", "10.4"), ("unrecognized", "10.4")])
            : random.pick([
                ("product_not_received", "13.1"), ("product_not_received", "13.1"), ("product_unacceptable", "13.3"),
                ("credit_not_processed", "13.6"), ("subscription_canceled", "13.2"), ("general", "4853"),
            ])
        let evidenceDueBy = initiatedAt + 21 * 86_400
        let finalizedAt = initiatedAt + Int64(random.between(25...75)) * 86_400
        guard finalizedAt < end else {
            return DisputePlan(
                initiatedAt: initiatedAt, reason: reason.0, networkReasonCode: reason.1,
                status: random.chance(0.5) ? "needs_response" : "under_review", evidenceDueBy: evidenceDueBy,
                finalizedAt: nil)
        }
        // The merchant usually loses a fraud dispute; a buyer dispute is won by the merchant (lost by the
        // consumer) more often the riskier the buyer.
        let merchantWins = fraud ? random.chance(0.2) : random.chance(RiskModel.merchantWinsProbability(risk))
        return DisputePlan(
            initiatedAt: initiatedAt, reason: reason.0, networkReasonCode: reason.1,
            status: merchantWins ? "won" : "lost", evidenceDueBy: evidenceDueBy, finalizedAt: finalizedAt)
    }

    /// Net 30 (one instalment) or three monthly instalments; each is paid on time, late, or not at all.
    private func instalmentPlans(total: Int64, placedAt: Int64, end: Int64, using random: inout SplitMix64)
        -> [InstalmentPlan]
    {
        let count = random.chance(0.6) ? 1 : 3
        var plans: [InstalmentPlan] = []
        var remaining = total
        for number in 1...count {
            let amount = number == count ? remaining : total / Int64(count)
            remaining -= amount
            let dueAt = placedAt + Int64(30 * number) * 86_400
            var paidAt: Int64?
            if random.chance(RiskModel.unpaidInstalmentProbability(risk)) {
                paidAt = nil
            } else if random.chance(RiskModel.lateInstalmentProbability(risk)) {
                paidAt = dueAt + Int64(random.between(1...60)) * 86_400 + Int64(random.below(86_400))
            } else {
                paidAt = dueAt - Int64(random.between(0...12)) * 86_400 - Int64(random.below(86_400))
            }
            if let paid = paidAt, paid > end { paidAt = nil }
            plans.append(InstalmentPlan(amount: amount, dueAt: dueAt, paidAt: paidAt))
        }
        return plans
    }
}

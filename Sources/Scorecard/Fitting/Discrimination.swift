/// How well scores separate goods from bads, where a higher score means safer.
public struct Discrimination: Sendable, Equatable {
    /// The chance that a random good scores above a random bad, ties counting half.
    public let auc: Double
    /// 2 · AUC − 1.
    public let gini: Double
    /// Kolmogorov–Smirnov: the largest gap, over score thresholds, between the share of bads and the share of
    /// goods scoring at or below the threshold.
    public let ks: Double

    /// Measured on `scores` with outcomes `isBad`; 0.5, 0 and 0 when either outcome is absent.
    public init(scores: [Double], isBad: [Bool]) {
        precondition(scores.count == isBad.count, "one outcome per score")
        let bads = isBad.filter { $0 }.count
        let goods = isBad.count - bads
        guard bads > 0, goods > 0 else {
            (auc, gini, ks) = (0.5, 0, 0)
            return
        }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var badsBelow = 0
        var goodsBelow = 0
        var pairs = 0.0
        var largestGap = 0.0
        var position = 0
        while position < order.count {
            let score = scores[order[position]]
            var groupBads = 0
            var groupGoods = 0
            while position < order.count, scores[order[position]] == score {
                if isBad[order[position]] { groupBads += 1 } else { groupGoods += 1 }
                position += 1
            }
            pairs += Double(groupGoods) * (Double(badsBelow) + 0.5 * Double(groupBads))
            badsBelow += groupBads
            goodsBelow += groupGoods
            largestGap = max(largestGap, abs(Double(badsBelow) / Double(bads) - Double(goodsBelow) / Double(goods)))
        }
        auc = pairs / (Double(goods) * Double(bads))
        gini = 2 * auc - 1
        ks = largestGap
    }
}

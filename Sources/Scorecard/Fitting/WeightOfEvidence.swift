#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Weight of evidence and information value of a binned feature.
///
/// WoE of a bin = ln((goods in bin / all goods) / (bads in bin / all bads)): positive where goods are
/// over-represented. IV = Σ (goods share − bads share) · WoE over the bins (the missing values' bin included).
/// A bin without goods or without bads would have an infinite WoE: for such a bin only, half a good and half
/// a bad are added to its counts (the totals stay as they are), so it gets a large but finite WoE.
public enum WeightOfEvidence {
    /// The WoE of every bin and the feature's IV, from the bins' good and bad counts.
    public static func table(goods: [Int], bads: [Int]) -> (woe: [Double], informationValue: Double) {
        precondition(goods.count == bads.count, "one good and one bad count per bin")
        let totalGoods = Double(goods.reduce(0, +))
        let totalBads = Double(bads.reduce(0, +))
        guard totalGoods > 0, totalBads > 0 else { return (Array(repeating: 0, count: goods.count), 0) }
        var woe: [Double] = []
        var informationValue = 0.0
        for (good, bad) in zip(goods, bads) {
            let smoothing = good == 0 || bad == 0 ? 0.5 : 0
            let goodShare = (Double(good) + smoothing) / totalGoods
            let badShare = (Double(bad) + smoothing) / totalBads
            let weight = log(goodShare / badShare)
            woe.append(weight)
            informationValue += (goodShare - badShare) * weight
        }
        return (woe, informationValue)
    }
}

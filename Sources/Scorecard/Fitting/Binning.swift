/// A column cut into bins for the scorecard: the bins' ranges and counts, the missing values' counts, and
/// the bin of every training row.
public struct BinnedColumn: Sendable {
    public let name: String
    public let kind: ScorecardFeature.Kind
    /// Numeric: intervals from below to above. Categorical: value sets in increasing bad rate (the other bin is
    /// added when the model is built: no training row falls in it).
    public let ranges: [ScorecardBin.Range]
    public let goods: [Int]
    public let bads: [Int]
    public let missingGoods: Int
    public let missingBads: Int
    /// The direction of the bad rate over the numeric bins.
    public let trend: BadRateTrend?
    /// Row `r`'s bin, or -1 for a missing value.
    let rowBins: [Int32]

    /// The bins' bad rates in order.
    public var badRates: [Double] {
        zip(goods, bads).map { good, bad in good + bad > 0 ? Double(bad) / Double(good + bad) : 0 }
    }

    /// The bins' WoE, the missing bin's WoE (0 without missing values) and the IV.
    public var weightOfEvidence: (bins: [Double], missing: Double, informationValue: Double) {
        let hasMissing = missingGoods + missingBads > 0
        let table = WeightOfEvidence.table(
            goods: goods + (hasMissing ? [missingGoods] : []), bads: bads + (hasMissing ? [missingBads] : []))
        return (Array(table.woe.prefix(goods.count)), hasMissing ? table.woe.last! : 0, table.informationValue)
    }
}

/// Binning settings: fine quantile bins first, then merged into coarse bins.
public struct BinningSettings: Sendable, Equatable {
    /// About this many equal-count bins before merging.
    public var fineBinCount = 20
    /// A coarse bin holds at least this share of all training rows.
    public var minimumBinShare = 0.05

    public init(fineBinCount: Int = 20, minimumBinShare: Double = 0.05) {
        self.fineBinCount = fineBinCount
        self.minimumBinShare = minimumBinShare
    }
}

/// Fine-then-coarse binning with a monotonic bad rate.
///
/// Numeric columns: equal-count fine bins (a run of equal values is never split), then adjacent bins are
/// pooled until the bad rate strictly increases (or decreases) from bin to bin, in the declared direction or,
/// without one, the direction that fits the fine bins' bad rates better (least weighted squared error).
/// Categorical columns: one fine bin per value, ordered by bad rate. Then, for both, the smallest bin below
/// the minimum share, and any bin without goods or without bads, is merged with the neighbour whose bad rate
/// is closest, until none is left (merging neighbours keeps the bad rates monotonic).
public enum Binning {
    /// Bins a numeric column (NaN is missing) against `isBad`.
    public static func numeric(
        name: String, values: [Double], isBad: [Bool], trend declared: BadRateTrend?, settings: BinningSettings
    ) -> BinnedColumn {
        let present = values.indices.filter { !values[$0].isNaN }.sorted { values[$0] < values[$1] }
        let fine = fineBins(sortedRows: present, values: values, isBad: isBad, count: settings.fineBinCount)
        let candidates = declared.map { [$0] } ?? BadRateTrend.allCases
        let pooled = candidates.map { trend in (trend, poolAdjacentViolators(fine.counts, trend: trend)) }
        let (trend, groups) = pooled.min { squaredError(fine.counts, $0.1) < squaredError(fine.counts, $1.1) }!
        let merged = mergeSmallAndPure(groups, fine: fine.counts, minimumCount: minimumCount(values.count, settings))
        let lowers = merged.map { fine.lowers[$0.lowerBound] }
        let ranges = merged.indices.map { index in
            ScorecardBin.Range.interval(
                lower: lowers[index], upper: index + 1 < merged.count ? lowers[index + 1] : nil)
        }
        let thresholds = lowers.dropFirst().map { $0! }
        let rowBins = values.map { value -> Int32 in
            value.isNaN ? -1 : Int32(thresholds.partitioningIndex { value < $0 })
        }
        return column(name: name, kind: .numeric, ranges: ranges, rowBins: rowBins, isBad: isBad, trend: trend)
    }

    /// Bins a categorical column (code -1 is missing) against `isBad`.
    public static func categorical(
        name: String, codes: [Int32], categories: [String], isBad: [Bool], settings: BinningSettings
    ) -> BinnedColumn {
        var counts = Array(repeating: OutcomeCounts(), count: categories.count)
        for (row, code) in codes.enumerated() where code >= 0 { counts[Int(code)].add(isBad: isBad[row]) }
        let order = categories.indices.filter { counts[$0].count > 0 }.sorted {
            counts[$0].badRate != counts[$1].badRate
                ? counts[$0].badRate < counts[$1].badRate : categories[$0] < categories[$1]
        }
        let fine = order.map { counts[$0] }
        let merged = mergeSmallAndPure(
            fine.indices.map { $0..<$0 + 1 }, fine: fine, minimumCount: minimumCount(codes.count, settings))
        var binOfCategory = Array(repeating: Int32(-1), count: categories.count)
        for (bin, group) in merged.enumerated() {
            for position in group { binOfCategory[order[position]] = Int32(bin) }
        }
        let ranges = merged.map { group in ScorecardBin.Range.categories(group.map { categories[order[$0]] }) }
        let rowBins = codes.map { $0 < 0 ? -1 : binOfCategory[Int($0)] }
        return column(name: name, kind: .categorical, ranges: ranges, rowBins: rowBins, isBad: isBad, trend: nil)
    }

    /// Equal-count bins over rows sorted by value: each bin takes whole runs of equal values until it holds at
    /// least 1/`count` of the rows. `lowers[i]` is bin i's smallest value (nil for the first: open below).
    static func fineBins(sortedRows: [Int], values: [Double], isBad: [Bool], count: Int)
        -> (lowers: [Double?], counts: [OutcomeCounts])
    {
        guard !sortedRows.isEmpty else { return ([nil], [OutcomeCounts()]) }
        let target = max(1, (sortedRows.count + count - 1) / count)
        var lowers: [Double?] = [nil]
        var counts = [OutcomeCounts()]
        var position = 0
        while position < sortedRows.count {
            let value = values[sortedRows[position]]
            if counts[counts.count - 1].count >= target {
                lowers.append(value)
                counts.append(OutcomeCounts())
            }
            while position < sortedRows.count, values[sortedRows[position]] == value {
                counts[counts.count - 1].add(isBad: isBad[sortedRows[position]])
                position += 1
            }
        }
        return (lowers, counts)
    }

    /// Pools adjacent fine bins until the bad rate moves strictly in `trend`'s direction: ranges of fine bins.
    static func poolAdjacentViolators(_ fine: [OutcomeCounts], trend: BadRateTrend) -> [Range<Int>] {
        var blocks: [(range: Range<Int>, counts: OutcomeCounts)] = []
        for (index, counts) in fine.enumerated() {
            blocks.append((index..<index + 1, counts))
            while blocks.count >= 2 {
                let previous = blocks[blocks.count - 2].counts.badRate
                let last = blocks[blocks.count - 1].counts.badRate
                let ordered = trend == .increasing ? previous < last : previous > last
                if ordered { break }
                let top = blocks.removeLast()
                blocks[blocks.count - 1].range = blocks[blocks.count - 1].range.lowerBound..<top.range.upperBound
                blocks[blocks.count - 1].counts = blocks[blocks.count - 1].counts + top.counts
            }
        }
        return blocks.map(\.range)
    }

    /// Σ count · (fine bad rate − its group's bad rate)²: how far the monotonic groups are from the fine bins.
    static func squaredError(_ fine: [OutcomeCounts], _ groups: [Range<Int>]) -> Double {
        groups.reduce(0) { error, group in
            let rate = total(fine, group).badRate
            return error
                + group.reduce(0) { sum, index in
                    let difference = fine[index].badRate - rate
                    return sum + Double(fine[index].count) * difference * difference
                }
        }
    }

    /// Merges the smallest group under `minimumCount`, or a group without goods or without bads, into the
    /// neighbour with the closer bad rate, until every group is large enough and has both outcomes.
    static func mergeSmallAndPure(_ groups: [Range<Int>], fine: [OutcomeCounts], minimumCount: Int) -> [Range<Int>] {
        var groups = groups
        while groups.count > 1 {
            let counts = groups.map { total(fine, $0) }
            let small = counts.indices.filter { counts[$0].count < minimumCount }
            let pure = counts.indices.filter { counts[$0].goods == 0 || counts[$0].bads == 0 }
            guard let index = small.min(by: { counts[$0].count < counts[$1].count }) ?? pure.first else { break }
            let rate = counts[index].badRate
            let neighbour: Int
            if index == 0 {
                neighbour = 1
            } else if index == groups.count - 1 {
                neighbour = index - 1
            } else {
                let below = abs(counts[index - 1].badRate - rate)
                let above = abs(counts[index + 1].badRate - rate)
                neighbour = below <= above ? index - 1 : index + 1
            }
            let first = min(index, neighbour)
            groups[first] = groups[first].lowerBound..<groups[first + 1].upperBound
            groups.remove(at: first + 1)
        }
        return groups
    }

    private static func total(_ fine: [OutcomeCounts], _ group: Range<Int>) -> OutcomeCounts {
        fine[group].reduce(OutcomeCounts(), +)
    }

    private static func minimumCount(_ rows: Int, _ settings: BinningSettings) -> Int {
        Int((Double(rows) * settings.minimumBinShare).rounded(.up))
    }

    private static func column(
        name: String, kind: ScorecardFeature.Kind, ranges: [ScorecardBin.Range], rowBins: [Int32], isBad: [Bool],
        trend: BadRateTrend?
    ) -> BinnedColumn {
        var counts = Array(repeating: OutcomeCounts(), count: ranges.count)
        var missing = OutcomeCounts()
        for (row, bin) in rowBins.enumerated() {
            if bin < 0 { missing.add(isBad: isBad[row]) } else { counts[Int(bin)].add(isBad: isBad[row]) }
        }
        return BinnedColumn(
            name: name, kind: kind, ranges: ranges, goods: counts.map(\.goods), bads: counts.map(\.bads),
            missingGoods: missing.goods, missingBads: missing.bads, trend: ranges.count > 1 ? trend : nil,
            rowBins: rowBins)
    }
}

extension Array {
    /// The first index whose element satisfies `belongsAbove`, for an array where every element satisfying it
    /// comes after every element that does not (binary search).
    func partitioningIndex(where belongsAbove: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsAbove(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

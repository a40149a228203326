/// Feature values of many people, column by column (all of one feature, then the next): the layout a
/// compiled scorecard reads a feature at a time, one cache-friendly run per column.
public struct FeatureMatrix: Sendable {
    public let rowCount: Int
    public let featureCount: Int
    /// Feature `f` of row `r` at `f · rowCount + r`. NaN is a missing value; a categorical feature holds the
    /// code ``CompiledScorecard/encode(_:feature:)`` gives its value.
    public var values: [Double]

    /// A matrix of missing values.
    public init(rowCount: Int, featureCount: Int) {
        self.rowCount = rowCount
        self.featureCount = featureCount
        values = Array(repeating: .nan, count: rowCount * featureCount)
    }

    public subscript(feature feature: Int, row row: Int) -> Double {
        get { values[feature * rowCount + row] }
        set { values[feature * rowCount + row] = newValue }
    }
}

/// What a compiled scorecard computed for a matrix: exact points per row, and per row the model indices of up
/// to ``ScorecardModel/maximumReasons`` features in reason order (-1 fills the unused places).
public struct CompiledScores: Sendable {
    public var points: [Double]
    public var reasonFeatures: [Int32]

    /// The feature indices of row `row`'s reasons, largest shortfall first.
    public func reasons(row: Int) -> [Int] {
        let start = row * ScorecardModel.maximumReasons
        return reasonFeatures[start..<start + ScorecardModel.maximumReasons].prefix { $0 >= 0 }.map(Int.init)
    }
}

/// A scorecard flattened for bulk scoring: every feature's bins become ascending thresholds (categorical
/// values are coded as their bin's index, with thresholds halfway between indices), so the bin of a value is
/// the number of thresholds at or below it: a branch-free count the compiler vectorizes across rows. A block
/// of rows is first turned into table indices feature by feature, then summed (and its reasons kept in four
/// registers) row by row. It scores exactly as the reference `ScorecardModel.score` does (tests compare the two).
public struct CompiledScorecard: Sendable {
    public let model: ScorecardModel
    private let basePoints: Double
    /// Feature `f`'s thresholds are `thresholds[thresholdStarts[f]..<thresholdStarts[f + 1]]`.
    private let thresholdStarts: [Int]
    private let thresholds: [Double]
    /// Feature `f`'s bin `b` is entry `tableStarts[f] + b` of ``points`` and ``shortfalls``; the entry after its
    /// last bin is its missing value.
    private let tableStarts: [Int32]
    private let missingEntries: [Int32]
    private let points: [Double]
    /// The feature's best points minus each entry's points: the reason-code shortfall.
    private let shortfalls: [Double]
    /// For categorical features: each named value's bin index, and the index of the other bin.
    private let categoryBins: [[String: Int]?]
    private let otherBins: [Int]

    /// Rows are scored a block at a time so that the block's table indices stay in the first-level cache.
    private static let blockSize = 1024
    /// The distance between two features' entries of a block: not a multiple of 4 KiB, so that the entries of
    /// one row for all features do not compete for one cache set.
    private static let entryStride = blockSize + 16

    public init(_ model: ScorecardModel) {
        self.model = model
        basePoints = model.basePoints
        var thresholdStarts = [0]
        var thresholds: [Double] = []
        var tableStarts: [Int32] = []
        var points: [Double] = []
        var categoryBins: [[String: Int]?] = []
        var otherBins: [Int] = []
        for feature in model.features {
            tableStarts.append(Int32(points.count))
            points += feature.bins.map(\.points) + [feature.missingPoints]
            switch feature.kind {
            case .numeric:
                thresholds += feature.bins.dropFirst().compactMap { bin in
                    guard case .interval(let lower?, _) = bin.range else { return nil }
                    return lower
                }
                categoryBins.append(nil)
                otherBins.append(-1)
            case .categorical:
                thresholds += (1..<feature.bins.count).map { Double($0) - 0.5 }
                var bins: [String: Int] = [:]
                for (index, bin) in feature.bins.enumerated() {
                    if case .categories(let values) = bin.range { for value in values { bins[value] = index } }
                }
                categoryBins.append(bins)
                otherBins.append(feature.bins.firstIndex { $0.range == .otherCategories } ?? 0)
            }
            thresholdStarts.append(thresholds.count)
        }
        self.thresholdStarts = thresholdStarts
        self.thresholds = thresholds
        self.tableStarts = tableStarts
        self.points = points
        self.categoryBins = categoryBins
        self.otherBins = otherBins
        missingEntries = model.features.indices.map { tableStarts[$0] + Int32(model.features[$0].bins.count) }
        shortfalls = model.features.indices.flatMap { index in
            let feature = model.features[index]
            let best = feature.bestPoints
            return (feature.bins.map(\.points) + [feature.missingPoints]).map { best - $0 }
        }
    }

    public var featureCount: Int { model.features.count }

    /// The matrix entry for `value` of feature `feature`: the number itself for a numeric feature, the bin
    /// index for a categorical one, NaN when missing.
    public func encode(_ value: FeatureValue, feature: Int) -> Double {
        guard let bins = categoryBins[feature] else { return value.number ?? .nan }
        guard let text = value.text, !text.isEmpty else { return .nan }
        return Double(bins[text] ?? otherBins[feature])
    }

    /// The points of every row, without reason codes.
    public func points(_ matrix: FeatureMatrix) -> [Double] {
        var result = [Double](repeating: basePoints, count: matrix.rowCount)
        result.withUnsafeMutableBufferPointer { result in
            points.withUnsafeBufferPointer { table in
                forEachBlock(matrix) { start, count, entries in
                    for feature in 0..<featureCount {
                        let column = entries + feature * Self.entryStride
                        for row in 0..<count { result[start + row] += table[Int(column[row])] }
                    }
                }
            }
        }
        return result
    }

    /// The points and reason codes of every row.
    public func score(_ matrix: FeatureMatrix) -> CompiledScores {
        let slots = ScorecardModel.maximumReasons
        var result = [Double](repeating: basePoints, count: matrix.rowCount)
        var reasonFeatures = [Int32](repeating: -1, count: matrix.rowCount * slots)
        let featureCount = featureCount
        result.withUnsafeMutableBufferPointer { result in
            reasonFeatures.withUnsafeMutableBufferPointer { reasonFeatures in
                points.withUnsafeBufferPointer { table in
                    shortfalls.withUnsafeBufferPointer { shortfallTable in
                        forEachBlock(matrix) { start, count, entries in
                            for row in 0..<count {
                                var total = result[start + row]
                                // The four largest shortfalls so far, largest first, and their features. Only a
                                // larger shortfall moves ahead: an equal one comes from a later feature.
                                var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
                                var (f0, f1, f2, f3): (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
                                for feature in 0..<featureCount {
                                    let entry = Int(entries[feature * Self.entryStride + row])
                                    total += table[entry]
                                    let shortfall = shortfallTable[entry]
                                    guard shortfall > s3 else { continue }
                                    let index = Int32(feature)
                                    if shortfall > s1 {
                                        (s3, f3, s2, f2) = (s2, f2, s1, f1)
                                        if shortfall > s0 {
                                            (s1, f1, s0, f0) = (s0, f0, shortfall, index)
                                        } else {
                                            (s1, f1) = (shortfall, index)
                                        }
                                    } else if shortfall > s2 {
                                        (s3, f3, s2, f2) = (s2, f2, shortfall, index)
                                    } else {
                                        (s3, f3) = (shortfall, index)
                                    }
                                }
                                result[start + row] = total
                                let slot = (start + row) * slots
                                (reasonFeatures[slot], reasonFeatures[slot + 1]) = (f0, f1)
                                (reasonFeatures[slot + 2], reasonFeatures[slot + 3]) = (f2, f3)
                            }
                        }
                    }
                }
            }
        }
        return CompiledScores(points: result, reasonFeatures: reasonFeatures)
    }

    /// Calls `body` for every block of rows with the table entry of every feature of every row in the block:
    /// feature `f` of the block's row `r` at `entries[f · entryStride + r]`.
    private func forEachBlock(
        _ matrix: FeatureMatrix,
        _ body: (_ start: Int, _ count: Int, _ entries: UnsafeMutablePointer<Int32>) -> Void
    ) {
        precondition(matrix.featureCount == featureCount, "one matrix column per model feature")
        let rowCount = matrix.rowCount
        var entries = [Int32](repeating: 0, count: Self.entryStride * max(featureCount, 1))
        matrix.values.withUnsafeBufferPointer { values in
            thresholds.withUnsafeBufferPointer { thresholds in
                entries.withUnsafeMutableBufferPointer { entries in
                    let entries = entries.baseAddress!
                    for start in stride(from: 0, to: rowCount, by: Self.blockSize) {
                        let count = min(Self.blockSize, rowCount - start)
                        for feature in 0..<featureCount {
                            let column = values.baseAddress! + feature * rowCount + start
                            let featureEntries = entries + feature * Self.entryStride
                            let first = tableStarts[feature]
                            for row in 0..<count { featureEntries[row] = first }
                            for threshold in thresholds[thresholdStarts[feature]..<thresholdStarts[feature + 1]] {
                                for row in 0..<count { featureEntries[row] &+= column[row] >= threshold ? 1 : 0 }
                            }
                            let missing = missingEntries[feature]
                            for row in 0..<count where column[row].isNaN { featureEntries[row] = missing }
                        }
                        body(start, count, entries)
                    }
                }
            }
        }
    }
}

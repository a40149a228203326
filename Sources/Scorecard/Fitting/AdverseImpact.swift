/// The approved share of each group of a protected column at a score cutoff, against the best-treated group:
/// the adverse impact ratio of the four-fifths rule (a ratio below 0.8 is flagged).
public struct AdverseImpactReport: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        /// The value, the numeric range (`[30, 45)`), or `(missing)`.
        public let label: String
        public let count: Int
        public let approved: Int
        public var approvedShare: Double { count > 0 ? Double(approved) / Double(count) : 0 }
        /// This group's approved share over the highest group's.
        public let impactRatio: Double
        public var isFlagged: Bool { impactRatio < AdverseImpact.flagThreshold }
    }

    public let column: String
    public let groups: [Group]
}

public enum AdverseImpact {
    /// The four-fifths rule.
    public static let flagThreshold = 0.8
    /// A numeric protected column with more distinct values than this is grouped in ``numericGroupCount``
    /// equal-count ranges.
    public static let maximumDistinctNumbers = 10
    public static let numericGroupCount = 5

    /// The cutoff that approves the training good rate: the score of the person at that rank from the top
    /// (people tied with them are approved too).
    public static func defaultCutoff(scores: [Int], goodRate: Double) -> Int {
        precondition(!scores.isEmpty, "a cutoff needs scores")
        let sorted = scores.sorted()
        let approved = Int((goodRate * Double(scores.count)).rounded())
        return sorted[min(max(scores.count - approved, 0), scores.count - 1)]
    }

    /// Groups `column` and measures each group's approval (score ≥ `cutoff`).
    public static func analyze(column: TrainingColumn, scores: [Int], cutoff: Int) -> AdverseImpactReport {
        precondition(column.rowCount == scores.count, "one protected value per score")
        let (labels, rowGroups) = groups(of: column)
        var counts = Array(repeating: 0, count: labels.count)
        var approved = Array(repeating: 0, count: labels.count)
        for (row, group) in rowGroups.enumerated() {
            counts[group] += 1
            if scores[row] >= cutoff { approved[group] += 1 }
        }
        let shares = labels.indices.map { counts[$0] > 0 ? Double(approved[$0]) / Double(counts[$0]) : 0 }
        let highest = shares.max() ?? 0
        let groups = labels.indices.filter { counts[$0] > 0 }.map { index in
            AdverseImpactReport.Group(
                label: labels[index], count: counts[index], approved: approved[index],
                impactRatio: highest > 0 ? shares[index] / highest : 1)
        }
        return AdverseImpactReport(column: column.name, groups: groups)
    }

    /// Group labels and each row's group: values as they are, or ranges for a numeric column with many values;
    /// missing values form the last group.
    static func groups(of column: TrainingColumn) -> (labels: [String], rows: [Int]) {
        switch column.values {
        case .categorical(let codes, let categories):
            let order = categories.indices.sorted { categories[$0] < categories[$1] }
            var groupOf = Array(repeating: 0, count: categories.count)
            for (group, category) in order.enumerated() { groupOf[category] = group }
            let missing = categories.count
            return (order.map { categories[$0] } + ["(missing)"], codes.map { $0 < 0 ? missing : groupOf[Int($0)] })
        case .numeric(let numbers):
            let present = numbers.indices.filter { !numbers[$0].isNaN }.sorted { numbers[$0] < numbers[$1] }
            let distinct = Array(Set(present.map { numbers[$0] })).sorted()
            let lowers: [Double]
            let labels: [String]
            if distinct.count <= maximumDistinctNumbers {
                lowers = distinct
                labels = distinct.map { plainText(of: $0) }
            } else {
                let fine = Binning.fineBins(
                    sortedRows: present, values: numbers, isBad: Array(repeating: false, count: numbers.count),
                    count: numericGroupCount)
                lowers = fine.lowers.map { $0 ?? distinct[0] }
                labels = lowers.indices.map { index in
                    index + 1 < lowers.count
                        ? "[\(plainText(of: lowers[index])), \(plainText(of: lowers[index + 1])))"
                        : "[\(plainText(of: lowers[index])), ...)"
                }
            }
            let missing = labels.count
            let rows = numbers.map { value in
                value.isNaN ? missing : max(lowers.partitioningIndex { value < $0 } - 1, 0)
            }
            return (labels + ["(missing)"], rows)
        }
    }
}

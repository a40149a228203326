/// Expectation–maximization of m (and of the match share within a rule's blocks) with u held fixed, over
/// the distinct comparison vectors of a sample of pairs and how often each occurs.
enum ExpectationMaximization {
    struct Outcome: Sendable {
        /// Per field, per level; fields not estimated keep their starting values.
        var m: [[Double]]
        var matchShare: Double
        var iterations: Int
        var converged: Bool
        /// Fields that were estimated: not excluded, and observed on enough expected matches.
        var estimatedFields: [LinkageField]
        /// Per field, per level: the expected matches observed at the level in the last E-step, the sufficient
        /// statistics of m (so estimates from several samples can be pooled).
        var matchedLevelCounts: [[Double]]
    }

    /// Fewer expected matched observations than this and a field's m is left to the other rules.
    static let minimumMatchedObservations = 10.0
    /// Pseudo-count of expected matches spread over a field's levels, so that a level never seen among the
    /// sample's matches gets a small m instead of zero (an infinitely negative weight).
    static let smoothing = 0.1

    /// A vector's match weight over `fields`, with the scorer's redundancy rules (so EM explains the pairs
    /// with the weights they will get) but without term frequencies.
    static func matchWeight(
        _ vector: ComparisonVector, fields: [LinkageField], priorWeight: Double, m: [[Double]], u: [[Double]]
    ) -> Double {
        var weight = priorWeight
        for field in fields {
            let level = vector[field]
            guard level != ComparisonVector.missing else { continue }
            let fieldWeight = Math.log2(m[field.index][Int(level)] / u[field.index][Int(level)])
            weight += fieldWeight > 0 && vector.isCountedElsewhere(field) ? 0 : fieldWeight
        }
        return weight
    }

    static func run(
        patterns: [(vector: ComparisonVector, count: Int)], u: [[Double]], initialM: [[Double]],
        excludedFields: [LinkageField], tolerance: Double, maximumIterations: Int
    ) -> Outcome {
        let fields = LinkageField.allCases.filter { !excludedFields.contains($0) }
        var m = initialM
        var matchShare = 0.5
        var iterations = 0
        var converged = false
        var matchedObservations = [Double](repeating: 0, count: LinkageField.allCases.count)
        var matchedLevelCounts = LinkageField.allCases.map { [Double](repeating: 0, count: $0.levelNames.count) }
        let total = Double(patterns.reduce(0) { $0 + $1.count })
        guard total > 0 else {
            return Outcome(
                m: m, matchShare: 0, iterations: 0, converged: false, estimatedFields: [],
                matchedLevelCounts: LinkageField.allCases.map { [Double](repeating: 0, count: $0.levelNames.count) })
        }
        while iterations < maximumIterations, !converged {
            iterations += 1
            // E-step: the posterior match probability of each distinct vector.
            var levelMass = LinkageField.allCases.map { [Double](repeating: 0, count: $0.levelNames.count) }
            var matchMass = 0.0
            let priorWeight = Math.log2(matchShare / (1 - matchShare))
            for (vector, count) in patterns {
                let weight = matchWeight(vector, fields: fields, priorWeight: priorWeight, m: m, u: u)
                let mass = Double(count) * Math.probability(weight: weight)
                matchMass += mass
                for field in fields {
                    let level = vector[field]
                    if level != ComparisonVector.missing { levelMass[field.index][Int(level)] += mass }
                }
            }
            matchedLevelCounts = levelMass
            // M-step.
            var change = abs(matchMass / total - matchShare)
            matchShare = min(max(matchMass / total, 1e-9), 1 - 1e-9)
            for field in fields {
                let observed = levelMass[field.index].reduce(0, +)
                matchedObservations[field.index] = observed
                guard observed >= minimumMatchedObservations else { continue }
                for (level, updated) in smoothedShares(levelMass[field.index]).enumerated() {
                    change = max(change, abs(updated - m[field.index][level]))
                    m[field.index][level] = updated
                }
            }
            converged = change < tolerance
        }
        return Outcome(
            m: m, matchShare: matchShare, iterations: iterations, converged: converged,
            estimatedFields: fields.filter { matchedObservations[$0.index] >= minimumMatchedObservations },
            matchedLevelCounts: matchedLevelCounts)
    }

    /// m of each level from the expected matches observed at it, with the smoothing pseudo-count.
    static func smoothedShares(_ levelCounts: [Double]) -> [Double] {
        let observed = levelCounts.reduce(0, +)
        let levels = Double(levelCounts.count)
        return levelCounts.map { ($0 + smoothing / levels) / (observed + smoothing) }
    }
}

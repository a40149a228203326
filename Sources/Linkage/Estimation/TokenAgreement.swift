/// The u of token agreement, from the candidate pairs that share a token rather than from random pairs, which
/// almost never do.
///
/// u is P(level | non-match), but most pairs sharing a token are matches: counting them all, as random pairs
/// do, gives u ≈ λ·m, a weight of about log2(1/λ) that cancels the prior, so that an agreeing email alone could
/// never make a link. So u counts the *expected non-matches* among the pairs at each agreement level under the
/// model estimated so far, iterated to a fixed point: relatives sharing a landline (their names, birth dates
/// and SSNs disagree) stay in u, the same person at two partners leaves it.
struct TokenAgreement: Sendable {
    static let fieldRules: [(LinkageField, BlockingRule)] = [
        (.nationalID, .nationalID), (.phone, .phone), (.email, .email), (.platformAccount, .platformAccount),
        (.paymentFingerprint, .paymentFingerprint),
    ]
    let patterns: ComparisonPatterns
    /// Per field: pairs where both records carry the field, and pairs in skipped blocks (counted as
    /// non-matches at the first agreement level: nothing is known about them but the shared token).
    private let bothPresent: [Int]
    private let oversized: [Int]

    init(_ patterns: ComparisonPatterns, store: RecordStore, blocks: BlockSet) {
        self.patterns = patterns
        var bothPresent = [Int](repeating: 0, count: LinkageField.allCases.count)
        var oversized = bothPresent
        for (field, rule) in Self.fieldRules {
            bothPresent[field.index] = Self.pairsCarrying(rule.tokenKinds, store: store, leftCount: blocks.leftCount)
            oversized[field.index] = blocks.oversizedPairs[Int(rule.rawValue)]
        }
        self.bothPresent = bothPresent
        self.oversized = oversized
    }

    /// Sets u of the agreement levels to (expected non-matches + 1) / (pairs carrying the field + levels),
    /// and the disagreement level to the rest.
    func apply(to u: inout [[Double]], matchProbability: (ComparisonVector) -> Double) {
        var nonMatches = LinkageField.allCases.map { [Double](repeating: 0, count: $0.levelNames.count) }
        for (vector, count) in patterns.entries {
            let expected = Double(count) * (1 - matchProbability(vector))
            for (field, _) in Self.fieldRules where field.isTokenAgreement(Int(vector[field])) {
                nonMatches[field.index][Int(vector[field])] += expected
            }
        }
        for (field, _) in Self.fieldRules where bothPresent[field.index] > 0 {
            nonMatches[field.index][0] += Double(oversized[field.index])
            let levels = field.levelNames.count
            var total = 0.0
            for level in 0..<levels where field.isTokenAgreement(level) {
                u[field.index][level] = (nonMatches[field.index][level] + 1) / Double(bothPresent[field.index] + levels)
                total += u[field.index][level]
            }
            u[field.index][levels - 1] = 1 - total
        }
    }

    /// Iterates u to its fixed point under m and the prior; returns the iterations used.
    func refine(u: inout [[Double]], m: [[Double]], prior: Double, maximumIterations: Int) -> Int {
        let priorWeight = Math.log2(prior / (1 - prior))
        for iteration in 1...maximumIterations {
            let current = u
            apply(to: &u) { vector in
                Math.probability(
                    weight: ExpectationMaximization.matchWeight(
                        vector, fields: LinkageField.allCases, priorWeight: priorWeight, m: m, u: current))
            }
            let change = zip(u.joined(), current.joined()).map { abs(Math.log2($0 / $1)) }.max() ?? 0
            if change < 0.01 { return iteration }
        }
        return maximumIterations
    }

    /// Pairs whose two records both carry a token of one of `kinds` (the same kind).
    private static func pairsCarrying(_ kinds: [IdentifierKind], store: RecordStore, leftCount: Int?) -> Int {
        kinds.reduce(0) { sum, kind in
            var left = 0
            var right = 0
            for record in 0..<store.count
            where store.identifiers[store.identifierRange(record)].contains(where: { $0.kind == kind }) {
                if let leftCount, record >= leftCount { right += 1 } else { left += 1 }
            }
            return sum + (leftCount == nil ? left * (left - 1) / 2 : left * right)
        }
    }
}

/// How the parameters were estimated, for the run summary and for the aggregator's audit trail.
public struct EstimationReport: Sendable, Equatable {
    /// Record pairs a run could compare: N(N−1)/2 when deduplicating, N_left·N_right when linking.
    public var possiblePairs: Int
    /// Random pairs compared for u (all pairs when there are fewer than the setting).
    public var randomPairs: Int
    /// Candidate pairs, and those among them that share a token (the u of token agreement comes from these,
    /// which random pairs almost never see).
    public var candidatePairs: Int
    public var tokenPairs: Int
    /// Pairs matched by the strict deterministic rules.
    public var strictRulePairs: Int
    /// The share of all matches the strict rules are taken to find: the setting, or estimated as the share of
    /// the expected matches among candidate pairs that satisfy a strict rule.
    public var strictRuleRecall: Double
    public var strictRuleRecallEstimated: Bool
    /// Rounds of (u of token agreement, m by EM, prior) until the prior settled.
    public var rounds: Int
    /// One entry per EM training rule, from the last round.
    public var trainingRules: [TrainingRule]

    public struct TrainingRule: Sendable, Equatable {
        public var rule: String
        /// Pairs of the rule's blocks used (a sample when the rule finds more).
        public var pairs: Int
        public var iterations: Int
        public var converged: Bool
        /// Estimated share of matches among the rule's pairs.
        public var matchShare: Double
        /// Fields whose m this rule estimated (never the fields it blocks on).
        public var estimatedFields: [LinkageField]
    }

    /// Multi-line, for a summary on stderr.
    public var description: String {
        var lines = [
            "u from \(randomPairs) random pairs of \(possiblePairs); token agreement from the expected non-matches "
                + "among \(tokenPairs) of \(candidatePairs) candidate pairs",
            "prior from \(strictRulePairs) pairs matched by strict rules, "
                + (strictRuleRecallEstimated ? "estimated" : "assumed") + " recall "
                + LinkageSummary.format(strictRuleRecall, digits: 3) + " (\(rounds) rounds)",
        ]
        for rule in trainingRules {
            lines.append(
                "EM on \(rule.rule): \(rule.pairs) pairs, \(rule.iterations) iterations"
                    + (rule.converged ? ", converged" : ", not converged")
                    + ", match share \(LinkageSummary.format(rule.matchShare, digits: 3)), m of "
                    + rule.estimatedFields.map(\.rawValue).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

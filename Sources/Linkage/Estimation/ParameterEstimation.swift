/// Estimates the model without labels.
///
/// u comes from random pairs, except for token agreement (see `TokenAgreement`); m from EM, with u fixed,
/// over several training rules, each field's m pooled over the rules that do not block on it; the prior λ
/// from the pairs matched by strict deterministic rules, divided by the possible pairs and by the share of
/// all matches those rules find. That share is the setting `strictRuleRecall` when given; otherwise it is
/// estimated as the share of the expected matches among candidate pairs that the strict rules match, and
/// the three estimates are repeated until λ settles.
public enum ParameterEstimation {
    /// EM training rules: each blocks on something different, so every field is estimated by some rule that
    /// does not block on it.
    ///
    /// The address rules are left out: the non-matches in their blocks are mostly members of one household,
    /// who agree on a landline too, so no field the rules leave free separates them from matches reliably.
    static let trainingRules: [BlockingRule] = [.phone, .email, .nationalID, .birthDateAndName]
    /// Pairs sampled per training rule at most, and of the similarity rules' pairs for the prior.
    static let trainingPairsPerRule = 400_000
    static let similarityPairSample = 1_000_000
    static let tolerance = 1e-4
    static let maximumIterations = 25
    static let maximumRounds = 10

    /// Estimates from a set of records to deduplicate. The records are taken in id order, so the model depends
    /// on the seed and the records, never on the order they come in (an aggregator holds them in a dictionary).
    public static func estimate(
        _ records: [LinkageRecord], settings: LinkageSettings
    ) -> (LinkageModel, EstimationReport) {
        var store = RecordStore()
        store.reserveCapacity(records.count)
        for record in records.sorted(by: { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) { store.append(record) }
        let blocks = BlockSet(
            store: store, leftCount: nil, generator: BlockingKeyGenerator(), maxBlockSize: settings.maxBlockSize,
            parallelism: settings.parallelism)
        let estimate = estimate(store: store, blocks: blocks, settings: settings)
        return (estimate.model, estimate.report)
    }

    struct Estimate: Sendable {
        var model: LinkageModel
        var report: EstimationReport
        var comparisons: Int
    }

    static func estimate(store: RecordStore, blocks: BlockSet, settings: LinkageSettings) -> Estimate {
        let comparator = RecordComparator(recycledPhoneMargin: settings.recycledPhoneMarginDays)
        let possible = possiblePairs(store: store, leftCount: blocks.leftCount)
        var (u, randomPairs) = RandomPairs.u(store: store, leftCount: blocks.leftCount, settings: settings)
        // Every pair sharing a token, and a sample of the pairs only the similarity rules find.
        let tokenRules: [BlockingRule] = [.nationalID, .phone, .email, .platformAccount, .paymentFingerprint]
        let similarityRules: [BlockingRule] = [.birthDateAndName, .addressAndName, .nameAndAddress]
        let tokenPatterns = ComparisonPatterns(
            blocks: blocks, ruleMask: BlockSet.mask(tokenRules), store: store, comparator: comparator,
            parallelism: settings.parallelism)
        let similarityPatterns = ComparisonPatterns(
            blocks: blocks, ruleMask: BlockSet.mask(similarityRules), store: store, comparator: comparator,
            sampleSize: similarityPairSample,
            upperBound: similarityRules.reduce(0) { $0 + blocks.statistics[Int($1.rawValue)].pairs },
            seed: StableHash.combine(settings.seed, 2000), parallelism: settings.parallelism
        ).filter { !$0.sharesToken }
        let tokens = TokenAgreement(tokenPatterns.filter(\.sharesToken), store: store, blocks: blocks)
        let strictPairs = tokens.patterns.filter(\.satisfiesStrictRule).pairCount
        let rulePatterns = trainingRules.map { rule in
            ComparisonPatterns(
                blocks: blocks, ruleMask: BlockSet.mask(rule), store: store, comparator: comparator,
                sampleSize: trainingPairsPerRule, upperBound: blocks.statistics[Int(rule.rawValue)].pairs,
                seed: StableHash.combine(settings.seed, UInt64(rule.rawValue) + 1000), parallelism: settings.parallelism
            )
        }

        // Start from exact token-agreement frequencies and the default recall, then refine.
        tokens.apply(to: &u) { _ in 0 }
        var recall = settings.strictRuleRecall ?? 0.8
        var prior = self.prior(strictPairs: strictPairs, recall: recall, possiblePairs: possible)
        var (m, rules) = train(rulePatterns, u: u)
        var rounds = 0
        while rounds < maximumRounds {
            rounds += 1
            _ = tokens.refine(u: &u, m: m, prior: prior, maximumIterations: maximumIterations)
            (m, rules) = train(rulePatterns, u: u)
            guard settings.strictRuleRecall == nil else { break }
            recall = strictShare(of: [tokens.patterns, similarityPatterns], m: m, u: u, prior: prior)
            let next = self.prior(strictPairs: strictPairs, recall: recall, possiblePairs: possible)
            let settled = abs(Math.log2(next / prior)) < 0.01
            prior = next
            if settled { break }
        }

        let report = EstimationReport(
            possiblePairs: possible, randomPairs: randomPairs,
            candidatePairs: tokenPatterns.pairCount
                + Int(Double(similarityPatterns.pairCount) / similarityPatterns.samplingRate),
            tokenPairs: tokens.patterns.pairCount, strictRulePairs: strictPairs, strictRuleRecall: recall,
            strictRuleRecallEstimated: settings.strictRuleRecall == nil, rounds: rounds, trainingRules: rules)
        let comparisons =
            randomPairs + tokenPatterns.pairCount + similarityPatterns.pairCount
            + rulePatterns.reduce(0) { $0 + $1.pairCount }
        return Estimate(model: LinkageModel(prior: prior, m: m, u: u), report: report, comparisons: comparisons)
    }

    static func possiblePairs(store: RecordStore, leftCount: Int?) -> Int {
        if let leftCount { return leftCount * (store.count - leftCount) }
        return store.count * (store.count - 1) / 2
    }

    private static func prior(strictPairs: Int, recall: Double, possiblePairs: Int) -> Double {
        min(0.5, Double(max(strictPairs, 1)) / (Double(max(possiblePairs, 1)) * recall))
    }

    /// The share of the expected matches among candidate pairs that a strict rule matches (0.05...1).
    private static func strictShare(
        of candidates: [ComparisonPatterns], m: [[Double]], u: [[Double]], prior: Double
    ) -> Double {
        let priorWeight = Math.log2(prior / (1 - prior))
        var matches = 0.0
        var strict = 0.0
        for patterns in candidates {
            for (vector, count) in patterns.entries {
                let expected =
                    Double(count) / patterns.samplingRate
                    * Math.probability(
                        weight: ExpectationMaximization.matchWeight(
                            vector, fields: LinkageField.allCases, priorWeight: priorWeight, m: m, u: u))
                matches += expected
                if vector.satisfiesStrictRule { strict += expected }
            }
        }
        return matches > 0 ? min(1, max(0.05, strict / matches)) : 1
    }

    /// EM on every training rule's patterns; each field's m pools the rules that estimated it: the expected
    /// matches each rule observed at every level are added up (a rule counts for all the pairs it blocks, not
    /// only the sample EM ran on) and m is their smoothed share, as one EM over all the rules' pairs would
    /// estimate it. A plain average of the rules' m would give a rule that saw a field on a few dozen pairs
    /// (birth date and name blocks rarely hold two emails) as much say as one that saw it on thousands.
    static func train(
        _ rulePatterns: [ComparisonPatterns], u: [[Double]]
    ) -> (m: [[Double]], rules: [EstimationReport.TrainingRule]) {
        let initialM = LinkageModel.initial.fields.map { $0.levels.map(\.m) }
        var matchedCounts = initialM.map { $0.map { _ in 0.0 } }
        var estimated = [Bool](repeating: false, count: LinkageField.allCases.count)
        var rules: [EstimationReport.TrainingRule] = []
        for (rule, patterns) in zip(trainingRules, rulePatterns) {
            let outcome = ExpectationMaximization.run(
                patterns: patterns.entries, u: u, initialM: initialM, excludedFields: rule.blockedFields,
                tolerance: tolerance, maximumIterations: maximumIterations)
            for field in outcome.estimatedFields {
                estimated[field.index] = true
                for level in matchedCounts[field.index].indices {
                    matchedCounts[field.index][level] +=
                        outcome.matchedLevelCounts[field.index][level] / patterns.samplingRate
                }
            }
            rules.append(
                .init(
                    rule: rule.name, pairs: patterns.pairCount, iterations: outcome.iterations,
                    converged: outcome.converged, matchShare: outcome.matchShare,
                    estimatedFields: outcome.estimatedFields))
        }
        let m = LinkageField.allCases.map { field in
            estimated[field.index]
                ? ExpectationMaximization.smoothedShares(matchedCounts[field.index]) : initialM[field.index]
        }
        return (m, rules)
    }
}

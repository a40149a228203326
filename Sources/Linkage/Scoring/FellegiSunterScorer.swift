/// Why a pair scored as it did: one entry per field.
public struct FieldEvidence: Codable, Sendable, Equatable {
    public var field: LinkageField
    /// A level name of the field (`agree`, `agree_disjoint_periods`, `dice>=0.92`, `exact`, ...) or `missing`.
    public var level: String
    /// The log2 Bayes factor actually applied, after the term-frequency and redundancy rules.
    public var weight: Double
    /// `term frequency adjusted`, `counted in email`, or nil.
    public var note: String?

    public init(field: LinkageField, level: String, weight: Double, note: String? = nil) {
        self.field = field
        self.level = level
        self.weight = weight
        self.note = note
    }

    static let termFrequencyNote = "term frequency adjusted"
    static let missingLevel = "missing"
}

/// A scored pair of records.
public struct PairScore: Sendable, Equatable {
    /// Record ids.
    public var left: String
    public var right: String
    /// log2 of the posterior odds: the prior's log odds plus every field's weight.
    public var matchWeight: Double
    /// 2^w / (1 + 2^w).
    public var probability: Double
    public var evidence: [FieldEvidence]

    public init(left: String, right: String, matchWeight: Double, probability: Double, evidence: [FieldEvidence]) {
        self.left = left
        self.right = right
        self.matchWeight = matchWeight
        self.probability = probability
        self.evidence = evidence
    }
}

/// Scores pairs of records with a model and the current term frequencies: the aggregator's entry point when
/// it links a new subject against the candidates the blocking index gives.
public struct FellegiSunterScorer: Sendable {
    public let model: LinkageModel
    public let termFrequencies: TermFrequencies
    private let table: WeightTable
    private let comparator: RecordComparator

    public init(model: LinkageModel, termFrequencies: TermFrequencies, recycledPhoneMarginDays: Int = 30) {
        self.model = model
        self.termFrequencies = termFrequencies
        table = WeightTable(model)
        comparator = RecordComparator(recycledPhoneMargin: recycledPhoneMarginDays)
    }

    public func score(_ a: LinkageRecord, _ b: LinkageRecord) -> PairScore {
        var store = RecordStore()
        store.append(a)
        store.append(b)
        let comparison = comparator.compare(store, 0, 1, termFrequencies: termFrequencies)
        return table.score(comparison, left: a.id, right: b.id, recordCount: termFrequencies.recordCount)
    }
}

/// A model's weights laid out flat for the scoring loop: every level's log2(m/u), and m and u for the
/// term-frequency adjustment.
struct WeightTable: Sendable {
    private static let stride = LinkageField.maximumLevelCount
    let priorWeight: Double
    private let weights: [Double]
    private let m: [Double]
    private let u: [Double]

    init(_ model: LinkageModel) {
        priorWeight = model.priorWeight
        var weights = [Double](repeating: 0, count: LinkageField.allCases.count * Self.stride)
        var m = weights
        var u = weights
        for parameters in model.fields {
            for (level, values) in parameters.levels.enumerated() {
                let slot = parameters.field.index * Self.stride + level
                weights[slot] = values.weight
                m[slot] = values.m
                u[slot] = values.u
            }
        }
        self.weights = weights
        self.m = m
        self.u = u
    }

    /// The match weight of a comparison (the hot path: no evidence is built).
    func matchWeight(_ comparison: PairComparison, recordCount: Int) -> Double {
        var total = priorWeight
        for field in LinkageField.allCases {
            total += fieldWeight(field, comparison, recordCount: recordCount).weight
        }
        return total
    }

    func score(_ comparison: PairComparison, left: String, right: String, recordCount: Int) -> PairScore {
        var total = priorWeight
        var evidence: [FieldEvidence] = []
        evidence.reserveCapacity(LinkageField.allCases.count)
        for field in LinkageField.allCases {
            let level = comparison.vector[field]
            let (weight, note) = fieldWeight(field, comparison, recordCount: recordCount)
            total += weight
            let levelName =
                level == ComparisonVector.missing ? FieldEvidence.missingLevel : field.levelNames[Int(level)]
            evidence.append(FieldEvidence(field: field, level: levelName, weight: weight, note: note))
        }
        return PairScore(
            left: left, right: right, matchWeight: total, probability: Math.probability(weight: total),
            evidence: evidence)
    }

    /// One field's weight with the rules applied: missing is 0; evidence already counted in another field
    /// may only lower the weight; an agreeing token is worth less when many records carry it
    /// (u = max(u, frequency among the other records)); an identical name is worth what its rate says.
    @inline(__always)
    private func fieldWeight(_ field: LinkageField, _ comparison: PairComparison, recordCount: Int) -> (
        weight: Double, note: String?
    ) {
        let level = comparison.vector[field]
        guard level != ComparisonVector.missing else { return (0, nil) }
        let slot = field.index * Self.stride + Int(level)
        if weights[slot] > 0, let note = comparison.vector.countedElsewhereNote(field) {
            return (0, note)
        }
        guard recordCount > 2, let countSlot = PairComparison.countSlot(field) else { return (weights[slot], nil) }
        let count = Double(comparison.agreeingValueCounts[countSlot])
        if field.isTermFrequencyAdjusted, field.isTokenAgreement(Int(level)) {
            // How often another record carries the token: the two records compared are not evidence of how
            // common it is. So a token only this pair shares is never adjusted, however few records there are
            // (an aggregator's first batches), while a landline on eight records of a household is. Only ever
            // lowered: two people share a token through a household or a shared account, not by the chance a
            // frequency measures, so a rare token is no rarer than the level's u.
            let frequency = max(0, count - 2) / Double(recordCount - 2)
            if frequency > u[slot] { return (Math.log2(m[slot] / frequency), FieldEvidence.termFrequencyNote) }
        } else if field == .name, count > 0 {
            // Two different people hold one name by chance, at the rate the name occurs, so u is the name's
            // rate, in both directions from the level's u (which averages common and rare names). The rate is
            // counted on the other records (the pair excluded, as for tokens) and shrunk towards the level's u
            // by one pseudo-occurrence, the posterior mean of a Poisson count with a gamma prior of mean u:
            // (1 + others) / (1/u + N - 2). A name no other record holds is then worth more than the level in
            // a large population, where rarity is measured, and the level's weight in a small one (an
            // aggregator's first batches), where it is not.
            let others = max(0, count - 2)
            let frequency = (1 + others) / (1 / u[slot] + Double(recordCount - 2))
            return (Math.log2(m[slot] / frequency), FieldEvidence.termFrequencyNote)
        }
        return (weights[slot], nil)
    }
}

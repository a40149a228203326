/// The distinct comparison vectors of a set of pairs and how often each occurs: estimation works on these
/// (a few thousand vectors) instead of on millions of pairs.
struct ComparisonPatterns: Sendable {
    private(set) var entries: [(vector: ComparisonVector, count: Int)]
    /// The share of the pairs that was compared (1 unless sampled): each pattern stands for count / rate pairs.
    private(set) var samplingRate = 1.0

    init(_ counts: [UInt64: Int]) {
        entries = counts.sorted { $0.key < $1.key }.map { (ComparisonVector(packed: $0.key), $0.value) }
    }

    init(entries: [(vector: ComparisonVector, count: Int)], samplingRate: Double = 1) {
        self.entries = entries
        self.samplingRate = samplingRate
    }

    /// The pairs a block set finds through the rules in `ruleMask`; when `sampleSize` is smaller than the
    /// rules' pair count, a seeded sample of about that many (the same pairs whatever the thread count).
    init(
        blocks: BlockSet, ruleMask: UInt16 = .max, store: RecordStore, comparator: RecordComparator,
        sampleSize: Int = .max, upperBound: Int = 0, seed: UInt64 = 0, parallelism: Int
    ) {
        let keepBelow: UInt64 =
            upperBound <= sampleSize ? .max : UInt64(Double(UInt64.max) * Double(sampleSize) / Double(upperBound))
        let parts = blocks.reducePairs(ruleMask: ruleMask, parallelism: parallelism, initial: { [UInt64: Int]() }) {
            counts, a, b in
            guard keepBelow == .max || StableHash.combine(seed, UInt64(a) << 32 | UInt64(b)) < keepBelow else {
                return
            }
            counts[comparator.compare(store, a, b).vector.packed, default: 0] += 1
        }
        var merged: [UInt64: Int] = [:]
        for part in parts { merged.merge(part, uniquingKeysWith: +) }
        self.init(merged)
        if keepBelow != .max { samplingRate = Double(keepBelow) / Double(UInt64.max) }
    }

    var pairCount: Int { entries.reduce(0) { $0 + $1.count } }

    func filter(_ isIncluded: (ComparisonVector) -> Bool) -> ComparisonPatterns {
        ComparisonPatterns(entries: entries.filter { isIncluded($0.vector) }, samplingRate: samplingRate)
    }
}

extension ComparisonVector {
    /// The two records share a token of some field.
    var sharesToken: Bool {
        LinkageField.allCases.contains { $0.isTokenAgreement(Int(self[$0])) }
    }

    /// The strict deterministic rules: the same national ID; the same email and name Dice ≥ 0.92; the same
    /// phone in overlapping periods, the same birth date and name Dice ≥ 0.92.
    var satisfiesStrictRule: Bool {
        let sameName = self[.name] == 0
        return self[.nationalID] == 0 || (self[.email] == 0 && sameName)
            || (self[.phone] == 0 && self[.birthDate] == 0 && sameName)
    }
}

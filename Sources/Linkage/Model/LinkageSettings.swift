/// What a linkage run may decide on its own and where it must stop.
public struct LinkageSettings: Sendable, Equatable {
    /// Match probability at and above which a pair is a link (and may join two records in one person).
    public var threshold: Double
    /// Blocks (records sharing one blocking key) larger than this are skipped and counted: a token carried by
    /// hundreds of records is a placeholder or a shared line, and comparing all its pairs costs quadratic time.
    public var maxBlockSize: Int
    /// No person gathers more records than this: the guard against long chains of weak links.
    public var maxClusterSize: Int
    /// Sources that never hold one person twice (a lender keyed by SSN): a cluster keeps at most one record of
    /// each, through its best link.
    public var duplicateFreeSources: Set<String>
    /// Seeds every random choice (random pairs for u, training samples), so a run reproduces exactly.
    public var seed: UInt64
    /// Random pairs compared to estimate u (all pairs when there are fewer).
    public var randomPairs: Int
    /// Share of all matches the strict deterministic rules find, for the prior. Nil (the default): estimated
    /// from the data, as the share of expected matches among candidate pairs that the strict rules match.
    public var strictRuleRecall: Double?
    /// Two uses of one phone number this many days apart or more are read as a recycled number.
    public var recycledPhoneMarginDays: Int
    /// Threads for scoring and estimation.
    public var parallelism: Int

    public init(
        threshold: Double = 0.9, maxBlockSize: Int = 200, maxClusterSize: Int = 25,
        duplicateFreeSources: Set<String> = [], seed: UInt64 = 42, randomPairs: Int = 1_000_000,
        strictRuleRecall: Double? = nil, recycledPhoneMarginDays: Int = 30, parallelism: Int = 2
    ) {
        self.threshold = threshold
        self.maxBlockSize = maxBlockSize
        self.maxClusterSize = maxClusterSize
        self.duplicateFreeSources = duplicateFreeSources
        self.seed = seed
        self.randomPairs = randomPairs
        self.strictRuleRecall = strictRuleRecall
        self.recycledPhoneMarginDays = recycledPhoneMarginDays
        self.parallelism = parallelism
    }
}

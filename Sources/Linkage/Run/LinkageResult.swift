/// What a batch run found.
public struct LinkageResult: Sendable {
    /// Pairs at or above the threshold, strongest first.
    public let pairs: LinkedPairs
    /// Every record's cluster (person) number, by record id; numbers follow record order.
    public let clusters: [String: Int]
    public let summary: LinkageSummary
}

/// The links of a run, held compactly (two record numbers and a weight each). A `PairScore` with its
/// evidence is built only when a link is read: a million records give a million links, and their evidence
/// as values would take more memory than the whole run.
public struct LinkedPairs: RandomAccessCollection, Sendable {
    private let links: [ScoredLink]
    private let store: RecordStore
    private let comparator: RecordComparator
    private let table: WeightTable
    private let termFrequencies: TermFrequencies

    init(
        links: [ScoredLink], store: RecordStore, comparator: RecordComparator, table: WeightTable,
        termFrequencies: TermFrequencies
    ) {
        self.links = links
        self.store = store
        self.comparator = comparator
        self.table = table
        self.termFrequencies = termFrequencies
    }

    public var startIndex: Int { links.startIndex }
    public var endIndex: Int { links.endIndex }

    /// The link with its evidence, recomputed from the stored records (the same comparison as in the run).
    public subscript(position: Int) -> PairScore {
        let link = links[position]
        let comparison = comparator.compare(store, Int(link.a), Int(link.b), termFrequencies: termFrequencies)
        return table.score(
            comparison, left: store.id(Int(link.a)), right: store.id(Int(link.b)),
            recordCount: termFrequencies.recordCount)
    }

    /// Ids and probability only, without rebuilding the evidence: what a pairs file needs.
    public func idsAndProbability(at position: Int) -> (left: String, right: String, probability: Double) {
        let link = links[position]
        return (store.id(Int(link.a)), store.id(Int(link.b)), Math.probability(weight: link.weight))
    }
}

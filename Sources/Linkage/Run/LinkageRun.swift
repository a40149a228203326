/// Batch linkage, as `credence link` runs it: block, estimate, score (in parallel), cluster.
public enum LinkageRun {
    /// Finds the records of one set that belong to the same person. Record ids must be unique.
    public static func deduplicate(_ records: [LinkageRecord], settings: LinkageSettings) -> LinkageResult {
        deduplicate(dataset(records), settings: settings)
    }

    public static func deduplicate(_ dataset: LinkageDataset, settings: LinkageSettings) -> LinkageResult {
        run(store: dataset.store, leftCount: nil, settings: settings)
    }

    /// Links the records of two sets (pairs across the sets only). Record ids must be unique over both sets.
    public static func link(
        left: [LinkageRecord], right: [LinkageRecord], settings: LinkageSettings
    ) -> LinkageResult {
        run(store: dataset(left + right).store, leftCount: left.count, settings: settings)
    }

    /// Links two datasets. Their ids must differ from each other's too (clusters are keyed by id): a front end
    /// whose files may share ids prefixes them, or uses row positions.
    public static func link(left: LinkageDataset, right: LinkageDataset, settings: LinkageSettings) -> LinkageResult {
        var store = left.store
        store.append(contentsOf: right.store)
        return run(store: store, leftCount: left.count, settings: settings)
    }

    /// The records as a dataset; a repeated id is a programming error here (a front end reading user files
    /// appends to a `LinkageDataset` itself and reports the row).
    private static func dataset(_ records: [LinkageRecord]) -> LinkageDataset {
        do {
            return try LinkageDataset(records)
        } catch {
            preconditionFailure("LinkageRun: \(error.message)")
        }
    }

    private static func run(store: RecordStore, leftCount: Int?, settings: LinkageSettings) -> LinkageResult {
        let clock = ContinuousClock()
        let start = clock.now
        var timings = LinkageSummary.Timings()

        let blocks = BlockSet(
            store: store, leftCount: leftCount, generator: BlockingKeyGenerator(), maxBlockSize: settings.maxBlockSize,
            parallelism: settings.parallelism)
        let termFrequencies = TermFrequencies(store)
        timings.blocking = clock.now - start

        let estimationStart = clock.now
        let estimate = ParameterEstimation.estimate(store: store, blocks: blocks, settings: settings)
        timings.estimation = clock.now - estimationStart

        let scoringStart = clock.now
        let comparator = RecordComparator(recycledPhoneMargin: settings.recycledPhoneMarginDays)
        let table = WeightTable(estimate.model)
        let minimumWeight = Math.log2(settings.threshold / (1 - settings.threshold))
        struct Scored: Sendable {
            var links: [ScoredLink] = []
            var comparisons = 0
        }
        let parts = blocks.reducePairs(parallelism: settings.parallelism, initial: { Scored() }) { scored, a, b in
            scored.comparisons += 1
            let comparison = comparator.compare(store, a, b, termFrequencies: termFrequencies)
            let weight = table.matchWeight(comparison, recordCount: termFrequencies.recordCount)
            if weight >= minimumWeight { scored.links.append(ScoredLink(a: Int32(a), b: Int32(b), weight: weight)) }
        }
        var links = parts.flatMap(\.links)
        let candidatePairs = parts.reduce(0) { $0 + $1.comparisons }
        links.sort(by: ScoredLink.precedes)
        timings.scoring = clock.now - scoringStart

        let clusteringStart = clock.now
        let outcome = Clustering.cluster(store: store, links: links, settings: settings)
        var sizes = [Int](repeating: 0, count: store.count)
        for cluster in outcome.clusterOf { sizes[Int(cluster)] += 1 }
        var clusters: [String: Int] = [:]
        clusters.reserveCapacity(store.count)
        for record in 0..<store.count { clusters[store.id(record)] = Int(outcome.clusterOf[record]) }
        timings.clustering = clock.now - clusteringStart
        timings.total = clock.now - start

        let summary = LinkageSummary(
            mode: leftCount == nil ? .deduplicate : .link, threshold: settings.threshold,
            records: leftCount.map { [$0, store.count - $0] } ?? [store.count], rules: blocks.statistics,
            blocks: blocks.blockCount, oversizedBlocksSkipped: blocks.statistics.reduce(0) { $0 + $1.oversizedBlocks },
            candidatePairs: candidatePairs, comparisons: candidatePairs + estimate.comparisons, links: links.count,
            merges: outcome.merges, guards: outcome.guards, clusters: sizes.count { $0 >= 2 },
            largestCluster: sizes.max() ?? 0, model: estimate.model, estimation: estimate.report, timings: timings,
            storeBytes: store.byteCount)
        return LinkageResult(
            pairs: LinkedPairs(
                links: links, store: store, comparator: comparator, table: table, termFrequencies: termFrequencies),
            clusters: clusters, summary: summary)
    }
}

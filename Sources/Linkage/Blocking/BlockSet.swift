/// What one blocking rule produced in a batch run.
public struct BlockingRuleStatistics: Sendable, Equatable {
    public var rule: String
    /// Keys shared by at least two records (in a link run: by records of both sides), within the size cap.
    public var blocks = 0
    /// Keys shared by more than `maxBlockSize` records: skipped.
    public var oversizedBlocks = 0
    /// Pairs in the kept blocks, before removing pairs that several blocks or rules share.
    public var pairs = 0
}

/// All blocks of a batch run, kept as member lists (only keys shared by two or more records survive, so a
/// million records' twenty million keys shrink to a few million memberships), with the inverse map from a
/// record to its blocks for enumerating each record's distinct candidates.
struct BlockSet: Sendable {
    /// Records before this index are the left side of a link run; nil when deduplicating.
    let leftCount: Int?
    let recordCount: Int
    private(set) var statistics: [BlockingRuleStatistics]
    /// Per rule, the pairs inside skipped blocks: they still agree on the key (estimation counts them).
    private(set) var oversizedPairs = [Int](repeating: 0, count: BlockingRule.allCases.count)
    private var members: [Int32] = []
    private var blockStart: [Int32] = [0]
    private var blockRule: [UInt8] = []
    private var recordBlockStart: [Int32] = []
    private var recordBlocks: [Int32] = []

    private struct Entry {
        var key: UInt64
        var record: Int32
    }

    init(
        store: RecordStore, leftCount: Int?, rules: [BlockingRule] = BlockingRule.allCases,
        generator: BlockingKeyGenerator, maxBlockSize: Int, parallelism: Int
    ) {
        self.leftCount = leftCount
        recordCount = store.count
        statistics = BlockingRule.allCases.map { BlockingRuleStatistics(rule: $0.name) }
        // Rules are independent: each sorts its own keys, on its own thread.
        let perRule = Parallel.map(chunkCount: rules.count, parallelism: parallelism) { position in
            Self.blocks(
                of: rules[position], store: store, leftCount: leftCount, generator: generator,
                maxBlockSize: maxBlockSize)
        }
        for (rule, found) in zip(rules, perRule) {
            statistics[Int(rule.rawValue)] = found.statistics
            oversizedPairs[Int(rule.rawValue)] = found.oversizedPairs
            for block in found.blockSizes.indices {
                blockStart.append(blockStart.last! + found.blockSizes[block])
                blockRule.append(rule.rawValue)
            }
            members.append(contentsOf: found.members)
        }
        buildRecordIndex()
    }

    var blockCount: Int { blockRule.count }

    /// Records whose candidates are enumerated: everyone when deduplicating, the left side of a link run.
    var probingRecords: Range<Int> { 0..<(leftCount ?? recordCount) }

    /// Calls `body` once for every distinct candidate of `record` found by a rule in `ruleMask`: records after
    /// it when deduplicating (each pair once), right-side records in a link run. `stamp` must hold
    /// `recordCount` entries that are never equal to a probing record's index except through this method
    /// (start with -1); it replaces a set, so no allocation happens per record.
    @inline(__always)
    func forEachCandidate(
        of record: Int, ruleMask: UInt16 = .max, stamp: inout [Int32], _ body: (Int) -> Void
    ) {
        let marker = Int32(record)
        let lowest = leftCount ?? (record + 1)
        for blockPosition in Int(recordBlockStart[record])..<Int(recordBlockStart[record + 1]) {
            let block = Int(recordBlocks[blockPosition])
            guard ruleMask & (1 << UInt16(blockRule[block])) != 0 else { continue }
            for memberPosition in Int(blockStart[block])..<Int(blockStart[block + 1]) {
                let other = Int(members[memberPosition])
                guard other >= lowest, stamp[other] != marker else { continue }
                stamp[other] = marker
                body(other)
            }
        }
    }

    /// One rule's kept blocks, as member lists one after another.
    private struct RuleBlocks: Sendable {
        var statistics: BlockingRuleStatistics
        var oversizedPairs = 0
        var members: [Int32] = []
        var blockSizes: [Int32] = []
    }

    /// Groups the records by the rule's keys (sorting key-record entries), keeping blocks of two or more
    /// records (of both sides in a link run) up to the size cap.
    private static func blocks(
        of rule: BlockingRule, store: RecordStore, leftCount: Int?, generator: BlockingKeyGenerator,
        maxBlockSize: Int
    ) -> RuleBlocks {
        var entries: [Entry] = []
        entries.reserveCapacity(store.count)
        var keys: [UInt64] = []
        for record in 0..<store.count {
            keys.removeAll(keepingCapacity: true)
            generator.appendKeys(rule, of: record, in: store, to: &keys)
            for key in keys { entries.append(Entry(key: key, record: Int32(record))) }
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.record < $1.record }
        var result = RuleBlocks(statistics: BlockingRuleStatistics(rule: rule.name))
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].key == entries[start].key { end += 1 }
            defer { start = end }
            let size = end - start
            guard size >= 2 else { continue }
            let pairs: Int
            if let leftCount {
                let left = entries[start..<end].count { Int($0.record) < leftCount }
                guard left > 0, left < size else { continue }
                pairs = left * (size - left)
            } else {
                pairs = size * (size - 1) / 2
            }
            guard size <= maxBlockSize else {
                result.statistics.oversizedBlocks += 1
                result.oversizedPairs += pairs
                continue
            }
            result.statistics.blocks += 1
            result.statistics.pairs += pairs
            for entry in entries[start..<end] { result.members.append(entry.record) }
            result.blockSizes.append(Int32(size))
        }
        return result
    }

    /// Inverts block → members into record → blocks.
    private mutating func buildRecordIndex() {
        var counts = [Int32](repeating: 0, count: recordCount + 1)
        for member in members { counts[Int(member) + 1] += 1 }
        for index in 0..<recordCount { counts[index + 1] += counts[index] }
        recordBlockStart = counts
        var fill = counts
        recordBlocks = [Int32](repeating: 0, count: members.count)
        for block in 0..<blockCount {
            for position in Int(blockStart[block])..<Int(blockStart[block + 1]) {
                let member = Int(members[position])
                recordBlocks[Int(fill[member])] = Int32(block)
                fill[member] += 1
            }
        }
    }
}

extension BlockSet {
    /// Visits every distinct candidate pair found by the rules in `ruleMask`, on a few threads. Each chunk of
    /// probing records folds its pairs into its own state; the states come back in chunk order, so results do
    /// not depend on scheduling.
    func reducePairs<State: Sendable>(
        ruleMask: UInt16 = .max, parallelism: Int, initial: @Sendable () -> State,
        _ visit: @Sendable (inout State, _ a: Int, _ b: Int) -> Void
    ) -> [State] {
        let probing = probingRecords
        let chunkCount = max(1, min(64, probing.count / 2048))
        return Parallel.map(chunkCount: chunkCount, parallelism: parallelism) { chunk in
            var state = initial()
            var stamp = [Int32](repeating: -1, count: recordCount)
            for record in Parallel.range(chunk, of: chunkCount, count: probing.count) {
                forEachCandidate(of: record, ruleMask: ruleMask, stamp: &stamp) { other in
                    visit(&state, record, other)
                }
            }
            return state
        }
    }

    /// The mask of some rules, for `ruleMask`.
    static func mask(_ rules: [BlockingRule]) -> UInt16 { rules.reduce(0) { $0 | 1 << UInt16($1.rawValue) } }

    static func mask(_ rules: BlockingRule...) -> UInt16 { mask(rules) }
}

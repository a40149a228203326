import CredenceIdentity
import Testing

@testable import Linkage

@Suite("Blocking")
struct BlockingTests {
    /// Pairs of records of one person that hold comparable evidence: a token in common, or names in the same
    /// script (Dice ≥ 0.6) with a close birth date or address. (A pinyin name at a lender and a Hanzi name at a
    /// marketplace with no shared token cannot be linked on encodings by anyone.)
    private static func linkableTruePairs(_ population: [SyntheticPopulation.Labeled]) -> Set<CandidatePair> {
        func best(_ a: [BloomFilter], _ b: [BloomFilter]) -> Double {
            a.flatMap { x in b.map { x.dice($0) } }.max() ?? 0
        }
        func linkable(_ a: LinkageRecord, _ b: LinkageRecord) -> Bool {
            if !Set(a.identifiers.map { $0.type.rawValue + $0.token }).isDisjoint(
                with: b.identifiers.map { $0.type.rawValue + $0.token })
            {
                return true
            }
            guard best(a.names, b.names) >= 0.6 else { return false }
            return best(a.birthDates, b.birthDates) >= 0.7 || best(a.addresses, b.addresses) >= 0.6
        }
        var byPerson: [Int: [LinkageRecord]] = [:]
        for labeled in population { byPerson[labeled.person, default: []].append(labeled.record) }
        var pairs = Set<CandidatePair>()
        for records in byPerson.values where records.count > 1 {
            for i in records.indices {
                for j in records.indices where j > i && linkable(records[i], records[j]) {
                    pairs.insert(CandidatePair(records[i].id, records[j].id))
                }
            }
        }
        return pairs
    }

    private static func index(_ records: [LinkageRecord], settings: LinkageSettings = LinkageSettings())
        -> BlockingIndex
    {
        var index = BlockingIndex(settings: settings)
        for record in records { index.insert(record) }
        return index
    }

    @Test("at least 99% of linkable true pairs are candidates, at under two candidates per record")
    func recall() {
        let population = Populations.standard
        let candidates = Set(Self.index(population.map(\.record)).candidatePairs())
        let truth = Self.linkableTruePairs(population)
        let found = truth.intersection(candidates).count
        #expect(truth.count > 3000)
        #expect(Double(found) / Double(truth.count) >= 0.99)
        #expect(Double(candidates.count) / Double(population.count) < 2)
    }

    @Test("candidates per record stay nearly flat when the population grows fourfold")
    func nearLinear() {
        func perRecord(_ people: Int) -> Double {
            let records = SyntheticPopulation.generate(people: people, seed: 21).map(\.record)
            return Double(Self.index(records).candidatePairs().count) / Double(records.count)
        }
        let small = perRecord(2000)
        let large = perRecord(8000)
        #expect(large < small * 1.5, "\(small) -> \(large) candidates per record")
    }

    @Test("oversized blocks are skipped and counted")
    func oversizedBlocks() {
        let placeholder = Encodings.token(.phoneE164, "+10000000000")
        let records = (0..<250).map { LinkageRecord(id: "r\($0)", source: "test", identifiers: [placeholder]) }
        var settings = LinkageSettings()
        settings.maxBlockSize = 200
        let index = Self.index(records, settings: settings)
        #expect(index.oversizedBlockCount == 1)
        #expect(index.candidatePairs().isEmpty)
        #expect(index.candidates(of: records[0]).isEmpty)
        let small = Self.index(Array(records.prefix(20)), settings: settings)
        #expect(small.candidatePairs().count == 190)
        #expect(small.oversizedBlockCount == 0)
        // A batch run skips and counts it the same way.
        let result = LinkageRun.deduplicate(records, settings: settings)
        #expect(result.summary.oversizedBlocksSkipped == 1)
        #expect(result.summary.candidatePairs == 0)
    }

    @Test("an index kept up incrementally gives the same pairs as one built at once and as a batch run")
    func incrementalEqualsBatch() {
        let population = Array(Populations.standard.prefix(3000)).map(\.record)
        var incremental = BlockingIndex(settings: LinkageSettings())
        for record in population { incremental.insert(record) }
        // Remove every seventh record, change every eleventh (a new address and no phone), re-add some.
        var final: [String: LinkageRecord] = Dictionary(uniqueKeysWithValues: population.map { ($0.id, $0) })
        for (position, record) in population.enumerated() {
            if position % 7 == 0 {
                incremental.remove(id: record.id)
                final[record.id] = nil
            } else if position % 11 == 0 {
                var changed = record
                changed.identifiers.removeAll { $0.type == .phoneE164 }
                changed.addresses = [Encodings.address("\(position) Elm Street", "Austin", "TX", "78701")]
                incremental.insert(changed)
                final[record.id] = changed
            }
        }
        for record in population.enumerated().filter({ $0.offset % 14 == 0 }).map(\.element) {
            incremental.insert(record)
            final[record.id] = record
        }
        let finalRecords = population.compactMap { final[$0.id] }
        #expect(incremental.count == finalRecords.count)
        let fresh = Self.index(finalRecords)
        let pairs = incremental.candidatePairs()
        #expect(pairs == fresh.candidatePairs())
        #expect(!pairs.isEmpty)

        var building = RecordStore()
        for record in finalRecords { building.append(record) }
        let store = building
        let blocks = BlockSet(
            store: store, leftCount: nil, generator: BlockingKeyGenerator(), maxBlockSize: 200, parallelism: 2)
        let batch = blocks.reducePairs(parallelism: 2, initial: { [CandidatePair]() }) { found, a, b in
            found.append(CandidatePair(store.id(a), store.id(b)))
        }.flatMap { $0 }
        #expect(Set(batch) == Set(pairs))
        #expect(batch.count == pairs.count)

        // A record's candidates are exactly its partners in the pairs, never itself.
        let probe = finalRecords[5]
        let partners = Set(pairs.compactMap { $0.left == probe.id ? $0.right : $0.right == probe.id ? $0.left : nil })
        #expect(Set(incremental.candidates(of: probe)) == partners)
    }

    @Test("compaction after many removals keeps the index equal to a fresh one")
    func compaction() {
        let records = Array(Populations.standard.prefix(5000)).map(\.record)
        var index = Self.index(records)
        for record in records.prefix(3000) { index.remove(id: record.id) }
        #expect(index.count == 2000)
        #expect(index.candidatePairs() == Self.index(Array(records.dropFirst(3000))).candidatePairs())
    }
}

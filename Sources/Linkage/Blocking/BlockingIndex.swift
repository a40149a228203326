/// Two record ids that blocking puts together, the smaller id (in code-point order) first.
public struct CandidatePair: Hashable, Sendable, Comparable {
    public var left: String
    public var right: String

    public init(_ a: String, _ b: String) {
        if a.utf8.lexicographicallyPrecedes(b.utf8) {
            (left, right) = (a, b)
        } else {
            (left, right) = (b, a)
        }
    }

    public static func < (lhs: CandidatePair, rhs: CandidatePair) -> Bool {
        lhs.left != rhs.left
            ? lhs.left.utf8.lexicographicallyPrecedes(rhs.left.utf8)
            : lhs.right.utf8.lexicographicallyPrecedes(rhs.right.utf8)
    }
}

/// The union of the blocking rules over a set of records that changes over time: the aggregator keeps one
/// index alive, inserts subjects as batches arrive and asks for a new subject's candidates, instead of
/// re-blocking everything. Gives exactly the pairs a batch run over the same records would (tested).
public struct BlockingIndex: Sendable {
    public let settings: LinkageSettings
    private let generator = BlockingKeyGenerator()
    private var store = RecordStore()
    private var live: [Bool] = []
    private var lookup = RecordIDLookup()
    private var buckets = KeyBuckets()

    public init(settings: LinkageSettings) {
        self.settings = settings
    }

    /// Records in the index.
    public var count: Int { lookup.count }

    /// Adds a record, replacing the record with the same id if there is one (its identifiers may have changed).
    public mutating func insert(_ record: LinkageRecord) {
        remove(id: record.id)
        store.append(record)
        live.append(true)
        let slot = store.count - 1
        lookup.insert(record.id, at: slot, in: store)
        addToBuckets(slot)
    }

    /// Removes the record with this id; does nothing when there is none.
    public mutating func remove(id: String) {
        guard let slot = lookup.index(of: id, in: store) else { return }
        for key in keys(of: slot, in: store) { buckets.remove(Int32(slot), from: key) }
        lookup.remove(id, in: store)
        live[slot] = false
        compactIfSparse()
    }

    /// Ids of the indexed records that share a key with `record` (within the block size cap), never its own id,
    /// in insertion order.
    public func candidates(of record: LinkageRecord) -> [String] {
        var single = RecordStore()
        single.append(record)
        let own = lookup.index(of: record.id, in: store)
        var slots = Set<Int32>()
        for key in keys(of: 0, in: single) {
            let members = buckets.members(of: key)
            // The record itself counts towards its block's size, as in a batch run over all records.
            guard members.count + (own == nil ? 1 : 0) <= settings.maxBlockSize else { continue }
            slots.formUnion(members)
        }
        if let own { slots.remove(Int32(own)) }
        return slots.sorted().map { store.id(Int($0)) }
    }

    /// Every pair of indexed records that shares a key of some rule (each pair once), as a batch run would
    /// compare them.
    public func candidatePairs() -> [CandidatePair] {
        var pairs = Set<UInt64>()
        for shared in buckets.groups where shared.count <= settings.maxBlockSize {
            let members = shared.sorted()
            for (position, a) in members.enumerated() {
                for b in members[(position + 1)...] { pairs.insert(UInt64(a) << 32 | UInt64(b)) }
            }
        }
        return pairs.map { CandidatePair(store.id(Int($0 >> 32)), store.id(Int($0 & 0xFFFF_FFFF))) }.sorted()
    }

    /// Keys now shared by more records than `maxBlockSize`: their blocks are skipped.
    public var oversizedBlockCount: Int { buckets.groups.count { $0.count > settings.maxBlockSize } }

    private func keys(of slot: Int, in store: RecordStore) -> [UInt64] {
        var keys: [UInt64] = []
        generator.appendAllKeys(of: slot, in: store, to: &keys)
        return keys
    }

    /// Rebuilds the store without removed records once they outnumber the live ones, so memory follows the
    /// live records, at amortized constant cost per removal.
    private mutating func compactIfSparse() {
        let removed = store.count - lookup.count
        guard removed > 1024, removed > lookup.count else { return }
        let previous = store
        let wasLive = live
        store = previous.filtered { wasLive[$0] }
        live = Array(repeating: true, count: store.count)
        lookup = RecordIDLookup()
        buckets = KeyBuckets()
        for slot in 0..<store.count {
            lookup.insert(store.id(slot), at: slot, in: store)
            addToBuckets(slot)
        }
    }

    private mutating func addToBuckets(_ slot: Int) {
        for key in keys(of: slot, in: store) { buckets.add(Int32(slot), to: key) }
    }
}

/// Blocking key → records, at 12 bytes per key in the common case. Most keys (MinHash bands) belong to one
/// record: the map holds that record's slot itself; a key shared by several records holds the negative index
/// of a member list. A million records' twenty million keys fit in about 400 MB instead of twice that.
private struct KeyBuckets: Sendable {
    private var slotOrGroup: [UInt64: Int32] = [:]
    private var memberLists: [[Int32]] = []
    private var freeLists: [Int32] = []

    /// Member lists of the keys shared by two records or more.
    var groups: some Sequence<[Int32]> { memberLists.lazy.filter { !$0.isEmpty } }

    func members(of key: UInt64) -> [Int32] {
        guard let value = slotOrGroup[key] else { return [] }
        return value >= 0 ? [value] : memberLists[Int(-value - 1)]
    }

    mutating func add(_ slot: Int32, to key: UInt64) {
        guard let value = slotOrGroup[key] else {
            slotOrGroup[key] = slot
            return
        }
        if value >= 0 {
            let group: Int32
            if let free = freeLists.popLast() {
                group = free
                memberLists[Int(group)] = [value, slot]
            } else {
                group = Int32(memberLists.count)
                memberLists.append([value, slot])
            }
            slotOrGroup[key] = -group - 1
        } else {
            memberLists[Int(-value - 1)].append(slot)
        }
    }

    mutating func remove(_ slot: Int32, from key: UInt64) {
        guard let value = slotOrGroup[key] else { return }
        guard value < 0 else {
            if value == slot { slotOrGroup[key] = nil }
            return
        }
        let group = Int(-value - 1)
        memberLists[group].removeAll { $0 == slot }
        if memberLists[group].count == 1 {
            slotOrGroup[key] = memberLists[group][0]
            memberLists[group] = []
            freeLists.append(Int32(group))
        }
    }
}

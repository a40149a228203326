/// Record id to record index, exact, at 12 bytes per record: ids are kept once in the store, and the map
/// holds only their 64-bit hashes. Two different ids with the same hash (about one chance in 10¹⁷ per pair)
/// go to a small exact overflow map instead of being confused.
struct RecordIDLookup: Sendable {
    private var byHash: [UInt64: Int32] = [:]
    private var overflow: [String: Int32] = [:]

    init() {}

    var count: Int { byHash.count + overflow.count }

    mutating func reserveCapacity(_ records: Int) { byHash.reserveCapacity(records) }

    func index(of id: String, in store: RecordStore) -> Int? {
        if let index = byHash[Self.hash(id)], store.hasID(Int(index), id) { return Int(index) }
        return overflow[id].map(Int.init)
    }

    /// Registers record `index` (already appended to `store`) under its id, which must not be registered yet.
    mutating func insert(_ id: String, at index: Int, in store: RecordStore) {
        let hash = Self.hash(id)
        if let existing = byHash[hash], !store.hasID(Int(existing), id) {
            overflow[id] = Int32(index)
        } else {
            byHash[hash] = Int32(index)
        }
    }

    mutating func remove(_ id: String, in store: RecordStore) {
        let hash = Self.hash(id)
        if let index = byHash[hash], store.hasID(Int(index), id) {
            byHash[hash] = nil
        } else {
            overflow[id] = nil
        }
    }

    private static func hash(_ id: String) -> UInt64 { StableHash.hash(id, tag: 0xFF) }
}

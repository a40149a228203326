/// A dictionary that keeps only its `capacity` most recently inserted keys, evicting the oldest first:
/// the join from transactions and disputes back to their orders, and the memory of records already made,
/// stay within bounded memory however long the file is.
struct BoundedIndex<Key: Hashable, Value> {
    let capacity: Int
    private var values: [Key: Value] = [:]
    /// Keys in insertion order, as a ring: `ring[oldest]` is evicted next.
    private var ring: [Key] = []
    private var oldest = 0

    init(capacity: Int) {
        precondition(capacity > 0, "an index holds at least one entry")
        self.capacity = capacity
    }

    subscript(key: Key) -> Value? { values[key] }

    func contains(_ key: Key) -> Bool { values[key] != nil }

    /// Inserts or replaces the value of `key`; a new key beyond capacity evicts the oldest.
    mutating func insert(_ value: Value, for key: Key) {
        guard values.updateValue(value, forKey: key) == nil else { return }
        if ring.count < capacity {
            ring.append(key)
        } else {
            values.removeValue(forKey: ring[oldest])
            ring[oldest] = key
            oldest = (oldest + 1) % capacity
        }
    }
}

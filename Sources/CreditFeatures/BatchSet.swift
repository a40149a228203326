/// A set of batch indices (into ``PersonFile/batches``): the batches behind one feature. The first 64 fit in
/// one word, so the usual file costs no allocation.
struct BatchSet: Sendable, Equatable {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    init() {}

    mutating func insert(_ index: Int32) {
        let index = Int(index)
        if index < 64 {
            low |= 1 << UInt64(index)
            return
        }
        let word = index / 64 - 1
        if word >= high.count { high.append(contentsOf: repeatElement(0, count: word - high.count + 1)) }
        high[word] |= 1 << UInt64(index % 64)
    }

    mutating func formUnion(_ other: BatchSet) {
        low |= other.low
        if other.high.count > high.count {
            high.append(contentsOf: repeatElement(0, count: other.high.count - high.count))
        }
        for (word, bits) in other.high.enumerated() { high[word] |= bits }
    }

    /// The indices in increasing order.
    var indices: [Int] {
        var result: [Int] = []
        for (word, bits) in ([low] + high).enumerated() {
            var remaining = bits
            while remaining != 0 {
                result.append(word * 64 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return result
    }
}

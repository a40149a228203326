import CredencePrimitives

/// MinHash over the set bits of a CLK: function k maps a filter to the first position, in a fixed random
/// order of the 1024 bit positions, whose bit is set. Two filters get the same value with probability equal to
/// the Jaccard similarity of their bit sets (J = D / (2 − D) for Dice D), so a band of r values agrees with
/// probability J^r: near-duplicates (J ≈ 0.75) share a band often, unrelated values (J ≈ 0.2) almost never.
///
/// Scanning the order until the first set bit takes about 1024 / (set bits + 1) probes, three to seven at the
/// 15-40 % fill of CLKs, so a signature costs far less than hashing every set bit.
struct MinHasher: Sendable {
    let functionCount: Int
    /// `functionCount` permutations of 0..<1024, one after another.
    private let orders: [UInt16]

    /// The orders depend only on `seed`, never on the run's seed: blocking keys must stay comparable between
    /// an index built today and records added next month.
    init(functionCount: Int, seed: UInt64) {
        self.functionCount = functionCount
        var generator = SplitMix64(seed: seed)
        var orders: [UInt16] = []
        orders.reserveCapacity(functionCount * 1024)
        for _ in 0..<functionCount {
            var order = (0..<1024).map { UInt16($0) }
            for index in stride(from: 1023, to: 0, by: -1) {
                // Multiply-shift keeps the draw independent of the standard library's algorithms.
                let other = Int((generator.next().multipliedFullWidth(by: UInt64(index + 1))).high)
                order.swapAt(index, other)
            }
            orders.append(contentsOf: order)
        }
        self.orders = orders
    }

    /// Value of function `function` for a non-empty filter: a position in that function's order (0...1023).
    @inline(__always) func minHash(_ bits: CLKBits, function: Int) -> UInt64 {
        let base = function * 1024
        var position = 0
        while position < 1024, !bits.isSet(Int(orders[base + position])) { position += 1 }
        return UInt64(position)
    }
}

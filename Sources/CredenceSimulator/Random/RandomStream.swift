import CredencePrimitives
import Foundation

/// The independent random streams a simulation draws from. Each person (and each person at each partner)
/// gets its own generator, seeded from the run's seed, the stream and an index, so a person's values do not
/// depend on how many people came before, on the chunk they fall in, or on which thread generates them, and
/// adding a draw to one stream never shifts another.
enum RandomStream: UInt64 {
    case household = 1
    case identity
    case contact
    case risk
    case outcome
    case partnerMembership
    case partnerView
    case lendingAccounts
    case commerce
    case social
    case recycling
}

extension SplitMix64 {
    /// A generator for one stream and index, seeded by a keyed mix of all three so that nearby indices give
    /// unrelated sequences.
    init(seed: UInt64, stream: RandomStream, index: UInt64, subindex: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream.rawValue &* 0xD6E8_FEB8_6659_FD93))
        var mixed = mixer.next() ^ index
        mixed = SplitMix64.finalize(mixed &* 0x9E37_79B9_7F4A_7C15)
        mixed = SplitMix64.finalize(mixed ^ (subindex &* 0xC2B2_AE3D_27D4_EB4F))
        self.init(seed: mixed)
    }

    /// The SplitMix64 output function, used to scramble derived seeds.
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` by multiply-shift (Lemire), written out here rather than taken from
    /// the standard library so that the mapping, and therefore every output byte, cannot change with the
    /// Swift version.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "an empty range has no values")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in a closed range.
    mutating func between(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A standard normal draw (Box-Muller; one of the pair is discarded to keep draws per call fixed).
    mutating func gaussian() -> Double {
        let u1 = max(unit(), 0x1.0p-53)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A geometric count of failures before the first success, capped.
    mutating func geometric(continuing probability: Double, cap: Int) -> Int {
        var count = 0
        while count < cap, chance(probability) { count += 1 }
        return count
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// An index drawn with the given (unnormalized) weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }
}

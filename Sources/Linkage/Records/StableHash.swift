/// A 64-bit hash that is the same in every process, unlike `Hasher`, which is seeded randomly at launch:
/// blocking keys and token keys must not depend on the run, or a seed would not reproduce a result and an
/// index could not be compared with another built later.
///
/// FNV-1a over the bytes, finished with the SplitMix64 mixer so that nearby inputs spread over all 64 bits.
/// Tokens are HMAC outputs, so two distinct tokens collide with probability 2⁻⁶⁴ per pair: among four million
/// tokens, about one chance in two million that any two do.
enum StableHash {
    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Hashes UTF-8 text under a small domain tag, so equal text in two domains gives unrelated values.
    static func hash(_ text: String, tag: UInt8) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var state = (offsetBasis ^ UInt64(tag)) &* prime
            for byte in bytes { state = (state ^ UInt64(byte)) &* prime }
            return mix(state)
        }
    }

    /// Combines a running hash with one more value (order matters).
    static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        mix(seed ^ (value &+ 0x9E37_79B9_7F4A_7C15 &+ (seed << 6) &+ (seed >> 2)))
    }

    /// The SplitMix64 output function: a bijection that spreads every input bit over the whole word.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

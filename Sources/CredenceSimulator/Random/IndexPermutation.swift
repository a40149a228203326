import CredencePrimitives

/// A keyed bijection on `0..<domain`: it turns a person's index into an identifier number (SSN body, phone
/// line, account number) that looks random yet can never be shared by two indices. Drawing such numbers at
/// random would give a few hundred collisions per million people (the birthday bound), and a collision of
/// national IDs or phones is a false link in the ground truth.
///
/// The power-of-two core is a chain of invertible steps (xor with a key, multiplication by an odd constant,
/// xorshift); other domain sizes use cycle walking, which stays a bijection because the core is one.
struct IndexPermutation: Sendable {
    let domain: UInt64
    private let bits: Int
    private let mask: UInt64
    private let keys: (UInt64, UInt64, UInt64, UInt64)

    init(domain: UInt64, key: UInt64) {
        precondition(domain >= 2, "a permutation needs at least two values")
        self.domain = domain
        var bits = 1
        while bits < 64, (UInt64(1) << bits) < domain { bits += 1 }
        self.bits = max(bits, 4)
        self.mask = self.bits == 64 ? UInt64.max : (UInt64(1) << self.bits) - 1
        let k0 = SplitMixKey.derive(key, 1)
        let k1 = SplitMixKey.derive(key, 2) | 1
        let k2 = SplitMixKey.derive(key, 3) | 1
        let k3 = SplitMixKey.derive(key, 4)
        self.keys = (k0, k1, k2, k3)
    }

    /// The image of `value`, which must be below ``domain``.
    func callAsFunction(_ value: UInt64) -> UInt64 {
        precondition(value < domain, "value \(value) is outside the permutation's domain \(domain)")
        var current = core(value)
        while current >= domain { current = core(current) }
        return current
    }

    private func core(_ value: UInt64) -> UInt64 {
        let shift = (bits + 1) / 2
        var x = (value ^ keys.0) & mask
        x = (x &* keys.1) & mask
        x ^= x >> shift
        x = (x &* keys.2) & mask
        x ^= x >> shift
        return (x &+ keys.3) & mask
    }
}

/// Derives sub-keys from one key with the SplitMix64 output function.
enum SplitMixKey {
    static func derive(_ key: UInt64, _ index: UInt64) -> UInt64 {
        SplitMix64.finalize(key &+ index &* 0x9E37_79B9_7F4A_7C15)
    }
}

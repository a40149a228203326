import Crypto

/// HMAC-SHA256 under one fixed key, with the key's inner and outer pad blocks hashed once up front.
///
/// Tokens and Bloom-filter features are short messages under a handful of keys, so keying dominated their
/// cost: BoringSSL re-hashes both pads and allocates two digest contexts per MAC. Here a MAC of a message
/// under 56 bytes is exactly two SHA-256 compressions and no allocation: the outer block is built from the
/// inner digest's words directly. The output is HMAC-SHA256 (RFC 2104) bit for bit; tests compare it with
/// swift-crypto's on random keys and lengths.
struct PrecomputedHMAC: Sendable {
    private let innerState: SHA256State
    private let outerState: SHA256State

    init(key: SymmetricKey) {
        var block = [UInt8](repeating: 0, count: 64)
        key.withUnsafeBytes { bytes in
            if bytes.count > 64 {
                for (index, byte) in SHA256.hash(data: bytes).enumerated() { block[index] = byte }
            } else {
                for (index, byte) in bytes.enumerated() { block[index] = byte }
            }
        }
        var inner = SHA256State.initial
        inner.compress(block.map { $0 ^ 0x36 })
        var outer = SHA256State.initial
        outer.compress(block.map { $0 ^ 0x5c })
        innerState = inner
        outerState = outer
    }

    /// The 32-byte MAC of `message`.
    func authenticationCode(for message: some Collection<UInt8>) -> [UInt8] {
        code(for: message).bytes
    }

    /// The MAC as the eight big-endian words of the outer digest, without allocating.
    func code(for message: some Collection<UInt8>) -> SHA256State {
        if let code = message.withContiguousStorageIfAvailable({ code(for: $0) }) { return code }
        return Array(message).withUnsafeBufferPointer { code(for: $0) }
    }

    func code(for message: UnsafeBufferPointer<UInt8>) -> SHA256State {
        outerState.finishing(digest: innerState.finishing(message, precedingBytes: 64))
    }
}

/// The eight working words of SHA-256 (FIPS 180-4) between blocks; after the last block, the digest.
struct SHA256State: Sendable {
    var h0, h1, h2, h3, h4, h5, h6, h7: UInt32

    static let initial = SHA256State(
        h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a, h4: 0x510e_527f, h5: 0x9b05_688c,
        h6: 0x1f83_d9ab, h7: 0x5be0_cd19)

    /// The 32 digest bytes, big-endian words in order.
    var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
            func put(_ word: UInt32, at index: Int) {
                digest[4 * index] = UInt8(truncatingIfNeeded: word >> 24)
                digest[4 * index + 1] = UInt8(truncatingIfNeeded: word >> 16)
                digest[4 * index + 2] = UInt8(truncatingIfNeeded: word >> 8)
                digest[4 * index + 3] = UInt8(truncatingIfNeeded: word)
            }
            put(h0, at: 0)
            put(h1, at: 1)
            put(h2, at: 2)
            put(h3, at: 3)
            put(h4, at: 4)
            put(h5, at: 5)
            put(h6, at: 6)
            put(h7, at: 7)
            count = 32
        }
    }

    /// Digest bytes 0..<8 and 8..<16 as big-endian integers (the Bloom encoder's h1 and h2).
    var leadingWords: (UInt64, UInt64) { (UInt64(h0) << 32 | UInt64(h1), UInt64(h2) << 32 | UInt64(h3)) }

    /// Hashes the rest of a message after `precedingBytes` (a multiple of 64) already went into this state,
    /// with the standard padding, and returns the final state.
    func finishing(_ message: UnsafeBufferPointer<UInt8>, precedingBytes: Int) -> SHA256State {
        var state = self
        var whole = 0
        while message.count - whole >= 64 {
            state.compress(UnsafeBufferPointer(rebasing: message[whole..<whole + 64]))
            whole += 64
        }
        let rest = message.count - whole
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { block in
            for index in 0..<rest { block[index] = message[whole + index] }
            block[rest] = 0x80
            let end = rest < 56 ? 64 : 128
            for index in (rest + 1)..<(end - 8) { block[index] = 0 }
            let bitLength = UInt64(precedingBytes + message.count) &* 8
            for index in 0..<8 { block[end - 8 + index] = UInt8(truncatingIfNeeded: bitLength >> (56 - 8 * index)) }
            state.compress(UnsafeBufferPointer(rebasing: block[0..<64]))
            if end == 128 { state.compress(UnsafeBufferPointer(rebasing: block[64..<128])) }
        }
        return state
    }

    /// Hashes a 32-byte digest after one 64-byte block (the outer hash of HMAC): a single padded block whose
    /// words are the digest's words, the `0x80` marker and the bit length 96 · 8.
    func finishing(digest: SHA256State) -> SHA256State {
        var state = self
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { words in
            words[0] = digest.h0
            words[1] = digest.h1
            words[2] = digest.h2
            words[3] = digest.h3
            words[4] = digest.h4
            words[5] = digest.h5
            words[6] = digest.h6
            words[7] = digest.h7
            words[8] = 0x8000_0000
            for index in 9..<15 { words[index] = 0 }
            words[15] = (64 + 32) * 8
            state.compress(scheduling: words)
        }
        return state
    }

    mutating func compress(_ block: [UInt8]) {
        block.withUnsafeBufferPointer { compress($0) }
    }

    mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for t in 0..<16 {
                w[t] =
                    UInt32(block[4 * t]) << 24 | UInt32(block[4 * t + 1]) << 16 | UInt32(block[4 * t + 2]) << 8
                    | UInt32(block[4 * t + 3])
            }
            compress(scheduling: w)
        }
    }

    /// One compression of the block whose 16 words are `w[0..<16]`; `w` has room for the 64-word schedule.
    private mutating func compress(scheduling w: UnsafeMutableBufferPointer<UInt32>) {
        for t in 16..<64 {
            let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
            let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
        Self.roundConstants.withUnsafeBufferPointer { k in
            for t in 0..<64 {
                let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                let choice = (e & f) ^ (~e & g)
                let temp1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
                let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ s0 &+ majority)
            }
        }
        h0 &+= a
        h1 &+= b
        h2 &+= c
        h3 &+= d
        h4 &+= e
        h5 &+= f
        h6 &+= g
        h7 &+= h
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}

extension UInt32 {
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { self >> count | self << (32 - count) }
}

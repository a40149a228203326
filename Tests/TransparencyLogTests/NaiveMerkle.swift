import TransparencyLog

/// RFC 9162 §2.1 written as the RFC writes it: recursion over the leaf list, no caching. The reference the
/// cached tree is checked against.
enum NaiveMerkle {
    /// Leaf hashes of the entries "leaf 0", "leaf 1", ...
    static func leaves(_ count: Int) -> [MerkleHash] {
        (0..<count).map { MerkleHash.leafHash(entry: Array("leaf \($0)".utf8)) }
    }

    /// The largest power of two strictly below n (n ≥ 2).
    static func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// MTH(D[n]).
    static func root(_ d: ArraySlice<MerkleHash>) -> MerkleHash {
        switch d.count {
        case 0: return .emptyTree
        case 1: return d.first!
        default:
            let k = split(d.count)
            return .nodeHash(left: root(d.prefix(k)), right: root(d.dropFirst(k)))
        }
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ d: ArraySlice<MerkleHash>) -> [MerkleHash] {
        guard d.count > 1 else { return [] }
        let k = split(d.count)
        if m < k {
            return path(m, d.prefix(k)) + [root(d.dropFirst(k))]
        }
        return path(m - k, d.dropFirst(k)) + [root(d.prefix(k))]
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    static func proof(_ m: Int, _ d: ArraySlice<MerkleHash>) -> [MerkleHash] {
        subproof(m, d, true)
    }

    private static func subproof(_ m: Int, _ d: ArraySlice<MerkleHash>, _ b: Bool) -> [MerkleHash] {
        if m == d.count { return b ? [] : [root(d)] }
        let k = split(d.count)
        if m <= k {
            return subproof(m, d.prefix(k), b) + [root(d.dropFirst(k))]
        }
        return subproof(m - k, d.dropFirst(k), false) + [root(d.prefix(k))]
    }
}

/// The log's RFC 9162 Merkle tree, with every perfect subtree hash cached, so roots and proofs for any
/// earlier size cost O(log n) hashes.
///
/// `levels[k][i]` is the hash of the perfect subtree over leaves `i·2ᵏ ..< (i+1)·2ᵏ`; level 0 holds the leaf
/// hashes. Appending a leaf completes at most one subtree per level, so it costs amortized one node hash, and
/// the tree takes about 2 × 32 bytes per leaf. Every range the RFC's recursive definitions visit starts at a
/// multiple of a power of two at least its length, so its hash is a fold of cached perfect subtrees.
///
/// ```swift
/// var tree = MerkleTree()
/// let index = tree.append(leafHash: .leafHash(entry: batchDigest))
/// let root = tree.rootHash
/// let proof = try tree.inclusionProof(leafIndex: index, treeSize: tree.size)
/// let update = try tree.consistencyProof(from: 3, to: tree.size)
/// ```
public struct MerkleTree: Sendable {
    private var levels: [[MerkleHash]] = []

    /// An empty tree.
    public init() {}

    /// A tree of these leaf hashes, in order: how a log reloads its tree from storage.
    public init(leafHashes: some Sequence<MerkleHash>) {
        for leafHash in leafHashes {
            append(leafHash: leafHash)
        }
    }

    /// The number of leaves.
    public var size: UInt64 { UInt64(levels.first?.count ?? 0) }

    /// The root of the whole tree: MTH(D[size]).
    public var rootHash: MerkleHash { rootHash(size: size) }

    /// Adds a leaf hash (`MerkleHash.leafHash(entry:)`) and returns its leaf index.
    @discardableResult
    public mutating func append(leafHash: MerkleHash) -> UInt64 {
        let index = size
        if levels.isEmpty { levels.append([]) }
        levels[0].append(leafHash)
        // An even count at a level means the new node completed a pair: its parent is now a perfect subtree.
        var level = 0
        while levels[level].count % 2 == 0 {
            let count = levels[level].count
            let parent = MerkleHash.nodeHash(left: levels[level][count - 2], right: levels[level][count - 1])
            if levels.count == level + 1 { levels.append([]) }
            levels[level + 1].append(parent)
            level += 1
        }
        return index
    }

    /// The leaf hash at `index`.
    public func leafHash(at index: UInt64) throws(TransparencyLogError) -> MerkleHash {
        guard index < size else {
            throw TransparencyLogError(.outOfRange, "leaf index \(index) is beyond the tree of \(size) leaves")
        }
        return levels[0][Int(index)]
    }

    /// The root of the tree as it was at `treeSize` leaves: MTH(D[treeSize]).
    public func rootHash(forSize treeSize: UInt64) throws(TransparencyLogError) -> MerkleHash {
        guard treeSize <= size else {
            throw TransparencyLogError(
                .outOfRange, "tree size \(treeSize) is beyond the current tree of \(size) leaves")
        }
        return rootHash(size: treeSize)
    }

    /// The audit path of leaf `leafIndex` in the tree of `treeSize` leaves: PATH(m, D[n]) of RFC 9162 §2.1.3.1,
    /// nodes ordered from the leaf's sibling up to the root's child.
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) throws(TransparencyLogError) -> [MerkleHash] {
        guard treeSize <= size else {
            throw TransparencyLogError(
                .outOfRange, "tree size \(treeSize) is beyond the current tree of \(size) leaves")
        }
        guard leafIndex < treeSize else {
            throw TransparencyLogError(
                .outOfRange, "leaf index \(leafIndex) is not in a tree of \(treeSize) leaves (indices start at 0)")
        }
        var proof: [MerkleHash] = []
        proof.reserveCapacity(64)
        path(leafIndex, start: 0, count: treeSize, into: &proof)
        return proof
    }

    /// The proof that the tree of `firstSize` leaves is a prefix of the tree of `secondSize` leaves:
    /// PROOF(m, D[n]) of RFC 9162 §2.1.4.1.
    ///
    /// The RFC defines proofs for `0 < m < n`; for `m == n` and for `m == 0` there is nothing to prove and the
    /// proof is empty (``MerkleProof/verifyConsistency(firstSize:secondSize:firstRoot:secondRoot:proof:)``
    /// accepts exactly that).
    public func consistencyProof(from firstSize: UInt64, to secondSize: UInt64) throws(TransparencyLogError)
        -> [MerkleHash]
    {
        guard secondSize <= size else {
            throw TransparencyLogError(
                .outOfRange, "tree size \(secondSize) is beyond the current tree of \(size) leaves")
        }
        guard firstSize <= secondSize else {
            throw TransparencyLogError(
                .outOfRange,
                "a consistency proof goes from a smaller tree to a larger one, not \(firstSize) to \(secondSize)")
        }
        var proof: [MerkleHash] = []
        guard firstSize > 0, firstSize < secondSize else { return proof }
        proof.reserveCapacity(64)
        subproof(firstSize, start: 0, count: secondSize, complete: true, into: &proof)
        return proof
    }

    // MARK: - RFC 9162 recursions over cached subtrees

    private func rootHash(size treeSize: UInt64) -> MerkleHash {
        treeSize == 0 ? .emptyTree : subtreeHash(start: 0, count: treeSize)
    }

    /// MTH(D[start ..< start+count]) for a non-empty range whose start is a multiple of a power of two at
    /// least `count`: the right fold of its perfect subtrees, one per set bit of `count`, largest leftmost.
    private func subtreeHash(start: UInt64, count: UInt64) -> MerkleHash {
        precondition(count > 0 && start + count <= size)
        var remaining = count
        var result: MerkleHash?
        // The lowest set bit is the rightmost perfect subtree; fold leftwards from it.
        while remaining != 0 {
            let level = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            let node = levels[level][Int((start + remaining) >> level)]
            result = result.map { MerkleHash.nodeHash(left: node, right: $0) } ?? node
        }
        return result!
    }

    /// PATH(m, D[start ..< start+n]), appended to `proof`.
    private func path(_ m: UInt64, start: UInt64, count n: UInt64, into proof: inout [MerkleHash]) {
        guard n > 1 else { return }
        let k = Self.largestPowerOfTwo(below: n)
        if m < k {
            path(m, start: start, count: k, into: &proof)
            proof.append(subtreeHash(start: start + k, count: n - k))
        } else {
            path(m - k, start: start + k, count: n - k, into: &proof)
            proof.append(subtreeHash(start: start, count: k))
        }
    }

    /// SUBPROOF(m, D[start ..< start+n], b), appended to `proof`.
    private func subproof(
        _ m: UInt64, start: UInt64, count n: UInt64, complete b: Bool, into proof: inout [MerkleHash]
    ) {
        if m == n {
            // The old tree is this subtree: the verifier knows its hash already only when it is the whole old tree.
            if !b { proof.append(subtreeHash(start: start, count: n)) }
            return
        }
        let k = Self.largestPowerOfTwo(below: n)
        if m <= k {
            subproof(m, start: start, count: k, complete: b, into: &proof)
            proof.append(subtreeHash(start: start + k, count: n - k))
        } else {
            subproof(m - k, start: start + k, count: n - k, complete: false, into: &proof)
            proof.append(subtreeHash(start: start, count: k))
        }
    }

    /// The largest power of two strictly less than `n` (n ≥ 2): the RFC's split point k.
    static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        precondition(n >= 2)
        return 1 << (63 - (n - 1).leadingZeroBitCount)
    }
}

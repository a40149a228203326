/// Offline verification of RFC 9162 proofs: a client needs only a signed (size, root) and the proof.
///
/// ```swift
/// let checkpoint = try signed.verify(keyName: "log.credence.example", publicKey: logKey)
/// try MerkleProof.verifyInclusion(
///     leafHash: .leafHash(entry: entry), leafIndex: receipt.logIndex, treeSize: checkpoint.size,
///     proof: receipt.inclusionProof, rootHash: checkpoint.rootHash)
/// try MerkleProof.verifyConsistency(
///     firstSize: old.size, secondSize: checkpoint.size, firstRoot: old.rootHash,
///     secondRoot: checkpoint.rootHash, proof: consistencyProof)
/// ```
public enum MerkleProof {
    /// Checks that `proof` is the audit path of `leafHash` at `leafIndex` in the tree of `treeSize` leaves whose
    /// root is `rootHash` (RFC 9162 §2.1.3.2).
    public static func verifyInclusion(
        leafHash: MerkleHash, leafIndex: UInt64, treeSize: UInt64, proof: [MerkleHash], rootHash: MerkleHash
    ) throws(TransparencyLogError) {
        let computed = try rootFromInclusionProof(
            leafHash: leafHash, leafIndex: leafIndex, treeSize: treeSize, proof: proof)
        guard computed == rootHash else {
            throw TransparencyLogError(
                .inclusionProofInvalid,
                "the inclusion proof for leaf \(leafIndex) leads to root \(computed.base64), not to the root "
                    + "\(rootHash.base64) of the tree of \(treeSize) leaves")
        }
    }

    /// The root that `proof` leads to from `leafHash` at `leafIndex` in a tree of `treeSize` leaves
    /// (RFC 9162 §2.1.3.2, steps 1–5 without the final comparison); throws when the proof has the wrong
    /// length for that index and size.
    public static func rootFromInclusionProof(
        leafHash: MerkleHash, leafIndex: UInt64, treeSize: UInt64, proof: [MerkleHash]
    ) throws(TransparencyLogError) -> MerkleHash {
        // 1. leaf_index must be below tree_size.
        guard leafIndex < treeSize else {
            throw TransparencyLogError(
                .inclusionProofInvalid, "leaf index \(leafIndex) is not in a tree of \(treeSize) leaves")
        }
        // 2. fn = leaf_index, sn = tree_size - 1. 3. r = hash.
        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        // 4. For each p in the inclusion path:
        for p in proof {
            // a. sn == 0 means the path is longer than the tree is tall.
            guard sn != 0 else {
                throw TransparencyLogError(
                    .inclusionProofInvalid,
                    "the inclusion proof has \(proof.count) nodes, too many for leaf \(leafIndex) of \(treeSize)")
            }
            // b. A right child (LSB set), or the last node of its level, hashes with p on its left.
            if fn & 1 == 1 || fn == sn {
                r = .nodeHash(left: p, right: r)
                // ii. Climb past the levels where this node is a left child with no right sibling.
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = .nodeHash(left: r, right: p)
            }
            // c.
            fn >>= 1
            sn >>= 1
        }
        // 5. sn must have reached 0: the path reached the root.
        guard sn == 0 else {
            throw TransparencyLogError(
                .inclusionProofInvalid,
                "the inclusion proof has \(proof.count) nodes, too few for leaf \(leafIndex) of \(treeSize)")
        }
        return r
    }

    /// Checks that the tree of `firstSize` leaves with root `firstRoot` is a prefix of the tree of
    /// `secondSize` leaves with root `secondRoot` (RFC 9162 §2.1.4.2).
    ///
    /// The RFC's algorithm covers `0 < firstSize < secondSize`. Beyond it: equal sizes need equal roots and an
    /// empty proof, and the empty tree (whose root must be ``MerkleHash/emptyTree``) is a prefix of every tree,
    /// with an empty proof.
    public static func verifyConsistency(
        firstSize: UInt64, secondSize: UInt64, firstRoot: MerkleHash, secondRoot: MerkleHash, proof: [MerkleHash]
    ) throws(TransparencyLogError) {
        guard firstSize <= secondSize else {
            throw TransparencyLogError(
                .consistencyProofInvalid,
                "the first tree (\(firstSize) leaves) is larger than the second (\(secondSize) leaves): "
                    + "a log only grows")
        }
        if firstSize == secondSize {
            guard proof.isEmpty else {
                throw TransparencyLogError(
                    .consistencyProofInvalid, "a consistency proof between equal sizes must be empty")
            }
            guard firstRoot == secondRoot else {
                throw TransparencyLogError(
                    .consistencyProofInvalid,
                    "two different roots for the same tree size \(firstSize): the log forked")
            }
            return
        }
        if firstSize == 0 {
            guard proof.isEmpty else {
                throw TransparencyLogError(
                    .consistencyProofInvalid, "a consistency proof from the empty tree must be empty")
            }
            guard firstRoot == .emptyTree else {
                throw TransparencyLogError(
                    .consistencyProofInvalid, "the root of the empty tree must be SHA-256 of the empty string")
            }
            return
        }
        // 1. An empty path proves nothing.
        guard !proof.isEmpty else {
            throw TransparencyLogError(
                .consistencyProofInvalid, "the consistency proof from \(firstSize) to \(secondSize) is empty")
        }
        // 2. When the old tree is a perfect subtree, the proof omits its root: the verifier has it.
        var path = proof[...]
        let start: MerkleHash
        if firstSize & (firstSize - 1) == 0 {
            start = firstRoot
        } else {
            start = path.removeFirst()
        }
        // 3. fn = first - 1, sn = second - 1. 4. Skip the levels where the old tree's last node is a right child.
        var fn = firstSize - 1
        var sn = secondSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // 5. fr and sr start from the same node.
        var fr = start
        var sr = start
        // 6. For each subsequent c:
        for c in path {
            // a.
            guard sn != 0 else {
                throw TransparencyLogError(
                    .consistencyProofInvalid,
                    "the consistency proof from \(firstSize) to \(secondSize) has too many nodes (\(proof.count))")
            }
            // b. A node on the left of the old tree's edge belongs to both trees; one on the right, only to the new.
            if fn & 1 == 1 || fn == sn {
                fr = .nodeHash(left: c, right: fr)
                sr = .nodeHash(left: c, right: sr)
                // iii. As for inclusion: climb past the levels where the edge node has no right sibling.
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = .nodeHash(left: sr, right: c)
            }
            // c.
            fn >>= 1
            sn >>= 1
        }
        // 7.
        guard sn == 0 else {
            throw TransparencyLogError(
                .consistencyProofInvalid,
                "the consistency proof from \(firstSize) to \(secondSize) has too few nodes (\(proof.count))")
        }
        guard fr == firstRoot else {
            throw TransparencyLogError(
                .consistencyProofInvalid,
                "the consistency proof does not lead to the root of the first tree (\(firstSize) leaves)")
        }
        guard sr == secondRoot else {
            throw TransparencyLogError(
                .consistencyProofInvalid,
                "the consistency proof does not lead to the root of the second tree (\(secondSize) leaves)")
        }
    }
}

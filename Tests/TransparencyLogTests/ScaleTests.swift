import Testing
import TransparencyLog

/// A million-leaf tree: built, and proved against, without rehashing the leaves. Not timed (CI machines vary);
/// a few seconds in a debug build on two cores.
struct ScaleTests {
    @Test func millionLeafTree() throws {
        let size: UInt64 = 1_000_000
        var tree = MerkleTree()
        // Leaf hashes from a counter: the tree hashes nodes, never entries, so this measures the tree alone.
        var seed = MerkleHash.leafHash(entry: [])
        for index in 0..<size {
            if index % 4096 == 0 { seed = MerkleHash.leafHash(entry: Array(String(index).utf8)) }
            tree.append(leafHash: seed)
        }
        #expect(tree.size == size)
        let root = tree.rootHash
        for index in [0, 1, 499_999, 524_288, 999_999] as [UInt64] {
            let proof = try tree.inclusionProof(leafIndex: index, treeSize: size)
            // 2¹⁹ < 10⁶ ≤ 2²⁰: twenty levels on the left, fewer along the ragged right edge.
            #expect(proof.count <= 20)
            #expect(index != 0 || proof.count == 20)
            try MerkleProof.verifyInclusion(
                leafHash: tree.leafHash(at: index), leafIndex: index, treeSize: size, proof: proof, rootHash: root)
        }
        for first in [1, 2, 1000, 524_288, 999_999] as [UInt64] {
            let proof = try tree.consistencyProof(from: first, to: size)
            try MerkleProof.verifyConsistency(
                firstSize: first, secondSize: size, firstRoot: tree.rootHash(forSize: first), secondRoot: root,
                proof: proof)
        }
        // Proofs for an older size of the same big tree.
        let older: UInt64 = 765_432
        let proof = try tree.inclusionProof(leafIndex: 123_456, treeSize: older)
        try MerkleProof.verifyInclusion(
            leafHash: tree.leafHash(at: 123_456), leafIndex: 123_456, treeSize: older, proof: proof,
            rootHash: tree.rootHash(forSize: older))
    }
}

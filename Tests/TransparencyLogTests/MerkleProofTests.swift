import Testing
import TransparencyLog

/// Every proof of trees up to 40 leaves verifies; every tampered one fails.
struct MerkleProofTests {
    static let maximumSize = 40
    static let leaves = NaiveMerkle.leaves(maximumSize)
    static let tree = MerkleTree(leafHashes: leaves)
    static let roots = (0...maximumSize).map { NaiveMerkle.root(leaves.prefix($0)) }
    static let someHash = MerkleHash.leafHash(entry: Array("not in the tree".utf8))

    /// Proof variants that must not verify for the same (index, size, root) claim.
    static func corruptions(of proof: [MerkleHash], extra: [MerkleHash]) -> [(String, [MerkleHash])] {
        var variants: [(String, [MerkleHash])] = []
        for index in proof.indices {
            var flipped = proof[index].bytes
            flipped[index % 32] ^= 0x08
            var changed = proof
            changed[index] = try! MerkleHash(bytes: flipped)
            variants.append(("flipped a bit of node \(index)", changed))
            var removed = proof
            removed.remove(at: index)
            variants.append(("removed node \(index)", removed))
        }
        for hash in extra {
            variants.append(("appended \(hash.hex.prefix(8))", proof + [hash]))
            variants.append(("prepended \(hash.hex.prefix(8))", [hash] + proof))
        }
        if proof.count > 1 {
            variants.append(("swapped the first two nodes", [proof[1], proof[0]] + proof.dropFirst(2)))
            variants.append(("inserted a node", [proof[0], someHash] + proof.dropFirst()))
        }
        return variants
    }

    @Test(arguments: 1...maximumSize)
    func inclusionProofs(size: Int) throws {
        let n = UInt64(size)
        for index in 0..<size {
            let m = UInt64(index)
            let proof = try Self.tree.inclusionProof(leafIndex: m, treeSize: n)
            try MerkleProof.verifyInclusion(
                leafHash: Self.leaves[index], leafIndex: m, treeSize: n, proof: proof, rootHash: Self.roots[size])
            #expect(
                try MerkleProof.rootFromInclusionProof(
                    leafHash: Self.leaves[index], leafIndex: m, treeSize: n, proof: proof) == Self.roots[size])

            func expectFailure(
                _ what: String, leaf: MerkleHash? = nil, index claimedIndex: UInt64? = nil,
                size claimedSize: UInt64? = nil,
                proof claimedProof: [MerkleHash]? = nil, root: MerkleHash? = nil
            ) {
                do {
                    try MerkleProof.verifyInclusion(
                        leafHash: leaf ?? Self.leaves[index], leafIndex: claimedIndex ?? m, treeSize: claimedSize ?? n,
                        proof: claimedProof ?? proof, rootHash: root ?? Self.roots[size])
                    Issue.record("inclusion of \(index) in \(size) verified with \(what)")
                } catch {
                    #expect(error.code == .inclusionProofInvalid)
                }
            }
            for (what, corrupted) in Self.corruptions(of: proof, extra: [Self.roots[size], Self.someHash]) {
                expectFailure(what, proof: corrupted)
            }
            expectFailure("another leaf", leaf: Self.someHash)
            expectFailure("the empty root", root: .emptyTree)
            expectFailure("another root", root: Self.someHash)
            for other in [m &- 1, m + 1, m ^ 2, m ^ 1, n] where other != m {
                expectFailure("index \(other)", index: other)
            }
            // A size is bound to its root by the signed checkpoint: a claim of another size comes with that
            // size's root.
            let limit = UInt64(Self.maximumSize)
            for other in [n - 1, n + 1, n * 2, n / 2] where other > m && other != n && other <= limit {
                expectFailure("size \(other) and its root", size: other, root: Self.roots[Int(other)])
            }
            if m > 0 { expectFailure("size \(m), which excludes the leaf", size: m) }
        }
    }

    @Test(arguments: 1...maximumSize)
    func consistencyProofs(size: Int) throws {
        let n = UInt64(size)
        for first in 0...size {
            let m = UInt64(first)
            let proof = try Self.tree.consistencyProof(from: m, to: n)
            try MerkleProof.verifyConsistency(
                firstSize: m, secondSize: n, firstRoot: Self.roots[first], secondRoot: Self.roots[size], proof: proof)
            guard first > 0 && first < size else {
                #expect(proof.isEmpty)
                continue
            }

            func expectFailure(
                _ what: String, sizes: (UInt64, UInt64)? = nil, roots: (MerkleHash, MerkleHash)? = nil,
                proof claimedProof: [MerkleHash]? = nil
            ) {
                do {
                    try MerkleProof.verifyConsistency(
                        firstSize: sizes?.0 ?? m, secondSize: sizes?.1 ?? n, firstRoot: roots?.0 ?? Self.roots[first],
                        secondRoot: roots?.1 ?? Self.roots[size], proof: claimedProof ?? proof)
                    Issue.record("consistency of \(first) to \(size) verified with \(what)")
                } catch {
                    #expect(error.code == .consistencyProofInvalid)
                }
            }
            let extra = [Self.roots[first], Self.roots[size], Self.someHash]
            for (what, corrupted) in Self.corruptions(of: proof, extra: extra) {
                expectFailure(what, proof: corrupted)
            }
            expectFailure("an empty proof", proof: [])
            expectFailure("swapped roots", roots: (Self.roots[size], Self.roots[first]))
            expectFailure("another first root", roots: (Self.someHash, Self.roots[size]))
            expectFailure("another second root", roots: (Self.roots[first], Self.someHash))
            expectFailure("reversed sizes", sizes: (n, m), roots: (Self.roots[size], Self.roots[first]))
            // Other sizes, each with its own root (the signed checkpoint binds them); a proof that happens to be
            // the right one for the other pair would be no forgery, so those are skipped.
            let limit = UInt64(Self.maximumSize)
            let claims: [(UInt64, UInt64)] = [
                (m - 1, n), (m + 1, n), (m ^ 2, n), (m, n + 1), (m, n - 1), (m, n * 2), (m, n / 2),
            ]
            for (a, b) in claims where a > 0 && a < b && b <= limit && (a, b) != (m, n) {
                if try Self.tree.consistencyProof(from: a, to: b) == proof { continue }
                expectFailure("sizes \(a) and \(b)", sizes: (a, b), roots: (Self.roots[Int(a)], Self.roots[Int(b)]))
            }
        }
    }

    /// The cases outside the RFC's 0 < m < n: equal sizes and the empty tree.
    @Test func degenerateConsistency() throws {
        let root3 = Self.roots[3]
        try MerkleProof.verifyConsistency(firstSize: 3, secondSize: 3, firstRoot: root3, secondRoot: root3, proof: [])
        try MerkleProof.verifyConsistency(
            firstSize: 0, secondSize: 3, firstRoot: .emptyTree, secondRoot: root3, proof: [])
        try MerkleProof.verifyConsistency(
            firstSize: 0, secondSize: 0, firstRoot: .emptyTree, secondRoot: .emptyTree, proof: [])
        let refused: [(UInt64, UInt64, MerkleHash, MerkleHash, [MerkleHash], String)] = [
            (3, 3, root3, Self.roots[4], [], "the log forked"),
            (3, 3, root3, root3, [root3], "must be empty"),
            (0, 3, Self.someHash, root3, [], "SHA-256 of the empty string"),
            (0, 3, .emptyTree, root3, [root3], "must be empty"),
            (4, 3, Self.roots[4], root3, [], "a log only grows"),
            (1, 2, Self.roots[1], Self.roots[2], [], "is empty"),
        ]
        for (first, second, firstRoot, secondRoot, proof, fragment) in refused {
            do {
                try MerkleProof.verifyConsistency(
                    firstSize: first, secondSize: second, firstRoot: firstRoot, secondRoot: secondRoot, proof: proof)
                Issue.record("\(first) to \(second) verified")
            } catch {
                #expect(error.code == .consistencyProofInvalid)
                #expect(error.message.contains(fragment), "\(error.message)")
            }
        }
    }

    @Test func inclusionOutsideTheTreeFails() throws {
        for (index, size) in [(0, 0), (1, 0), (1, 1), (2, 1), (5, 5)] as [(UInt64, UInt64)] {
            #expect(throws: TransparencyLogError.self) {
                try MerkleProof.verifyInclusion(
                    leafHash: Self.leaves[0], leafIndex: index, treeSize: size, proof: [], rootHash: Self.leaves[0])
            }
        }
        // A one-leaf tree: the root is the leaf hash and the proof is empty.
        try MerkleProof.verifyInclusion(
            leafHash: Self.leaves[0], leafIndex: 0, treeSize: 1, proof: [], rootHash: Self.leaves[0])
    }

    @Test func errorMessagesSayWhatIsWrong() throws {
        let proof = try Self.tree.inclusionProof(leafIndex: 5, treeSize: 8)
        let cases: [([MerkleHash], String)] = [
            (proof + [Self.someHash], "too many for leaf 5 of 8"),
            (Array(proof.dropLast()), "too few for leaf 5 of 8"),
            ([Self.someHash] + proof.dropFirst(), "leads to root"),
        ]
        for (claimed, fragment) in cases {
            do {
                try MerkleProof.verifyInclusion(
                    leafHash: Self.leaves[5], leafIndex: 5, treeSize: 8, proof: claimed, rootHash: Self.roots[8])
                Issue.record("verified")
            } catch {
                #expect(error.message.contains(fragment), "\(error.message)")
                #expect(error.description == error.message)
            }
        }
    }
}

import CredencePrimitives
import Testing
import TransparencyLog

/// The cached tree against the naive RFC 9162 recursion: roots, audit paths and consistency proofs.
struct MerkleTreeTests {
    static let leaves = NaiveMerkle.leaves(70)

    @Test func hashPrimitives() throws {
        #expect(MerkleHash.emptyTree.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // SHA-256(0x00) and SHA-256(0x01 ‖ l ‖ l), computed independently with Python's hashlib.
        let leaf = MerkleHash.leafHash(entry: [])
        #expect(leaf.hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(
            MerkleHash.nodeHash(left: leaf, right: leaf).hex
                == "fe43d66afa4a9a5c4f9c9da89f4ffb52635c8f342e7ffb731d68e36c5982072a")
    }

    @Test func hashEncodings() throws {
        let hash = MerkleHash.leafHash(entry: Array("x".utf8))
        #expect(try MerkleHash(bytes: hash.bytes) == hash)
        #expect(try MerkleHash(base64: hash.base64) == hash)
        #expect(try MerkleHash(hex: hash.hex) == hash)
        #expect(try MerkleHash(hex: hash.hex.uppercased()) == hash)
        #expect(hash.base64.count == 44)
        #expect(hash.description == hash.hex)
        #expect(throws: TransparencyLogError.self) { try MerkleHash(bytes: [UInt8](repeating: 0, count: 31)) }
        #expect(throws: TransparencyLogError.self) { try MerkleHash(bytes: [UInt8](repeating: 0, count: 33)) }
        #expect(throws: TransparencyLogError.self) { try MerkleHash(base64: Base64.encodeURLSafe(hash.bytes)) }
        #expect(throws: TransparencyLogError.self) { try MerkleHash(base64: String(hash.base64.dropLast())) }
        #expect(throws: TransparencyLogError.self) { try MerkleHash(hex: "zz" + hash.hex.dropFirst(2)) }
        do {
            _ = try MerkleHash(base64: "YmFuYW5hcw==")
            Issue.record("a 7-byte hash was accepted")
        } catch {
            #expect(error.code == .invalidHash)
            #expect(error.message.contains("32 bytes, got 7"))
        }
    }

    @Test(arguments: 0...70)
    func rootOfEverySize(size: Int) throws {
        let tree = MerkleTree(leafHashes: Self.leaves.prefix(size))
        #expect(tree.size == UInt64(size))
        #expect(tree.rootHash == NaiveMerkle.root(Self.leaves.prefix(size)))
    }

    @Test func rootForEverySmallerSize() throws {
        var tree = MerkleTree()
        for (index, leaf) in Self.leaves.enumerated() {
            #expect(tree.append(leafHash: leaf) == UInt64(index))
            for size in 0...(index + 1) {
                #expect(try tree.rootHash(forSize: UInt64(size)) == NaiveMerkle.root(Self.leaves.prefix(size)))
            }
        }
        #expect(try tree.leafHash(at: 17) == Self.leaves[17])
    }

    /// Sizes around powers of two and a few arbitrary ones, in one tree of the largest size. The naive root of
    /// each size is computed once; proofs must verify against those roots, and for the smaller sizes must equal
    /// the naive PATH and PROOF exactly (the naive ones rehash the whole tree, too slow beyond that in debug).
    @Test func largeTreeRootsAndProofs() throws {
        let sizes = [255, 256, 257, 1000, 1023, 1025, 4099, 12_345, 65_535, 65_536, 65_537, 100_003]
        let leaves = NaiveMerkle.leaves(sizes.max()!)
        let tree = MerkleTree(leafHashes: leaves)
        let naiveRoots = Dictionary(uniqueKeysWithValues: sizes.map { ($0, NaiveMerkle.root(leaves.prefix($0))) })
        var generator = SplitMix64(seed: 9162)
        for size in sizes {
            let n = UInt64(size)
            #expect(try tree.rootHash(forSize: n) == naiveRoots[size], "size \(size)")
            for _ in 0..<4 {
                let index = Int.random(in: 0..<size, using: &generator)
                let proof = try tree.inclusionProof(leafIndex: UInt64(index), treeSize: n)
                try MerkleProof.verifyInclusion(
                    leafHash: leaves[index], leafIndex: UInt64(index), treeSize: n, proof: proof,
                    rootHash: naiveRoots[size]!)
                if size <= 5000 {
                    #expect(proof == NaiveMerkle.path(index, leaves.prefix(size)), "leaf \(index) of \(size)")
                    let first = Int.random(in: 1...size, using: &generator)
                    let consistency = try tree.consistencyProof(from: UInt64(first), to: n)
                    #expect(consistency == NaiveMerkle.proof(first, leaves.prefix(size)), "\(first) to \(size)")
                }
            }
            for first in sizes where first <= size {
                try MerkleProof.verifyConsistency(
                    firstSize: UInt64(first), secondSize: n, firstRoot: naiveRoots[first]!,
                    secondRoot: naiveRoots[size]!, proof: tree.consistencyProof(from: UInt64(first), to: n))
            }
        }
    }

    @Test(arguments: 1...40)
    func proofsMatchTheRecursiveDefinitions(size: Int) throws {
        let tree = MerkleTree(leafHashes: Self.leaves.prefix(size))
        let prefix = Self.leaves.prefix(size)
        for index in 0..<size {
            #expect(
                try tree.inclusionProof(leafIndex: UInt64(index), treeSize: UInt64(size))
                    == NaiveMerkle.path(index, prefix))
        }
        for first in 1..<size {
            #expect(
                try tree.consistencyProof(from: UInt64(first), to: UInt64(size)) == NaiveMerkle.proof(first, prefix))
        }
        #expect(try tree.consistencyProof(from: UInt64(size), to: UInt64(size)).isEmpty)
        #expect(try tree.consistencyProof(from: 0, to: UInt64(size)).isEmpty)
    }

    @Test func outOfRangeArgumentsAreRefused() throws {
        let tree = MerkleTree(leafHashes: Self.leaves.prefix(10))
        func expectOutOfRange(_ body: () throws -> Void, _ fragment: String) {
            do {
                try body()
                Issue.record("expected outOfRange (\(fragment))")
            } catch let error as TransparencyLogError {
                #expect(error.code == .outOfRange)
                #expect(error.message.contains(fragment), "\(error.message)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        expectOutOfRange({ _ = try tree.rootHash(forSize: 11) }, "tree size 11 is beyond the current tree of 10")
        expectOutOfRange({ _ = try tree.leafHash(at: 10) }, "leaf index 10 is beyond")
        expectOutOfRange(
            { _ = try tree.inclusionProof(leafIndex: 10, treeSize: 10) }, "leaf index 10 is not in a tree of 10")
        expectOutOfRange({ _ = try tree.inclusionProof(leafIndex: 0, treeSize: 0) }, "not in a tree of 0")
        expectOutOfRange({ _ = try tree.inclusionProof(leafIndex: 0, treeSize: 11) }, "tree size 11")
        expectOutOfRange({ _ = try tree.consistencyProof(from: 5, to: 11) }, "tree size 11")
        expectOutOfRange({ _ = try tree.consistencyProof(from: 6, to: 5) }, "from a smaller tree to a larger one")
        expectOutOfRange({ _ = try MerkleTree().inclusionProof(leafIndex: 0, treeSize: 0) }, "not in a tree of 0")
        #expect(MerkleTree().rootHash == .emptyTree)
        #expect(try MerkleTree().consistencyProof(from: 0, to: 0).isEmpty)
    }

    /// A tree is a value: a copy keeps its size and root while the original grows.
    @Test func valueSemantics() throws {
        var tree = MerkleTree(leafHashes: Self.leaves.prefix(5))
        let snapshot = tree
        tree.append(leafHash: Self.leaves[5])
        #expect(snapshot.size == 5)
        #expect(snapshot.rootHash == NaiveMerkle.root(Self.leaves.prefix(5)))
        #expect(tree.rootHash == NaiveMerkle.root(Self.leaves.prefix(6)))
    }
}

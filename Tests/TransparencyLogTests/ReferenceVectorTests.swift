import CredencePrimitives
import Testing
import TransparencyLog

/// Known answers from github.com/transparency-dev/merkle: `testonly/constants.go` (leaves, node hashes, roots
/// of the 8-leaf RFC 6962 tree) and `proof/verify_test.go` (inclusion and consistency proofs).
struct ReferenceVectorTests {
    static let leafInputs = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map { Hex.decode($0)! }

    /// NodeHashes(): [level][index] of every perfect subtree.
    static let nodeHashes: [[String]] = [
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        [
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
        ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ]

    /// RootHashes(): MTH of the first n leaves, n = 0...8.
    static let roots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map { try! MerkleHash(hex: $0) }

    struct InclusionVector: Sendable, CustomTestStringConvertible {
        /// 0-based (the Go table is 1-based).
        let leafIndex: UInt64
        let treeSize: UInt64
        let proof: [String]
        var testDescription: String { "leaf \(leafIndex) of \(treeSize)" }
    }

    static let inclusionVectors = [
        InclusionVector(
            leafIndex: 0, treeSize: 8,
            proof: [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]),
        InclusionVector(
            leafIndex: 5, treeSize: 8,
            proof: [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]),
        InclusionVector(
            leafIndex: 2, treeSize: 3,
            proof: ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        InclusionVector(
            leafIndex: 1, treeSize: 5,
            proof: [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]),
        InclusionVector(leafIndex: 0, treeSize: 1, proof: []),
    ]

    struct ConsistencyVector: Sendable, CustomTestStringConvertible {
        let firstSize: UInt64
        let secondSize: UInt64
        let proof: [String]
        var testDescription: String { "\(firstSize) to \(secondSize)" }
    }

    static let consistencyVectors = [
        ConsistencyVector(firstSize: 1, secondSize: 1, proof: []),
        ConsistencyVector(
            firstSize: 1, secondSize: 8,
            proof: [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]),
        ConsistencyVector(
            firstSize: 6, secondSize: 8,
            proof: [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]),
        ConsistencyVector(
            firstSize: 2, secondSize: 5,
            proof: [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]),
        ConsistencyVector(
            firstSize: 6, secondSize: 7,
            proof: [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]),
    ]

    static let tree = MerkleTree(leafHashes: leafInputs.map { MerkleHash.leafHash(entry: $0) })

    @Test func leafAndNodeHashes() throws {
        for (level, hashes) in Self.nodeHashes.enumerated() {
            for (index, hex) in hashes.enumerated() {
                // A perfect subtree's hash is the root of its leaves as a tree of their own.
                let width = 1 << level
                let leaves = Self.leafInputs[(index * width)..<((index + 1) * width)].map {
                    MerkleHash.leafHash(entry: $0)
                }
                #expect(MerkleTree(leafHashes: leaves).rootHash.hex == hex, "level \(level) index \(index)")
            }
        }
    }

    @Test(arguments: 0...8)
    func roots(size: Int) throws {
        #expect(try Self.tree.rootHash(forSize: UInt64(size)) == Self.roots[size])
    }

    @Test(arguments: inclusionVectors)
    func inclusion(vector: InclusionVector) throws {
        let expected = try vector.proof.map { try MerkleHash(hex: $0) }
        #expect(try Self.tree.inclusionProof(leafIndex: vector.leafIndex, treeSize: vector.treeSize) == expected)
        let root = Self.roots[Int(vector.treeSize)]
        let leaf = MerkleHash.leafHash(entry: Self.leafInputs[Int(vector.leafIndex)])
        try MerkleProof.verifyInclusion(
            leafHash: leaf, leafIndex: vector.leafIndex, treeSize: vector.treeSize, proof: expected, rootHash: root)
        // The corruptions verify_test.go checks for these vectors, wrong sizes with the original root included.
        let m = vector.leafIndex
        let n = vector.treeSize
        for (index, size) in [(m &- 1, n), (m + 1, n), (m ^ 2, n), (m, n * 2), (m, n / 2)] where (index, size) != (m, n)
        {
            #expect(throws: TransparencyLogError.self, "index \(index) size \(size)") {
                try MerkleProof.verifyInclusion(
                    leafHash: leaf, leafIndex: index, treeSize: size, proof: expected, rootHash: root)
            }
        }
    }

    @Test(arguments: consistencyVectors)
    func consistency(vector: ConsistencyVector) throws {
        let expected = try vector.proof.map { try MerkleHash(hex: $0) }
        #expect(try Self.tree.consistencyProof(from: vector.firstSize, to: vector.secondSize) == expected)
        let first = Self.roots[Int(vector.firstSize)]
        let second = Self.roots[Int(vector.secondSize)]
        try MerkleProof.verifyConsistency(
            firstSize: vector.firstSize, secondSize: vector.secondSize, firstRoot: first, secondRoot: second,
            proof: expected)
        guard !expected.isEmpty else { return }
        let m = vector.firstSize
        let n = vector.secondSize
        for (a, b) in [(m - 1, n), (m + 1, n), (m ^ 2, n), (m, n * 2), (m, n / 2)] {
            #expect(throws: TransparencyLogError.self, "sizes \(a), \(b)") {
                try MerkleProof.verifyConsistency(
                    firstSize: a, secondSize: b, firstRoot: first, secondRoot: second, proof: expected)
            }
        }
    }

    /// testdata/consistency/1/happy-path.json, whose hashes are base64.
    @Test func consistencyHappyPathInBase64() throws {
        let proof = try [
            "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=", "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
        ].map { try MerkleHash(base64: $0) }
        try MerkleProof.verifyConsistency(
            firstSize: 1, secondSize: 8, firstRoot: MerkleHash(base64: "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0="),
            secondRoot: MerkleHash(base64: "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="), proof: proof)
    }
}

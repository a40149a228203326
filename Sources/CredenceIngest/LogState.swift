public import CredenceLog
public import CredenceProtocol
import Synchronization
public import TransparencyLog

/// The aggregator's Merkle tree in memory (rebuilt from the store's leaves at start) and the key that
/// signs its checkpoints. Reads (proofs) may run concurrently; appends come only from ``BatchIngestor``,
/// one at a time.
public final class LogState: Sendable {
    public let identity: LogIdentity
    private let signingKey: SigningKey
    private let tree: Mutex<MerkleTree>
    /// Leaves whose transaction committed: the tree may hold one more while an append is in flight, and
    /// readers must never be shown a leaf that could still be rolled back.
    private let committed: Mutex<Int>

    /// `leafHashes` come from the store, which only holds 32-byte hashes (a CHECK constraint).
    public init(aggregatorID: String, signingKey: SigningKey, leafHashes: [[UInt8]]) {
        self.identity = LogIdentity(aggregatorID: aggregatorID, publicKey: signingKey.publicKey)
        self.signingKey = signingKey
        self.tree = Mutex(Self.tree(leafHashes))
        self.committed = Mutex(leafHashes.count)
    }

    /// The size of the committed log: what proofs and lookups may cover.
    public var committedSize: Int { committed.withLock { $0 } }

    func markCommitted(size: Int) {
        committed.withLock { $0 = max($0, size) }
    }

    private static func tree(_ leafHashes: [[UInt8]]) -> MerkleTree {
        MerkleTree(leafHashes: leafHashes.map { try! MerkleHash(bytes: $0) })
    }

    public var size: Int { Int(tree.withLock { $0.size }) }

    public func rootHash(forSize size: Int) throws(TransparencyLogError) -> MerkleHash {
        try tree.withLock { tree throws(TransparencyLogError) in try tree.rootHash(forSize: UInt64(size)) }
    }

    public func inclusionProof(leafIndex: Int, treeSize: Int) throws(TransparencyLogError) -> [MerkleHash] {
        try tree.withLock { tree throws(TransparencyLogError) in
            try tree.inclusionProof(leafIndex: UInt64(leafIndex), treeSize: UInt64(treeSize))
        }
    }

    public func consistencyProof(from oldSize: Int, to newSize: Int) throws(TransparencyLogError) -> [MerkleHash] {
        try tree.withLock { tree throws(TransparencyLogError) in
            try tree.consistencyProof(from: UInt64(oldSize), to: UInt64(newSize))
        }
    }

    /// Signs the checkpoint of the tree at `size`.
    func signCheckpoint(size: Int, rootHash: MerkleHash) -> String {
        // The origin is a valid checkpoint origin and key name by construction: `credence/` and a partner-id
        // shaped aggregator id (no spaces, '+' or control characters).
        let checkpoint = try! Checkpoint(origin: identity.origin, size: UInt64(size), rootHash: rootHash)
        return try! SignedCheckpoint.sign(checkpoint, keyName: identity.origin, key: signingKey).text
    }

    /// Appends a leaf and returns the new size, root and the leaf's inclusion proof.
    func append(leafHash: MerkleHash) -> (size: Int, root: MerkleHash, proof: [MerkleHash]) {
        tree.withLock { tree in
            let index = tree.append(leafHash: leafHash)
            let size = tree.size
            // In range by construction: the leaf was just appended.
            let root = try! tree.rootHash(forSize: size)
            let proof = try! tree.inclusionProof(leafIndex: index, treeSize: size)
            return (Int(size), root, proof)
        }
    }

    /// Forgets appended leaves that the store did not commit (after a failed transaction).
    func reset(leafHashes: [[UInt8]]) {
        let rebuilt = Self.tree(leafHashes)
        tree.withLock { $0 = rebuilt }
        committed.withLock { $0 = leafHashes.count }
    }
}

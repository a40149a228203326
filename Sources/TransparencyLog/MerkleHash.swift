import CredencePrimitives
import Crypto

/// A 32-byte SHA-256 hash of the log's Merkle tree (RFC 9162 §2.1.1): a leaf hash, an interior node, a root.
///
/// The bytes are held inline as four words rather than in an array, so a tree of a million leaves keeps its
/// two million nodes in flat arrays with no allocation per node.
///
/// ```swift
/// let leaf = MerkleHash.leafHash(entry: Array("batch-0001".utf8))   // SHA-256(0x00 ‖ entry)
/// let node = MerkleHash.nodeHash(left: leaf, right: leaf)             // SHA-256(0x01 ‖ l ‖ r)
/// let same = try MerkleHash(base64: node.base64)
/// ```
public struct MerkleHash: Sendable, Hashable, CustomStringConvertible {
    /// The length of every hash: SHA-256.
    public static let byteCount = 32

    // Big-endian words: word0 holds bytes 0...7.
    private let word0: UInt64
    private let word1: UInt64
    private let word2: UInt64
    private let word3: UInt64

    /// The root of the empty tree: SHA-256 of the empty string (RFC 9162 §2.1.1).
    public static let emptyTree = MerkleHash(digest: SHA256().finalize())

    /// The hash of a log entry: `SHA-256(0x00 ‖ entry)`.
    public static func leafHash(entry: [UInt8]) -> MerkleHash {
        var hasher = SHA256()
        Swift.withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
        entry.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return MerkleHash(digest: hasher.finalize())
    }

    /// The hash of an interior node: `SHA-256(0x01 ‖ left ‖ right)`.
    public static func nodeHash(left: MerkleHash, right: MerkleHash) -> MerkleHash {
        // One stack buffer and one update: appending a leaf costs one node hash, so this is the tree's hot path.
        withUnsafeTemporaryAllocation(byteCount: 1 + 2 * byteCount, alignment: 8) { buffer in
            buffer.storeBytes(of: 0x01, as: UInt8.self)
            left.store(into: buffer, at: 1)
            right.store(into: buffer, at: 1 + byteCount)
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            return MerkleHash(digest: hasher.finalize())
        }
    }

    /// A hash from its 32 bytes.
    public init(bytes: some Collection<UInt8>) throws(TransparencyLogError) {
        guard bytes.count == Self.byteCount else {
            throw TransparencyLogError(.invalidHash, "a SHA-256 hash is \(Self.byteCount) bytes, got \(bytes.count)")
        }
        let array = Array(bytes)
        self = array.withUnsafeBytes { MerkleHash(raw: $0) }
    }

    /// A hash from canonical padded standard base64, the form of checkpoints and proofs.
    public init(base64 text: String) throws(TransparencyLogError) {
        let bytes: [UInt8]
        do {
            bytes = try Base64.decode(text, strict: true)
        } catch {
            throw TransparencyLogError(.invalidHash, "a hash is not canonical base64: \(error)")
        }
        try self.init(bytes: bytes)
    }

    /// A hash from 64 hex digits of either case.
    public init(hex text: String) throws(TransparencyLogError) {
        guard let bytes = Hex.decode(text) else {
            throw TransparencyLogError(.invalidHash, "a hash is not hexadecimal")
        }
        try self.init(bytes: bytes)
    }

    private init(digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { MerkleHash(raw: $0) }
    }

    /// Reads the first 32 bytes of `raw`, which the callers guarantee are there.
    private init(raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= Self.byteCount)
        word0 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        word1 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        word2 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        word3 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    private func store(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.storeBytes(of: word0.bigEndian, toByteOffset: offset, as: UInt64.self)
        buffer.storeBytes(of: word1.bigEndian, toByteOffset: offset + 8, as: UInt64.self)
        buffer.storeBytes(of: word2.bigEndian, toByteOffset: offset + 16, as: UInt64.self)
        buffer.storeBytes(of: word3.bigEndian, toByteOffset: offset + 24, as: UInt64.self)
    }

    /// Calls `body` with the 32 bytes, without allocating.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        // A homogeneous tuple is laid out contiguously, in order.
        var words = (word0.bigEndian, word1.bigEndian, word2.bigEndian, word3.bigEndian)
        return try Swift.withUnsafeBytes(of: &words) { try body($0) }
    }

    /// The 32 bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Padded standard base64 (44 characters), as checkpoints and proofs carry hashes.
    public var base64: String { Base64.encode(bytes) }

    /// Lower-case hex (64 digits).
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }
}

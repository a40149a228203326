public import CredenceProtocol
import Foundation
public import TransparencyLog

/// What the aggregator returns for an accepted batch (201, and the same bytes on every idempotent retry):
/// the batch's place in the log, a signed checkpoint that includes it, and the inclusion proof.
///
/// ```swift
/// let receipt = try BatchReceipt(json: responseBody)
/// let checkpoint = try receipt.verify(log: LogIdentity(aggregatorID: "agg-1", publicKey: logKey))
/// ```
public struct BatchReceipt: Sendable, Equatable, Codable {
    public let batchID: String
    public let partnerID: String
    public let batchSeq: Int64
    public let leafIndex: Int
    public let treeSize: Int
    /// The C2SP signed note of the checkpoint at ``treeSize``.
    public let checkpoint: String
    /// RFC 9162 inclusion proof of the leaf in the tree of size ``treeSize``, base64 hashes.
    public let inclusionProof: [String]

    public init(
        batchID: String, partnerID: String, batchSeq: Int64, leafIndex: Int, treeSize: Int, checkpoint: String,
        inclusionProof: [MerkleHash]
    ) {
        self.batchID = batchID
        self.partnerID = partnerID
        self.batchSeq = batchSeq
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.checkpoint = checkpoint
        self.inclusionProof = inclusionProof.map(\.base64)
    }

    public init(json: [UInt8]) throws(ProtocolError) {
        do {
            self = try StrictDecoder.decode(BatchReceipt.self, fromJSON: json, allowUnknownMembers: true)
        } catch {
            throw ProtocolError(error.code, "not a batch receipt: \(error.message)", pointer: error.pointer)
        }
    }

    public func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(self))
    }

    public var entry: BatchLogEntry { BatchLogEntry(partnerID: partnerID, batchSequence: batchSeq, batchID: batchID) }

    /// Checks the checkpoint's signature with the log's key and the leaf's inclusion in it; returns the
    /// verified checkpoint.
    public func verify(log: LogIdentity) throws(TransparencyLogError) -> Checkpoint {
        let note = try SignedCheckpoint(parsing: checkpoint)
        let verified = try note.verify(keyName: log.origin, publicKey: log.publicKey, origin: log.origin)
        guard leafIndex >= 0, treeSize > leafIndex, verified.size == UInt64(treeSize) else {
            throw TransparencyLogError(
                .malformedCheckpoint,
                "the receipt says leaf \(leafIndex) of tree size \(treeSize) but its checkpoint is of size \(verified.size)"
            )
        }
        var proof: [MerkleHash] = []
        for hash in inclusionProof { proof.append(try MerkleHash(base64: hash)) }
        try MerkleProof.verifyInclusion(
            leafHash: entry.leafHash, leafIndex: UInt64(leafIndex), treeSize: UInt64(treeSize), proof: proof,
            rootHash: verified.rootHash)
        return verified
    }
}

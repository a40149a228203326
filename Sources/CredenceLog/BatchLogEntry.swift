public import TransparencyLog

/// The log entry of one accepted batch: what the Merkle leaf commits to.
///
/// `entry = "credence/batch/v1\n" + partner_id + "\n" + batch_seq + "\n" + batch_id + "\n"` (UTF-8), and the
/// leaf hash is RFC 9162's `SHA-256(0x00 ‖ entry)`. Anyone holding a receipt can rebuild it.
public struct BatchLogEntry: Sendable, Equatable, Codable {
    public let partnerID: String
    public let batchSequence: Int64
    public let batchID: String

    public init(partnerID: String, batchSequence: Int64, batchID: String) {
        self.partnerID = partnerID
        self.batchSequence = batchSequence
        self.batchID = batchID
    }

    public var bytes: [UInt8] {
        Array("credence/batch/v1\n\(partnerID)\n\(batchSequence)\n\(batchID)\n".utf8)
    }

    public var leafHash: MerkleHash { MerkleHash.leafHash(entry: bytes) }
}

public import CredenceProtocol

/// A registered partner.
public struct PartnerRecord: Sendable, Equatable, Codable {
    public let id: String
    public let kind: PartnerKind
    public let createdAt: Int64

    public init(id: String, kind: PartnerKind, createdAt: Int64) {
        self.id = id
        self.kind = kind
        self.createdAt = createdAt
    }
}

/// One of a partner's signing keys. Epochs count from 1; a new epoch is a rotation.
public struct PartnerKeyRecord: Sendable, Equatable {
    public let partnerID: String
    public let epoch: Int
    public let publicKey: PublicKey
    public let addedAt: Int64
    public let revokedAt: Int64?

    public init(partnerID: String, epoch: Int, publicKey: PublicKey, addedAt: Int64, revokedAt: Int64? = nil) {
        self.partnerID = partnerID
        self.epoch = epoch
        self.publicKey = publicKey
        self.addedAt = addedAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}

/// The last batch accepted from a partner.
public struct SequenceState: Sendable, Equatable {
    public let lastSequence: Int64
    public let lastBatchID: String

    public init(lastSequence: Int64, lastBatchID: String) {
        self.lastSequence = lastSequence
        self.lastBatchID = lastBatchID
    }
}

/// Everything one accepted batch writes, in one transaction.
public struct BatchToAppend: Sendable {
    public let batchID: String
    public let partnerID: String
    public let sequence: Int64
    public let keyEpoch: Int
    public let createdAt: Int64
    public let receivedAt: Int64
    public let envelope: [UInt8]
    /// Where each record lies in the envelope's payload, in batch order: the records as validated, with the
    /// signed bytes as their one copy.
    public let recordSpans: [Range<Int>]
    public let leafIndex: Int
    public let leafHash: [UInt8]
    public let checkpoint: StoredCheckpoint
    /// The receipt returned now and on every idempotent retry.
    public let receipt: [UInt8]

    public init(
        batchID: String, partnerID: String, sequence: Int64, keyEpoch: Int, createdAt: Int64, receivedAt: Int64,
        envelope: [UInt8], recordSpans: [Range<Int>], leafIndex: Int, leafHash: [UInt8], checkpoint: StoredCheckpoint,
        receipt: [UInt8]
    ) {
        self.batchID = batchID
        self.partnerID = partnerID
        self.sequence = sequence
        self.keyEpoch = keyEpoch
        self.createdAt = createdAt
        self.receivedAt = receivedAt
        self.envelope = envelope
        self.recordSpans = recordSpans
        self.leafIndex = leafIndex
        self.leafHash = leafHash
        self.checkpoint = checkpoint
        self.receipt = receipt
    }
}

public enum AppendOutcome: Sendable, Equatable {
    case appended
    /// Another append moved the sequence (or the leaf count) first; nothing was written.
    case stale(current: SequenceState?)
}

/// A batch accepted earlier, without its envelope and records.
public struct StoredBatch: Sendable, Equatable {
    public let batchID: String
    public let partnerID: String
    public let sequence: Int64
    public let keyEpoch: Int
    public let createdAt: Int64
    public let receivedAt: Int64
    public let recordCount: Int
    public let leafIndex: Int
    public let receipt: [UInt8]

    public init(
        batchID: String, partnerID: String, sequence: Int64, keyEpoch: Int, createdAt: Int64, receivedAt: Int64,
        recordCount: Int, leafIndex: Int, receipt: [UInt8]
    ) {
        self.batchID = batchID
        self.partnerID = partnerID
        self.sequence = sequence
        self.keyEpoch = keyEpoch
        self.createdAt = createdAt
        self.receivedAt = receivedAt
        self.recordCount = recordCount
        self.leafIndex = leafIndex
        self.receipt = receipt
    }
}

/// Two different signed batches from one partner at one sequence number: proof of equivocation.
public struct ConflictRecord: Sendable, Equatable {
    public let partnerID: String
    public let sequence: Int64
    public let acceptedBatchID: String
    public let conflictingBatchID: String
    public let conflictingEnvelope: [UInt8]
    public let receivedAt: Int64

    public init(
        partnerID: String, sequence: Int64, acceptedBatchID: String, conflictingBatchID: String,
        conflictingEnvelope: [UInt8], receivedAt: Int64
    ) {
        self.partnerID = partnerID
        self.sequence = sequence
        self.acceptedBatchID = acceptedBatchID
        self.conflictingBatchID = conflictingBatchID
        self.conflictingEnvelope = conflictingEnvelope
        self.receivedAt = receivedAt
    }
}

/// A signed checkpoint of the log at one size.
public struct StoredCheckpoint: Sendable, Equatable {
    public let size: Int
    public let rootHash: [UInt8]
    /// The C2SP signed-note text.
    public let signedNote: String

    public init(size: Int, rootHash: [UInt8], signedNote: String) {
        self.size = size
        self.rootHash = rootHash
        self.signedNote = signedNote
    }
}

public struct StoreStatistics: Sendable, Equatable, Codable {
    public let partners: Int
    public let batches: Int
    public let records: Int
    public let conflicts: Int

    public init(partners: Int, batches: Int, records: Int, conflicts: Int) {
        self.partners = partners
        self.batches = batches
        self.records = records
        self.conflicts = conflicts
    }
}

import CredenceProtocol

/// Where the aggregator keeps what it accepted: the partner registry, every accepted batch with its
/// envelope, decoded records and log leaf, equivocation evidence, and signed checkpoints.
///
/// Implementations must make ``append(_:after:)`` one transaction that re-checks the partner's sequence
/// inside it, so that several aggregator processes sharing one database cannot both append at one
/// sequence number. ``SQLiteStore`` is the embedded implementation; a PostgreSQL one fits the same shape.
public protocol Store: Sendable {
    func addPartner(_ partner: PartnerRecord) async throws(StoreError)
    func partner(_ id: String) async throws(StoreError) -> PartnerRecord?
    func partners() async throws(StoreError) -> [PartnerRecord]

    func addKey(_ key: PartnerKeyRecord) async throws(StoreError)
    func revokeKey(partnerID: String, epoch: Int, at time: Int64) async throws(StoreError)
    func keys(ofPartner partnerID: String) async throws(StoreError) -> [PartnerKeyRecord]
    /// The keys verification tries, in one read: those whose key id (``PublicKey/keyID``) is one of `keyIDs`,
    /// of any partner, then the other keys of the `partnerIDs`, each once.
    func candidateKeys(keyIDs: [String], partnerIDs: [String]) async throws(StoreError) -> [PartnerKeyRecord]

    func sequence(ofPartner partnerID: String) async throws(StoreError) -> SequenceState?
    /// The partner's registration and its sequence state, read together: the sequence rules ask for both on
    /// the serialized commit path, where each round trip to the store delays every batch behind it.
    func partnerAndSequence(_ partnerID: String) async throws(StoreError) -> (PartnerRecord?, SequenceState?)
    func batch(id: String) async throws(StoreError) -> StoredBatch?
    func batch(partnerID: String, sequence: Int64) async throws(StoreError) -> StoredBatch?

    /// Appends a batch in one transaction if the partner's sequence is still `previous`; otherwise
    /// changes nothing and returns the current state.
    func append(_ batch: BatchToAppend, after previous: SequenceState?) async throws(StoreError) -> AppendOutcome
    /// Keeps a second, different envelope signed for an already used sequence number.
    func recordConflict(_ conflict: ConflictRecord) async throws(StoreError)
    func conflicts(ofPartner partnerID: String) async throws(StoreError) -> [ConflictRecord]

    /// Every leaf hash in leaf order, to rebuild the in-memory Merkle tree at start.
    func leafHashes() async throws(StoreError) -> [[UInt8]]
    func latestCheckpoint() async throws(StoreError) -> StoredCheckpoint?
    func checkpoint(size: Int) async throws(StoreError) -> StoredCheckpoint?
    func statistics() async throws(StoreError) -> StoreStatistics
}

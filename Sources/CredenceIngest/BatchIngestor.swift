import CredenceLog
import CredenceProtocol
public import CredenceStore
import TransparencyLog

/// The ingest pipeline of design §2: verify, check audience, key epoch and schema on the verified bytes,
/// apply the sequence rules, and store envelope, records, sequence advance and log leaf in one transaction.
///
/// Verification runs concurrently for many requests; only the sequence decision and the append are
/// serialized, so the log order is the commit order. Batches that wait for the store together are
/// committed together, in one transaction (see ``GroupCommitQueue``), each with its own log leaf and receipt.
///
/// ```swift
/// let ingestor = BatchIngestor(store: store, log: log, audience: "agg-1")
/// switch try await ingestor.ingest(body) { case .appended(let receipt, _, _): ... }
/// ```
public final class BatchIngestor: Sendable {
    public let store: any Store
    public let log: LogState
    public let audience: String
    public let limits: IngestLimits
    private let now: @Sendable () -> Int64
    private let commits = GroupCommitQueue<PendingBatch, CommitOutcome>()

    public init(
        store: any Store, log: LogState, audience: String, limits: IngestLimits = IngestLimits(),
        now: @escaping @Sendable () -> Int64
    ) {
        self.store = store
        self.log = log
        self.audience = audience
        self.limits = limits
        self.now = now
    }

    /// Ingests one envelope. `authenticatedPartner` is the partner a client certificate proved, if any:
    /// the batch must then be that partner's. `admit` is asked, once the signer is known, whether the
    /// partner may send now; it returns nil, or the seconds to wait (a 429).
    public func ingest(
        _ body: [UInt8], authenticatedPartner: String? = nil, admit: @Sendable (String) -> Int? = { _ in nil }
    ) async throws(IngestRejection) -> IngestOutcome {
        let envelope: Envelope
        do {
            envelope = try Envelope(parsing: body)
        } catch {
            throw IngestRejection(.malformedEnvelope, error.message)
        }
        guard envelope.payloadType.utf8.elementsEqual(PayloadType.batchV1.utf8) else {
            throw IngestRejection(
                .unsupportedPayloadType, "payloadType '\(envelope.payloadType)' is not \(PayloadType.batchV1)")
        }
        // Parsed once: for the partner the unverified payload claims, and after verification for the batch.
        let parsed = ParsedBatchPayload(envelope.payload)
        let (verified, signers) = try await verifySignature(
            envelope, claimedPartner: parsed.claimedPartnerID, authenticatedPartner: authenticatedPartner)
        // Prefer an unrevoked key when several registered keys verify.
        guard let signer = signers.first(where: { !$0.isRevoked }) else {
            return try await replayUnderRevokedKey(verified, signers: signers)
        }
        if let authenticatedPartner, signer.partnerID != authenticatedPartner {
            throw IngestRejection(
                .partnerMismatch,
                "the client certificate is for '\(authenticatedPartner)' but the batch is signed by '\(signer.partnerID)'"
            )
        }
        if let wait = admit(signer.partnerID) {
            throw IngestRejection(
                .rateLimited, "partner '\(signer.partnerID)' sends faster than its rate limit", retryAfter: wait)
        }
        let batch: Batch
        let recordSpans: [Range<Int>]
        do {
            (batch, recordSpans) = try Batch.decodeWithRecordSpans(verified, parsed: parsed)
        } catch {
            let errors = Batch.validationErrors(of: verified.payload).prefix(100).map {
                ProblemExtensionValue.FieldError(pointer: $0.pointer?.description ?? "", detail: $0.message)
            }
            throw IngestRejection(.schemaInvalid, error.message, extensions: ["errors": .fieldErrors(Array(errors))])
        }
        try checkHeader(batch, signer: signer)
        let batchID = verified.payloadDigest
        let pending = PendingBatch(batch: batch, batchID: batchID, envelope: body, recordSpans: recordSpans)
        return try await commits.submit(pending) { group in await commit(group) }.get()
    }

    // MARK: Verification

    /// Finds the partner's keys (by the keyid hints and by the partner the payload names: both only select
    /// candidates; the signature decides) and verifies under them.
    private func verifySignature(_ envelope: Envelope, claimedPartner: String?, authenticatedPartner: String?)
        async throws(IngestRejection) -> (VerifiedEnvelope, signers: [PartnerKeyRecord])
    {
        let candidates: [PartnerKeyRecord]
        do {
            let named = [claimedPartner, authenticatedPartner].compactMap { $0 }
            candidates = try await store.candidateKeys(
                keyIDs: envelope.signatures.compactMap(\.keyID), partnerIDs: Array(Set(named)))
        } catch {
            throw Self.unavailable(error)
        }
        guard !candidates.isEmpty else {
            throw IngestRejection(.unknownKey, "no registered key of the batch's partner matches this envelope")
        }
        let verified: VerifiedEnvelope
        do {
            let policy = try VerificationPolicy(trustedKeys: candidates.map(\.publicKey))
            verified = try EnvelopeVerifier.verify(envelope, policy: policy)
        } catch {
            throw IngestRejection(.badSignature, "the signature does not verify under the partner's registered keys")
        }
        return (verified, candidates.filter { verified.signers.contains($0.publicKey) })
    }

    /// Every key that verified the envelope is revoked. A batch accepted while its key was valid keeps its
    /// receipt (an adapter retrying after a key rotation must learn that it arrived, and nothing changes);
    /// anything else signed with a revoked key is refused.
    private func replayUnderRevokedKey(_ verified: VerifiedEnvelope, signers: [PartnerKeyRecord])
        async throws(IngestRejection) -> IngestOutcome
    {
        let stored: StoredBatch?
        do {
            stored = try await store.batch(id: verified.payloadDigest)
        } catch {
            throw Self.unavailable(error)
        }
        if let stored, signers.contains(where: { $0.partnerID == stored.partnerID && $0.epoch == stored.keyEpoch }) {
            return .replayed(receipt: stored.receipt, batchID: stored.batchID)
        }
        let epoch = signers.first?.epoch ?? 0
        throw IngestRejection(.revokedKey, "the signing key (epoch \(epoch)) has been revoked")
    }

    private func checkHeader(_ batch: Batch, signer: PartnerKeyRecord) throws(IngestRejection) {
        guard batch.partnerID.rawValue == signer.partnerID else {
            throw IngestRejection(
                .partnerMismatch, "the batch names partner '\(batch.partnerID)' but was signed by '\(signer.partnerID)'"
            )
        }
        guard batch.keyEpoch == signer.epoch else {
            throw IngestRejection(
                .keyEpochMismatch,
                "the batch names key_epoch \(batch.keyEpoch) but was signed with the key of epoch \(signer.epoch)")
        }
        guard batch.audience.rawValue == audience else {
            throw IngestRejection(
                .wrongAudience, "the batch is addressed to '\(batch.audience)', this aggregator is '\(audience)'")
        }
        let skew = batch.createdAt.secondsSinceEpoch - now()
        guard skew <= limits.maximumFutureSkewSeconds else {
            throw IngestRejection(
                .createdInFuture,
                "created_at \(batch.createdAt) is \(skew) s ahead of this aggregator's clock (limit \(limits.maximumFutureSkewSeconds) s)"
            )
        }
        guard batch.records.count <= limits.maximumRecords else {
            throw IngestRejection(
                .tooManyRecords, "the batch holds \(batch.records.count) records; the limit is \(limits.maximumRecords)"
            )
        }
    }

    // MARK: Sequence rules and commit

    /// What one batch of a committed group gets: its outcome, or why it was refused.
    private typealias CommitOutcome = Result<IngestOutcome, IngestRejection>

    /// A verified, decoded batch waiting for its turn to be appended.
    private struct PendingBatch: Sendable {
        let batch: Batch
        let batchID: String
        let envelope: [UInt8]
        let recordSpans: [Range<Int>]
    }

    /// A batch of a group that the sequence rules let through, at `position` in the group.
    private struct ReadyBatch {
        let position: Int
        let pending: PendingBatch
        let append: BatchToAppend
        let previous: SequenceState?
    }

    /// What the sequence rules decided for a batch, before the store is asked.
    private enum Preparation {
        /// The batch continues its partner's chain: its rows, its leaf already in the in-memory log.
        case ready(BatchToAppend, after: SequenceState?)
        /// Nothing to append (an idempotent retry).
        case settled(IngestOutcome)
    }

    /// Commits a group of batches, in order: one transaction for all that continue their chains, each with
    /// its own leaf and receipt. A partner's second batch in the group waits for the first one's commit (its
    /// sequence rules read the committed state). If the group's transaction fails, the store and the log
    /// are as before it, and each batch is committed alone: one batch's failure never costs another.
    private func commit(_ group: [PendingBatch]) async -> [CommitOutcome] {
        guard group.count > 1, let store = store as? any GroupAppendingStore else {
            var outcomes: [CommitOutcome] = []
            for pending in group { outcomes.append(await commitAlone(pending)) }
            return outcomes
        }
        var outcomes = [CommitOutcome?](repeating: nil, count: group.count)
        var ready: [ReadyBatch] = []
        func appendReady() async {
            guard !ready.isEmpty else { return }
            for (position, outcome) in await appendTogether(ready, in: store) { outcomes[position] = outcome }
            ready = []
        }
        for (position, pending) in group.enumerated() {
            if ready.contains(where: { $0.append.partnerID == pending.batch.partnerID.rawValue }) {
                await appendReady()
            }
            do {
                switch try await prepare(pending) {
                case .ready(let append, let previous):
                    ready.append(ReadyBatch(position: position, pending: pending, append: append, previous: previous))
                case .settled(let outcome): outcomes[position] = .success(outcome)
                }
            } catch {
                outcomes[position] = .failure(error)
            }
        }
        await appendReady()
        return outcomes.map { $0! }
    }

    /// Appends prepared batches in one transaction; if it does not commit, forgets their leaves and commits
    /// each alone, from its sequence rules on.
    private func appendTogether(_ ready: [ReadyBatch], in store: any GroupAppendingStore) async
        -> [(position: Int, outcome: CommitOutcome)]
    {
        if case .appended? = try? await store.appendGroup(ready.map { ($0.append, $0.previous) }) {
            log.markCommitted(size: ready.last!.append.checkpoint.size)
            return ready.map { ($0.position, .success(Self.appended($0.append))) }
        }
        var outcomes: [(position: Int, outcome: CommitOutcome)] = []
        do {
            try await resynchronize()
        } catch {
            return ready.map { ($0.position, .failure(Self.unavailable(error))) }
        }
        for entry in ready {
            outcomes.append((entry.position, await commitAlone(entry.pending)))
        }
        return outcomes
    }

    private func commitAlone(_ pending: PendingBatch) async -> CommitOutcome {
        do {
            return .success(try await appendAlone(pending))
        } catch {
            return .failure(error)
        }
    }

    private func appendAlone(_ pending: PendingBatch) async throws(IngestRejection) -> IngestOutcome {
        let append: BatchToAppend
        let previous: SequenceState?
        switch try await prepare(pending) {
        case .settled(let outcome): return outcome
        case .ready(let ready, let after): (append, previous) = (ready, after)
        }
        do {
            switch try await store.append(append, after: previous) {
            case .appended:
                log.markCommitted(size: append.checkpoint.size)
                return Self.appended(append)
            case .stale:
                // Another aggregator process sharing the store appended first: resynchronize and refuse
                // this attempt; the partner's retry meets the new state.
                try await resynchronize()
                throw IngestRejection(.overloaded, "the log moved on concurrently; retry the batch", retryAfter: 1)
            }
        } catch let rejection as IngestRejection {
            throw rejection
        } catch {
            try? await resynchronize()
            throw Self.unavailable(error)
        }
    }

    private static func appended(_ append: BatchToAppend) -> IngestOutcome {
        .appended(receipt: append.receipt, batchID: append.batchID, recordCount: append.recordSpans.count)
    }

    /// The sequence rules: an idempotent retry is settled, a gap or a fork refused; a batch that continues its
    /// chain gets the next log leaf and its receipt.
    private func prepare(_ pending: PendingBatch) async throws(IngestRejection) -> Preparation {
        let (batch, batchID, envelope) = (pending.batch, pending.batchID, pending.envelope)
        let partnerID = batch.partnerID.rawValue
        let state: SequenceState?
        do {
            let partner: PartnerRecord?
            (partner, state) = try await store.partnerAndSequence(partnerID)
            guard partner?.kind == batch.partnerKind else {
                throw IngestRejection(
                    .partnerMismatch,
                    "partner '\(partnerID)' is not registered as a \(batch.partnerKind.rawValue) partner")
            }
        } catch let rejection as IngestRejection {
            throw rejection
        } catch {
            throw Self.unavailable(error)
        }
        let last = state?.lastSequence ?? 0
        if batch.batchSeq <= last {
            return .settled(try await replayOrConflict(batch: batch, batchID: batchID, envelope: envelope))
        }
        guard batch.batchSeq == last + 1 else {
            throw IngestRejection(
                .sequenceGap, "expected batch_seq \(last + 1), got \(batch.batchSeq)",
                extensions: ["expected_seq": .int(Int(last + 1))])
        }
        guard batch.prevBatchSha256?.rawValue == state?.lastBatchID else {
            try await keepConflict(
                partnerID: partnerID, sequence: batch.batchSeq, accepted: state?.lastBatchID ?? "", batchID: batchID,
                envelope: envelope)
            throw IngestRejection(
                .sequenceConflict,
                "prev_batch_sha256 does not name batch \(last) (\(state?.lastBatchID ?? "none")): the chain forks")
        }
        let leafIndex = log.size
        let entry = BatchLogEntry(partnerID: partnerID, batchSequence: batch.batchSeq, batchID: batchID)
        let (size, root, proof) = log.append(leafHash: entry.leafHash)
        let note = log.signCheckpoint(size: size, rootHash: root)
        let receipt = BatchReceipt(
            batchID: batchID, partnerID: partnerID, batchSeq: batch.batchSeq, leafIndex: leafIndex, treeSize: size,
            checkpoint: note, inclusionProof: proof
        ).json()
        let append = BatchToAppend(
            batchID: batchID, partnerID: partnerID, sequence: batch.batchSeq, keyEpoch: batch.keyEpoch,
            createdAt: batch.createdAt.secondsSinceEpoch, receivedAt: now(), envelope: envelope,
            recordSpans: pending.recordSpans, leafIndex: leafIndex, leafHash: entry.leafHash.bytes,
            checkpoint: StoredCheckpoint(size: size, rootHash: root.bytes, signedNote: note), receipt: receipt)
        return .ready(append, after: state)
    }

    private func replayOrConflict(batch: Batch, batchID: String, envelope: [UInt8]) async throws(IngestRejection)
        -> IngestOutcome
    {
        let partnerID = batch.partnerID.rawValue
        let existing: StoredBatch?
        do {
            existing = try await store.batch(partnerID: partnerID, sequence: batch.batchSeq)
        } catch {
            throw Self.unavailable(error)
        }
        guard let existing else {
            throw IngestRejection(.internalError, "no stored batch at batch_seq \(batch.batchSeq) below the last one")
        }
        if existing.batchID == batchID {
            return .replayed(receipt: existing.receipt, batchID: batchID)
        }
        try await keepConflict(
            partnerID: partnerID, sequence: batch.batchSeq, accepted: existing.batchID, batchID: batchID,
            envelope: envelope)
        throw IngestRejection(
            .sequenceConflict,
            "batch_seq \(batch.batchSeq) was already accepted as batch \(existing.batchID); this different batch is kept as evidence"
        )
    }

    private func keepConflict(partnerID: String, sequence: Int64, accepted: String, batchID: String, envelope: [UInt8])
        async throws(IngestRejection)
    {
        do {
            try await store.recordConflict(
                ConflictRecord(
                    partnerID: partnerID, sequence: sequence, acceptedBatchID: accepted, conflictingBatchID: batchID,
                    conflictingEnvelope: envelope, receivedAt: now()))
        } catch {
            throw Self.unavailable(error)
        }
    }

    private func resynchronize() async throws(StoreError) {
        log.reset(leafHashes: try await store.leafHashes())
    }

    private static func unavailable(_ error: any Error) -> IngestRejection {
        if let error = error as? StoreError, error.code == .busy {
            return IngestRejection(.overloaded, "the store is busy; retry later", retryAfter: 1)
        }
        return IngestRejection(.internalError, "the store failed: \(error)")
    }
}

import CredenceProtocol
import Foundation
import GRDB
import Synchronization

/// The embedded store: one SQLite file in WAL mode, versioned migrations, and one transaction per
/// accepted batch. `synchronous=FULL` by default, so an acknowledged batch survives a power cut, not only
/// a crash of the process.
///
/// ```swift
/// let store = try SQLiteStore(path: "aggregator.sqlite")
/// try await store.addPartner(PartnerRecord(id: "lender-acme", kind: .lending, createdAt: now))
/// ```
public final class SQLiteStore: GroupAppendingStore {
    public struct Options: Sendable {
        /// FULL: every commit is flushed to disk before it is acknowledged. NORMAL trades the last commits
        /// before a power cut (never before a process crash) for throughput.
        public var synchronousFull: Bool
        /// Seconds a write waits for another process's transaction before ``StoreError/Code/busy``.
        public var busyTimeout: Double
        /// Commits leave WAL checkpoints to ``SQLiteStore/checkpointContinuously(every:)``, run beside the
        /// store, unless the WAL grows past 64 MiB; otherwise a commit checkpoints once the WAL passes 1,000
        /// pages, as SQLite does by default.
        public var checkpointsInBackground: Bool

        public init(synchronousFull: Bool = true, busyTimeout: Double = 5, checkpointsInBackground: Bool = false) {
            self.synchronousFull = synchronousFull
            self.busyTimeout = busyTimeout
            self.checkpointsInBackground = checkpointsInBackground
        }
    }

    private let pool: DatabasePool
    /// Keys read back from the file are checked again (it may have been edited), once per distinct key: the
    /// check decompresses a curve point, and ingest reads its partner's keys for every batch.
    private let checkedKeys = Mutex<[Data: PublicKey]>([:])
    /// Where checkpoints are taken when ``checkpointContinuously(every:)`` runs: a connection of their own, so
    /// that copying the WAL into the database file never holds up a commit.
    let checkpointConnection: @Sendable () throws -> DatabaseQueue

    public init(path: String, options: Options = Options()) throws(StoreError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(TimeInterval(options.busyTimeout))
        configuration.foreignKeysEnabled = true
        let synchronous = options.synchronousFull ? "FULL" : "NORMAL"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            // Read only when the file is created. An accepted batch is mostly its envelope (about 0.5 MB for
            // 1,000 records): 16 KiB pages write it in a quarter of the pages, and of the WAL frames a
            // checkpoint copies, of 4 KiB ones.
            try db.execute(sql: "PRAGMA page_size = \(SQLiteSchema.pageSize)")
            if options.checkpointsInBackground {
                try db.execute(
                    sql: "PRAGMA wal_autocheckpoint = \(Self.backgroundCheckpointLag / SQLiteSchema.pageSize)")
            }
        }
        checkpointConnection = { [configuration] in try DatabaseQueue(path: path, configuration: configuration) }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try SQLiteSchema.migrator.migrate(pool)
        } catch {
            throw StoreError(.unavailable, "cannot open the SQLite store at \(path): \(error)")
        }
    }

    /// The schema migrations applied to the file, oldest first.
    public func appliedMigrations() async throws(StoreError) -> [String] {
        try await read { db in try SQLiteSchema.migrator.appliedMigrations(db) }
    }

    // MARK: Partners and keys

    public func addPartner(_ partner: PartnerRecord) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO partners (id, kind, created_at) VALUES (?, ?, ?)",
                arguments: [partner.id, partner.kind.rawValue, partner.createdAt])
        }
    }

    public func partner(_ id: String) async throws(StoreError) -> PartnerRecord? {
        try await read { db in try Self.partner(db, id) }
    }

    public func partners() async throws(StoreError) -> [PartnerRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT id, kind, created_at FROM partners ORDER BY id").compactMap(
                Self.partner(from:))
        }
    }

    public func addKey(_ key: PartnerKeyRecord) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO partner_keys (partner_id, epoch, key_id, public_key, added_at, revoked_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key.partnerID, key.epoch, key.publicKey.keyID, Data(key.publicKey.rawRepresentation), key.addedAt,
                    key.revokedAt,
                ])
        }
    }

    public func revokeKey(partnerID: String, epoch: Int, at time: Int64) async throws(StoreError) {
        let changed = try await write { db in
            try db.execute(
                sql: "UPDATE partner_keys SET revoked_at = ? WHERE partner_id = ? AND epoch = ? AND revoked_at IS NULL",
                arguments: [time, partnerID, epoch])
            return db.changesCount
        }
        if changed == 0 {
            throw StoreError(.notFound, "partner '\(partnerID)' has no unrevoked key at epoch \(epoch)")
        }
    }

    public func keys(ofPartner partnerID: String) async throws(StoreError) -> [PartnerKeyRecord] {
        try await read { db in try self.keys(db, ofPartner: partnerID) }
    }

    public func candidateKeys(keyIDs: [String], partnerIDs: [String]) async throws(StoreError) -> [PartnerKeyRecord] {
        try await read { db in
            var candidates = try self.keys(db, withIDs: keyIDs)
            for partnerID in partnerIDs {
                for key in try self.keys(db, ofPartner: partnerID) where !candidates.contains(key) {
                    candidates.append(key)
                }
            }
            return candidates
        }
    }

    private func keys(_ db: Database, ofPartner partnerID: String) throws -> [PartnerKeyRecord] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM partner_keys WHERE partner_id = ? ORDER BY epoch"),
            arguments: [partnerID]
        ).compactMap(key(from:))
    }

    private func keys(_ db: Database, withIDs keyIDs: [String]) throws -> [PartnerKeyRecord] {
        guard !keyIDs.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: keyIDs.count).joined(separator: ", ")
        return try Row.fetchAll(
            db, sql: "SELECT * FROM partner_keys WHERE key_id IN (\(placeholders)) ORDER BY partner_id, epoch",
            arguments: StatementArguments(keyIDs)
        ).compactMap(key(from:))
    }

    // MARK: Batches

    public func sequence(ofPartner partnerID: String) async throws(StoreError) -> SequenceState? {
        try await read { db in try Self.sequence(db, partnerID) }
    }

    public func partnerAndSequence(_ partnerID: String) async throws(StoreError) -> (PartnerRecord?, SequenceState?) {
        try await read { db in (try Self.partner(db, partnerID), try Self.sequence(db, partnerID)) }
    }

    public func batch(id: String) async throws(StoreError) -> StoredBatch? {
        try await read { db in
            try Row.fetchOne(db, sql: "\(Self.batchColumns) WHERE batch_id = ?", arguments: [id]).map(Self.batch(from:))
        }
    }

    public func batch(partnerID: String, sequence: Int64) async throws(StoreError) -> StoredBatch? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "\(Self.batchColumns) WHERE partner_id = ? AND sequence = ?", arguments: [partnerID, sequence]
            ).map(Self.batch(from:))
        }
    }

    public func append(_ batch: BatchToAppend, after previous: SequenceState?) async throws(StoreError)
        -> AppendOutcome
    {
        try await appendGroup([(batch, previous)])
    }

    /// Appends the batches in order in one transaction, so that they share one commit and its fsync; each
    /// is re-checked against its partner's sequence (`previous`) and the log's size as ``append(_:after:)``
    /// checks it. If any of them is stale, nothing is written and the outcome is that batch's `.stale`.
    public func appendGroup(_ batches: [(batch: BatchToAppend, previous: SequenceState?)]) async throws(StoreError)
        -> AppendOutcome
    {
        try await writeImmediate { db in
            for (batch, previous) in batches {
                if case .stale(let current) = try Self.insert(batch, after: previous, db) {
                    return .stale(current: current)
                }
            }
            return .appended
        }
    }

    /// One batch's rows, inside the caller's transaction, if the partner's sequence is still `previous` and
    /// the batch's leaf is the next one.
    private static func insert(_ batch: BatchToAppend, after previous: SequenceState?, _ db: Database) throws
        -> AppendOutcome
    {
        // Re-checked inside the transaction: another process sharing the file may have appended.
        let current = try Self.sequence(db, batch.partnerID)
        // Leaves are stored at leaf_index 0, 1, 2, ... (each append checks leafIndex == count first), so the
        // count is max + 1: one B-tree descent, where count(*) reads every batch and slows each append
        // as the log grows.
        let leafCount =
            try Int.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(leaf_index) + 1, 0) FROM batches")) ?? 0
        guard current == previous, leafCount == batch.leafIndex else { return .stale(current: current) }
        try db.cachedStatement(
            sql: """
                INSERT INTO batches (leaf_index, batch_id, partner_id, sequence, key_epoch, created_at, received_at,
                    record_count, leaf_hash, envelope, receipt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            batch.leafIndex, batch.batchID, batch.partnerID, batch.sequence, batch.keyEpoch, batch.createdAt,
            batch.receivedAt, batch.recordSpans.count, Data(batch.leafHash), Data(batch.envelope), Data(batch.receipt),
        ])
        try db.cachedStatement(sql: "INSERT INTO record_spans (leaf_index, spans) VALUES (?, ?)").execute(
            arguments: [batch.leafIndex, try StoredRecords.spanIndex(batch.recordSpans, leafIndex: batch.leafIndex)])
        try db.cachedStatement(
            sql: """
                INSERT INTO sequences (partner_id, last_sequence, last_batch_id) VALUES (?, ?, ?)
                ON CONFLICT (partner_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                    last_batch_id = excluded.last_batch_id
                """
        ).execute(arguments: [batch.partnerID, batch.sequence, batch.batchID])
        try db.cachedStatement(sql: "INSERT INTO checkpoints (size, root_hash, signed_note) VALUES (?, ?, ?)")
            .execute(
                arguments: [batch.checkpoint.size, Data(batch.checkpoint.rootHash), batch.checkpoint.signedNote])
        return .appended
    }

    public func recordConflict(_ conflict: ConflictRecord) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO conflicts (partner_id, sequence, accepted_batch_id, conflicting_batch_id,
                        conflicting_envelope, received_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    conflict.partnerID, conflict.sequence, conflict.acceptedBatchID, conflict.conflictingBatchID,
                    Data(conflict.conflictingEnvelope), conflict.receivedAt,
                ])
        }
    }

    public func conflicts(ofPartner partnerID: String) async throws(StoreError) -> [ConflictRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM conflicts WHERE partner_id = ? ORDER BY sequence, conflicting_batch_id",
                arguments: [partnerID]
            ).map { row in
                ConflictRecord(
                    partnerID: row["partner_id"], sequence: row["sequence"], acceptedBatchID: row["accepted_batch_id"],
                    conflictingBatchID: row["conflicting_batch_id"],
                    conflictingEnvelope: Array(row["conflicting_envelope"] as Data), receivedAt: row["received_at"])
            }
        }
    }

    // MARK: Log

    public func leafHashes() async throws(StoreError) -> [[UInt8]] {
        try await read { db in
            try Data.fetchAll(db, sql: "SELECT leaf_hash FROM batches ORDER BY leaf_index").map { Array($0) }
        }
    }

    public func latestCheckpoint() async throws(StoreError) -> StoredCheckpoint? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM checkpoints ORDER BY size DESC LIMIT 1").map(
                Self.checkpoint(from:))
        }
    }

    public func checkpoint(size: Int) async throws(StoreError) -> StoredCheckpoint? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM checkpoints WHERE size = ?", arguments: [size])
                .map(Self.checkpoint(from:))
        }
    }

    public func statistics() async throws(StoreError) -> StoreStatistics {
        try await read { db in
            StoreStatistics(
                partners: try Int.fetchOne(db, sql: "SELECT count(*) FROM partners") ?? 0,
                batches: try Int.fetchOne(db, sql: "SELECT count(*) FROM batches") ?? 0,
                records: try Int.fetchOne(
                    db, sql: "SELECT coalesce(sum(length(spans)), 0) / \(StoredRecords.bytesPerSpan) FROM record_spans")
                    ?? 0,
                conflicts: try Int.fetchOne(db, sql: "SELECT count(*) FROM conflicts") ?? 0)
        }
    }

    // MARK: Rows

    private static let batchColumns = """
        SELECT batch_id, partner_id, sequence, key_epoch, created_at, received_at, record_count, leaf_index, receipt
        FROM batches
        """

    private static func sequence(_ db: Database, _ partnerID: String) throws -> SequenceState? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT last_sequence, last_batch_id FROM sequences WHERE partner_id = ?"),
            arguments: [partnerID]
        ).map { SequenceState(lastSequence: $0["last_sequence"], lastBatchID: $0["last_batch_id"]) }
    }

    private static func partner(_ db: Database, _ id: String) throws -> PartnerRecord? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, kind, created_at FROM partners WHERE id = ?"), arguments: [id]
        ).flatMap(partner(from:))
    }

    private static func partner(from row: Row) -> PartnerRecord? {
        guard let kind = PartnerKind(rawValue: row["kind"]) else { return nil }
        return PartnerRecord(id: row["id"], kind: kind, createdAt: row["created_at"])
    }

    private func key(from row: Row) -> PartnerKeyRecord? {
        let raw: Data = row["public_key"]
        let publicKey: PublicKey
        if let checked = checkedKeys.withLock({ $0[raw] }) {
            publicKey = checked
        } else {
            guard let key = try? PublicKey(rawRepresentation: Array(raw)) else { return nil }
            checkedKeys.withLock { $0[raw] = key }
            publicKey = key
        }
        return PartnerKeyRecord(
            partnerID: row["partner_id"], epoch: row["epoch"], publicKey: publicKey, addedAt: row["added_at"],
            revokedAt: row["revoked_at"])
    }

    private static func batch(from row: Row) -> StoredBatch {
        StoredBatch(
            batchID: row["batch_id"], partnerID: row["partner_id"], sequence: row["sequence"],
            keyEpoch: row["key_epoch"], createdAt: row["created_at"], receivedAt: row["received_at"],
            recordCount: row["record_count"], leafIndex: row["leaf_index"], receipt: Array(row["receipt"] as Data))
    }

    private static func checkpoint(from row: Row) -> StoredCheckpoint {
        StoredCheckpoint(size: row["size"], rootHash: Array(row["root_hash"] as Data), signedNote: row["signed_note"])
    }

    // MARK: Access with typed errors

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    /// `BEGIN IMMEDIATE`: takes the write lock before reading the sequence, so the check and the insert
    /// cannot interleave with another process's append.
    private func writeImmediate<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T)
        async throws(StoreError) -> T
    {
        do {
            return try await pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    if case .stale? = result as? AppendOutcome { return .rollback }
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.storeError(error)
        }
    }

    private static func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_CONSTRAINT: return StoreError(.duplicate, "already exists: \(error.message ?? "constraint")")
            case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError(.busy, "the database is busy; retry later")
            default: return StoreError(.unavailable, "database error: \(error)")
            }
        }
        return StoreError(.unavailable, "database error: \(error)")
    }
}

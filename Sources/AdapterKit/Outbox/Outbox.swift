import CredenceProtocol
import Foundation
import GRDB

/// The adapter's durable outbox: one SQLite file (`DIR/outbox.sqlite`, WAL, `synchronous = FULL`) holding
/// the sealed batches, the chain head and the read cursor of every source file.
///
/// Sealing is one transaction: the signed envelope, its `batch_seq` and `batch_id`, the new chain head,
/// the cursors of the files whose units it completes and the units rejected on the way. A batch is
/// therefore on disk before anything pushes it, and after a crash (`kill -9`, a power cut) the adapter
/// neither loses a record nor reads one twice: it resumes reading at the cursors and pushes what has no
/// receipt yet. The delivery cursor (``acknowledge(seq:receipt:leafIndex:)``) moves only after the
/// receipt verified.
///
/// ```swift
/// let outbox = try Outbox(path: directory.outboxPath)
/// print(try await outbox.status().pending)
/// ```
public final class Outbox: Sendable {
    public let path: String
    private let pool: DatabasePool

    public init(path: String) throws(AdapterError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // FULL: a commit is on disk when sealing returns, not only in the WAL's page cache.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try OutboxSchema.migrator.migrate(pool)
        } catch {
            throw AdapterError(.outbox, "cannot open the outbox at \(path): \(error)")
        }
    }

    // MARK: Chain

    /// The head of the chain; nil until it was synchronized with the aggregator.
    func chainHead() async throws -> ChainHead? {
        try await read("read the chain head") { db in try Self.chainHead(db) }
    }

    /// Starts the chain of a fresh outbox where the aggregator's ends.
    func establishChain(_ head: ChainHead, at time: Int64) async throws {
        try await write("start the chain") { db in
            if let existing = try Self.chainHead(db) {
                guard existing == head else {
                    throw AdapterError(
                        .chain, "the outbox's chain already ends at batch_seq \(existing.lastSeq); not restarting it")
                }
                return
            }
            try db.execute(
                sql: "INSERT INTO chain (id, last_seq, last_batch_id, synchronized_at) VALUES (1, ?, ?, ?)",
                arguments: [head.lastSeq, head.lastBatchID, time])
        }
    }

    // MARK: Sealing

    /// Commits a draft in one transaction: `batch` (the draft's records, signed) as the next link of the
    /// chain, the files' progress and the rejected units. With `batch` nil, only progress and rejects.
    func seal(_ batch: SealedBatch?, draft: BatchDraft, at time: Int64) async throws {
        try await write("seal a batch") { db in
            if let batch {
                guard let head = try Self.chainHead(db) else {
                    throw AdapterError(.chain, "cannot seal batch_seq \(batch.seq): the chain was never synchronized")
                }
                guard batch.seq == head.lastSeq + 1 else {
                    throw AdapterError(
                        .chain, "cannot seal batch_seq \(batch.seq): the outbox's chain ends at \(head.lastSeq)")
                }
                try db.execute(
                    sql: """
                        INSERT INTO batches (seq, batch_id, source_format, record_count, envelope, sealed_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        batch.seq, batch.batchID, batch.format.rawValue, batch.recordCount, Data(batch.envelope), time,
                    ])
                try db.execute(
                    sql: "UPDATE chain SET last_seq = ?, last_batch_id = ? WHERE id = 1",
                    arguments: [batch.seq, batch.batchID])
            }
            for progress in draft.progress.values {
                try db.execute(
                    sql: """
                        INSERT INTO files (content_sha256, name, next_ordinal, units, records, rejects, state, refusal,
                                           first_seen_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (content_sha256, name) DO UPDATE SET
                            next_ordinal = excluded.next_ordinal, units = excluded.units, records = excluded.records,
                            rejects = excluded.rejects, state = excluded.state, refusal = excluded.refusal,
                            updated_at = excluded.updated_at
                        """,
                    arguments: [
                        progress.file.contentSHA256, progress.file.name, progress.nextOrdinal, progress.units,
                        progress.records, progress.rejects, progress.state.rawValue, progress.refusal, time, time,
                    ])
            }
            for reject in draft.rejects {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO rejects (content_sha256, name, ordinal, line, byte_offset, reason)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        reject.fileSHA256, reject.file, reject.ordinal, reject.line, reject.offset, reject.reason,
                    ])
            }
        }
    }

    /// The sealed progress of a file; nil for a file never seen.
    func progress(of file: SourceFileIdentity) async throws -> FileProgress? {
        try await read("read a file cursor") { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM files WHERE content_sha256 = ? AND name = ?",
                arguments: [file.contentSHA256, file.name]
            ).map(Self.progress)
        }
    }

    // MARK: Delivery

    /// The pending batch with the lowest `batch_seq`: the next to push.
    func firstPending() async throws -> PendingBatch? {
        try await pending(limit: 1).first
    }

    /// Pending batches in `batch_seq` order.
    func pending(limit: Int = Int.max) async throws -> [PendingBatch] {
        try await read("read pending batches") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, batch_id, record_count, envelope FROM batches
                    WHERE acknowledged_at IS NULL ORDER BY seq LIMIT ?
                    """,
                arguments: [min(limit, Int(Int32.max))]
            ).map { row in
                PendingBatch(
                    seq: row["seq"], batchID: row["batch_id"], recordCount: row["record_count"],
                    envelope: Array(row["envelope"] as Data))
            }
        }
    }

    func pendingCount() async throws -> Int {
        try await read("count pending batches") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM batches WHERE acknowledged_at IS NULL") ?? 0
        }
    }

    /// Marks batch `seq` delivered: its verified receipt replaces its envelope.
    func acknowledge(seq: Int64, receipt: [UInt8], leafIndex: Int, at time: Int64) async throws {
        try await write("acknowledge a batch") { db in
            try db.execute(
                sql: """
                    UPDATE batches SET acknowledged_at = ?, leaf_index = ?, receipt = ?, envelope = NULL
                    WHERE seq = ? AND acknowledged_at IS NULL
                    """,
                arguments: [time, leafIndex, Data(receipt), seq])
        }
    }

    // MARK: Rejects and status

    /// Rejected units of the files named `name`, in file and ordinal order.
    func rejects(named name: String) async throws -> [RejectedUnit] {
        try await read("read rejects") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM rejects WHERE name = ? ORDER BY content_sha256, ordinal", arguments: [name]
            ).map { row in
                RejectedUnit(
                    file: row["name"], fileSHA256: row["content_sha256"], line: row["line"], offset: row["byte_offset"],
                    ordinal: row["ordinal"], reason: row["reason"])
            }
        }
    }

    /// How many rejected units each file name has.
    func rejectCounts() async throws -> [String: Int] {
        try await read("count rejects") { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, COUNT(*) AS count FROM rejects GROUP BY name") {
                counts[row["name"]] = row["count"]
            }
            return counts
        }
    }

    public func status() async throws -> OutboxStatus {
        try await read("read the status") { db in
            let batches = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS sealed, COUNT(acknowledged_at) AS acknowledged,
                           COALESCE(SUM(record_count), 0) AS records,
                           MIN(CASE WHEN acknowledged_at IS NULL THEN seq END) AS first_pending
                    FROM batches
                    """)!
            let sealed: Int = batches["sealed"]
            let acknowledged: Int = batches["acknowledged"]
            return OutboxStatus(
                chain: try Self.chainHead(db), sealed: sealed, acknowledged: acknowledged,
                pending: sealed - acknowledged, firstPendingSeq: batches["first_pending"], records: batches["records"],
                rejects: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rejects") ?? 0,
                files: try Row.fetchAll(db, sql: "SELECT * FROM files ORDER BY first_seen_at, name").map(Self.progress))
        }
    }

    // MARK: Plumbing

    private static func chainHead(_ db: Database) throws -> ChainHead? {
        try Row.fetchOne(db, sql: "SELECT last_seq, last_batch_id FROM chain WHERE id = 1").map { row in
            ChainHead(lastSeq: row["last_seq"], lastBatchID: row["last_batch_id"])
        }
    }

    private static func progress(_ row: Row) -> FileProgress {
        FileProgress(
            file: SourceFileIdentity(contentSHA256: row["content_sha256"], name: row["name"]),
            nextOrdinal: row["next_ordinal"], units: row["units"], records: row["records"], rejects: row["rejects"],
            state: FileProgress.State(rawValue: row["state"]) ?? .reading, refusal: row["refusal"])
    }

    private func read<Value: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> Value)
        async throws -> Value
    {
        try await naming(what) { try await pool.read(body) }
    }

    private func write<Value: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> Value)
        async throws -> Value
    {
        try await naming(what) { try await pool.write(body) }
    }

    /// Runs a database access, turning its failure into an ``AdapterError`` that says what failed.
    private func naming<Value>(_ what: String, _ access: () async throws -> Value) async throws -> Value {
        do {
            return try await access()
        } catch let error as AdapterError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw AdapterError(.outbox, "outbox \(path): cannot \(what): \(error)")
        }
    }
}

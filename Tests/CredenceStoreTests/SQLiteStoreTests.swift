import CredenceProtocol
import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// The SQLite store against a real file: registry, one-transaction appends, stale appends, conflicts.
struct SQLiteStoreTests {
    let directory: URL
    let store: SQLiteStore
    let key = try! SigningKey(seed: [UInt8](repeating: 7, count: 32)).publicKey

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("test.sqlite").path)
    }

    /// A signed envelope whose payload holds `records` records (`{"n": ordinal, "batch": sequence}`), and where
    /// each record lies in the payload.
    static func envelope(_ sequence: Int64, records: Int) -> (envelope: [UInt8], spans: [Range<Int>]) {
        let items = (0..<records).map { "{\"n\": \($0), \"batch\": \(sequence)}" }.joined(separator: ", ")
        let payload = Array("{\"records\": [\(items)]}".utf8)
        let envelope = EnvelopeSigner.sign(
            payload: payload, payloadType: PayloadType.batchV1,
            with: [try! SigningKey(seed: [UInt8](repeating: 3, count: 32))])
        return (envelope.serialized(), ParsedBatchPayload(payload).recordSpans)
    }

    func batch(_ sequence: Int64, leaf: Int, id: String? = nil, records: Int = 2) -> BatchToAppend {
        let batchID = id ?? String(repeating: String(sequence % 10), count: 64)
        let (envelope, spans) = Self.envelope(sequence, records: records)
        return BatchToAppend(
            batchID: batchID, partnerID: "lender-a", sequence: sequence, keyEpoch: 1, createdAt: 100, receivedAt: 101,
            envelope: envelope, recordSpans: spans, leafIndex: leaf,
            leafHash: [UInt8](repeating: UInt8(leaf), count: 32),
            checkpoint: StoredCheckpoint(
                size: leaf + 1, rootHash: [UInt8](repeating: 9, count: 32), signedNote: "note"),
            receipt: Array("receipt \(sequence)".utf8))
    }

    @Test func registryRoundTrips() async throws {
        try await store.addPartner(PartnerRecord(id: "lender-a", kind: .lending, createdAt: 1))
        await #expect(throws: StoreError.self) {
            try await store.addPartner(PartnerRecord(id: "lender-a", kind: .commerce, createdAt: 2))
        }
        try await store.addKey(PartnerKeyRecord(partnerID: "lender-a", epoch: 1, publicKey: key, addedAt: 1))
        #expect(try await store.keys(ofPartner: "lender-a").map(\.publicKey) == [key])
        #expect(
            try await store.candidateKeys(keyIDs: [key.keyID, "sha256:0000000000000000"], partnerIDs: []).count == 1)
        try await store.revokeKey(partnerID: "lender-a", epoch: 1, at: 5)
        #expect(try await store.keys(ofPartner: "lender-a").first?.revokedAt == 5)
        await #expect(throws: StoreError.self) { try await store.revokeKey(partnerID: "lender-a", epoch: 1, at: 6) }
        #expect(try await store.partners().map(\.id) == ["lender-a"])
        // The one-read forms the ingest path uses answer as the separate reads do, each key once.
        let second = try SigningKey(seed: [UInt8](repeating: 8, count: 32)).publicKey
        try await store.addKey(PartnerKeyRecord(partnerID: "lender-a", epoch: 2, publicKey: second, addedAt: 6))
        #expect(
            try await store.candidateKeys(keyIDs: [second.keyID], partnerIDs: ["lender-a", "nobody"]).map(\.epoch)
                == [2, 1])
        #expect(try await store.candidateKeys(keyIDs: [], partnerIDs: []).isEmpty)
        #expect(try await store.partnerAndSequence("lender-a") == (store.partner("lender-a"), nil))
        #expect(try await store.partnerAndSequence("nobody") == (nil, nil))
        #expect(
            try await store.appliedMigrations() == [
                "v1-ingest", "v2-identity-resolution", "v3-records-as-payload-slices", "v4-scoring-and-publishing",
                "v5-one-span-index-a-batch",
            ])
    }

    @Test func appendsAreOneTransactionAndRecheckTheSequence() async throws {
        try await store.addPartner(PartnerRecord(id: "lender-a", kind: .lending, createdAt: 1))
        #expect(try await store.append(batch(1, leaf: 0), after: nil) == .appended)
        let state = try await store.sequence(ofPartner: "lender-a")
        #expect(state?.lastSequence == 1)
        #expect(try await store.partnerAndSequence("lender-a").1 == state)
        // A writer that read the sequence before the first append must not append at the same place.
        #expect(
            try await store.append(batch(1, leaf: 0, id: String(repeating: "f", count: 64)), after: nil)
                == .stale(current: state))
        #expect(try await store.append(batch(2, leaf: 1), after: state) == .appended)
        // A failing insert (duplicate batch id) leaves nothing behind.
        let before = try await store.statistics()
        let duplicate = batch(3, leaf: 2, id: String(repeating: "2", count: 64))
        await #expect(throws: StoreError.self) {
            try await store.append(duplicate, after: try await store.sequence(ofPartner: "lender-a"))
        }
        #expect(try await store.statistics() == before)
        #expect(before.batches == 2 && before.records == 4)
        #expect(try await store.leafHashes().count == 2)
        #expect(try await store.latestCheckpoint()?.size == 2)
        #expect(try await store.batch(partnerID: "lender-a", sequence: 2)?.receipt == Array("receipt 2".utf8))
    }

    /// Batches appended as a group share one transaction: each re-checked against the state the earlier
    /// ones left, all written or none.
    @Test func groupAppendsAreAllOrNothing() async throws {
        try await store.addPartner(PartnerRecord(id: "lender-a", kind: .lending, createdAt: 1))
        let first = SequenceState(lastSequence: 1, lastBatchID: String(repeating: "1", count: 64))
        let second = SequenceState(lastSequence: 2, lastBatchID: String(repeating: "2", count: 64))
        let third = SequenceState(lastSequence: 3, lastBatchID: String(repeating: "3", count: 64))
        #expect(
            try await store.appendGroup([(batch(1, leaf: 0), nil), (batch(2, leaf: 1), first)]) == .appended)
        #expect(try await store.sequence(ofPartner: "lender-a") == second)
        let before = try await store.statistics()
        #expect(before.batches == 2 && before.records == 4)
        // A stale member (its leaf is taken) undoes the members before it.
        #expect(
            try await store.appendGroup([(batch(3, leaf: 2), second), (batch(4, leaf: 2), second)])
                == .stale(current: third))
        // So does a failing insert (a batch id used before).
        await #expect(throws: StoreError.self) {
            try await store.appendGroup([
                (batch(3, leaf: 2), second), (batch(4, leaf: 3, id: String(repeating: "1", count: 64)), third),
            ])
        }
        #expect(try await store.statistics() == before)
        #expect(try await store.sequence(ofPartner: "lender-a") == second)
        #expect(try await store.latestCheckpoint()?.size == 2)
    }

    @Test func conflictsKeepTheSecondEnvelope() async throws {
        try await store.addPartner(PartnerRecord(id: "lender-a", kind: .lending, createdAt: 1))
        let conflict = ConflictRecord(
            partnerID: "lender-a", sequence: 1, acceptedBatchID: "a", conflictingBatchID: "b",
            conflictingEnvelope: [1, 2, 3], receivedAt: 9)
        try await store.recordConflict(conflict)
        try await store.recordConflict(conflict)
        #expect(try await store.conflicts(ofPartner: "lender-a") == [conflict])
    }

    @Test func recordsReadBackAsTheSlicesOfTheirSignedPayload() async throws {
        try await store.addPartner(PartnerRecord(id: "lender-a", kind: .lending, createdAt: 1))
        #expect(try await store.append(batch(1, leaf: 0, records: 3), after: nil) == .appended)
        let state = try await store.sequence(ofPartner: "lender-a")
        #expect(try await store.append(batch(2, leaf: 1, records: 1), after: state) == .appended)
        let stored = try await store.batchesToLink(from: 0, limit: 10)
        #expect(stored.map(\.leafIndex) == [0, 1])
        #expect(
            stored[0].records.map { String(decoding: $0, as: UTF8.self) } == [
                #"{"n": 0, "batch": 1}"#, #"{"n": 1, "batch": 1}"#, #"{"n": 2, "batch": 1}"#,
            ])
        #expect(stored[1].records.map { String(decoding: $0, as: UTF8.self) } == [#"{"n": 0, "batch": 2}"#])
        #expect(try await store.statistics().records == 4)
    }

    /// A batch's records are one span index row; a damaged index is refused when read, never sliced past the
    /// payload, and a new file has the page size chosen for envelopes.
    @Test func spanIndexesAreCheckedAgainstTheirPayload() async throws {
        try await store.addPartner(PartnerRecord(id: "lender-a", kind: .lending, createdAt: 1))
        #expect(try await store.append(batch(1, leaf: 0, records: 3), after: nil) == .appended)
        let path = directory.appendingPathComponent("test.sqlite").path
        let queue = try DatabaseQueue(path: path)
        let (index, pageSize) = try await queue.read { db in
            (
                try Data.fetchOne(db, sql: "SELECT spans FROM record_spans WHERE leaf_index = 0"),
                try Int.fetchOne(db, sql: "PRAGMA page_size")
            )
        }
        #expect(index?.count == 3 * 8)
        #expect(pageSize == SQLiteSchema.pageSize)
        #expect(
            try StoredRecords.spans(inIndex: #require(index), payloadCount: 1_000, leafIndex: 0)
                == Self.envelope(1, records: 3).spans)

        // A span past the payload's end.
        var damaged = try #require(index)
        damaged[16] = 0xFF
        damaged[17] = 0xFF
        try await queue.write { [damaged] db in
            try db.execute(sql: "UPDATE record_spans SET spans = ? WHERE leaf_index = 0", arguments: [damaged])
        }
        await #expect(throws: StoreError.self) { try await store.batchesToLink(from: 0, limit: 1) }
        // An index that is not a whole number of spans cannot be stored at all.
        await #expect(throws: DatabaseError.self) {
            try await queue.write { db in
                try db.execute(sql: "UPDATE record_spans SET spans = x'0102' WHERE leaf_index = 0")
            }
        }
        #expect(throws: StoreError.self) {
            try StoredRecords.spans(inIndex: Data([1, 2, 3]), payloadCount: 100, leafIndex: 0)
        }
    }

    /// Commits leave checkpoints to the background loop: the database file grows only when a checkpoint copies
    /// the WAL into it, and with the loop running it does without any commit reaching SQLite's own threshold.
    @Test func backgroundCheckpointsCopyTheWALIntoTheDatabaseFile() async throws {
        let path = directory.appendingPathComponent("background.sqlite").path
        let store = try SQLiteStore(path: path, options: .init(checkpointsInBackground: true))
        try await store.addPartner(PartnerRecord(id: "lender-a", kind: .lending, createdAt: 1))
        func fileSize() throws -> Int {
            try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        }
        // About 1.2 MB of envelopes: far below the 64 MiB at which a commit checkpoints by itself.
        var previous: SequenceState?
        func appendBatches(_ sequences: ClosedRange<Int64>) async throws {
            for sequence in sequences {
                #expect(
                    try await store.append(
                        batch(sequence, leaf: Int(sequence - 1), id: String(format: "%064d", sequence), records: 2_000),
                        after: previous)
                        == .appended)
                previous = try await store.sequence(ofPartner: "lender-a")
            }
        }
        try await appendBatches(1...10)
        let withoutLoop = try fileSize()
        #expect(withoutLoop < 400_000, "nothing should have been checkpointed yet: \(withoutLoop) bytes")

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.checkpointContinuously(every: .milliseconds(10)) }
            try await appendBatches(11...20)
            let deadline = ContinuousClock.now + .seconds(10)
            while try fileSize() < 1_000_000, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            group.cancelAll()
        }
        #expect(try fileSize() > 1_000_000)
        // Every batch reads back after the loop ended.
        #expect(
            try await store.batchesToLink(from: 0, limit: 30).map(\.records.count) == Array(repeating: 2_000, count: 20)
        )
    }

    /// A file written before v3 kept each record's JSON in its row; opening it moves the rows to payload slices
    /// and every record reads back the same.
    @Test func migrationToPayloadSlicesKeepsEveryRecord() async throws {
        let path = directory.appendingPathComponent("v2.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "v2-identity-resolution")
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO partners (id, kind, created_at) VALUES ('lender-a', 'lending', 1)")
                for (leaf, count) in [(0, 2), (1, 3)] {
                    let (envelope, spans) = Self.envelope(Int64(leaf + 1), records: count)
                    let payload = try Envelope(parsing: envelope).payload
                    try db.execute(
                        sql: """
                            INSERT INTO batches (leaf_index, batch_id, partner_id, sequence, key_epoch, created_at,
                                received_at, record_count, leaf_hash, envelope, receipt)
                            VALUES (?, ?, 'lender-a', ?, 1, 1, 1, ?, ?, ?, x'00')
                            """,
                        arguments: [
                            leaf, "batch-\(leaf)", leaf + 1, count, Data(repeating: 1, count: 32), Data(envelope),
                        ])
                    for (ordinal, span) in spans.enumerated() {
                        // v2 stored a compact re-serialization; the slice is what the partner signed.
                        let body = try StrictJSONParser.parse(payload[span]).serialized()
                        try db.execute(
                            sql:
                                "INSERT INTO records (leaf_index, ordinal, record_id, kind, body) VALUES (?, ?, ?, ?, ?)",
                            arguments: [leaf, ordinal, "r\(ordinal)", "tradeline_snapshot", Data(body)])
                    }
                }
            }
        }
        let migrated = try SQLiteStore(path: path)
        #expect(
            try await migrated.appliedMigrations().suffix(3) == [
                "v3-records-as-payload-slices", "v4-scoring-and-publishing", "v5-one-span-index-a-batch",
            ])
        let stored = try await migrated.batchesToLink(from: 0, limit: 10)
        #expect(stored.map(\.records.count) == [2, 3])
        #expect(
            try stored[1].records.map { try StrictJSONParser.parse($0) }
                == (0..<3).map { try StrictJSONParser.parse(Array(#"{"n":\#($0),"batch":2}"#.utf8)) })
        #expect(try await migrated.statistics().records == 5)
    }
}

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
            envelope: envelope,
            records: spans.enumerated().map {
                RecordRow(ordinal: $0, recordID: "r\($0)", kind: .tradelineSnapshot, payloadRange: $1)
            },
            leafIndex: leaf, leafHash: [UInt8](repeating: UInt8(leaf), count: 32),
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
        #expect(try await store.keys(withIDs: [key.keyID, "sha256:0000000000000000"]).count == 1)
        try await store.revokeKey(partnerID: "lender-a", epoch: 1, at: 5)
        #expect(try await store.keys(ofPartner: "lender-a").first?.revokedAt == 5)
        await #expect(throws: StoreError.self) { try await store.revokeKey(partnerID: "lender-a", epoch: 1, at: 6) }
        #expect(try await store.partners().map(\.id) == ["lender-a"])
        #expect(
            try await store.appliedMigrations() == [
                "v1-ingest", "v2-identity-resolution", "v3-records-as-payload-slices", "v4-scoring-and-publishing",
            ])
    }

    @Test func appendsAreOneTransactionAndRecheckTheSequence() async throws {
        try await store.addPartner(PartnerRecord(id: "lender-a", kind: .lending, createdAt: 1))
        #expect(try await store.append(batch(1, leaf: 0), after: nil) == .appended)
        let state = try await store.sequence(ofPartner: "lender-a")
        #expect(state?.lastSequence == 1)
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
        #expect(try await migrated.appliedMigrations().contains("v3-records-as-payload-slices"))
        let stored = try await migrated.batchesToLink(from: 0, limit: 10)
        #expect(stored.map(\.records.count) == [2, 3])
        #expect(
            try stored[1].records.map { try StrictJSONParser.parse($0) }
                == (0..<3).map { try StrictJSONParser.parse(Array(#"{"n":\#($0),"batch":2}"#.utf8)) })
        #expect(try await migrated.statistics().records == 5)
    }
}

import CredenceProtocol
import CredenceStore
import Foundation
import Testing

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

    func batch(_ sequence: Int64, leaf: Int, id: String? = nil, records: Int = 2) -> BatchToAppend {
        let batchID = id ?? String(repeating: String(sequence % 10), count: 64)
        return BatchToAppend(
            batchID: batchID, partnerID: "lender-a", sequence: sequence, keyEpoch: 1, createdAt: 100, receivedAt: 101,
            envelope: Array("envelope \(sequence)".utf8),
            records: (0..<records).map {
                RecordRow(ordinal: $0, recordID: "r\($0)", kind: .tradelineSnapshot, body: Array("{\"n\":\($0)}".utf8))
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
        #expect(try await store.appliedMigrations() == ["v1-ingest", "v2-identity-resolution"])
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

    @Test func conflictsKeepTheSecondEnvelope() async throws {
        try await store.addPartner(PartnerRecord(id: "lender-a", kind: .lending, createdAt: 1))
        let conflict = ConflictRecord(
            partnerID: "lender-a", sequence: 1, acceptedBatchID: "a", conflictingBatchID: "b",
            conflictingEnvelope: [1, 2, 3], receivedAt: 9)
        try await store.recordConflict(conflict)
        try await store.recordConflict(conflict)
        #expect(try await store.conflicts(ofPartner: "lender-a") == [conflict])
    }
}

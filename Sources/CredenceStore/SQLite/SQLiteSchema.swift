import Foundation
import GRDB

/// The versioned schema. A migration, once released, never changes: later versions add migrations.
enum SQLiteSchema {
    /// The page size of a new database file (an existing file keeps its own).
    static let pageSize = 16384

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ingest") { db in
            try db.execute(
                sql: """
                    CREATE TABLE partners (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('lending', 'commerce', 'social')),
                        created_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE partner_keys (
                        partner_id TEXT NOT NULL REFERENCES partners(id),
                        epoch INTEGER NOT NULL CHECK (epoch >= 1),
                        key_id TEXT NOT NULL,
                        public_key BLOB NOT NULL CHECK (length(public_key) = 32),
                        added_at INTEGER NOT NULL,
                        revoked_at INTEGER,
                        PRIMARY KEY (partner_id, epoch)
                    ) STRICT;
                    CREATE INDEX partner_keys_by_key_id ON partner_keys(key_id);
                    -- leaf_index is the rowid: batches are stored in log order.
                    CREATE TABLE batches (
                        leaf_index INTEGER PRIMARY KEY,
                        batch_id TEXT NOT NULL UNIQUE,
                        partner_id TEXT NOT NULL REFERENCES partners(id),
                        sequence INTEGER NOT NULL CHECK (sequence >= 1),
                        key_epoch INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        received_at INTEGER NOT NULL,
                        record_count INTEGER NOT NULL,
                        leaf_hash BLOB NOT NULL CHECK (length(leaf_hash) = 32),
                        envelope BLOB NOT NULL,
                        receipt BLOB NOT NULL,
                        UNIQUE (partner_id, sequence)
                    ) STRICT;
                    CREATE TABLE records (
                        leaf_index INTEGER NOT NULL REFERENCES batches(leaf_index),
                        ordinal INTEGER NOT NULL,
                        record_id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        body BLOB NOT NULL,
                        PRIMARY KEY (leaf_index, ordinal)
                    ) STRICT, WITHOUT ROWID;
                    CREATE TABLE sequences (
                        partner_id TEXT PRIMARY KEY NOT NULL REFERENCES partners(id),
                        last_sequence INTEGER NOT NULL,
                        last_batch_id TEXT NOT NULL
                    ) STRICT;
                    CREATE TABLE conflicts (
                        partner_id TEXT NOT NULL REFERENCES partners(id),
                        sequence INTEGER NOT NULL,
                        accepted_batch_id TEXT NOT NULL,
                        conflicting_batch_id TEXT NOT NULL,
                        conflicting_envelope BLOB NOT NULL,
                        received_at INTEGER NOT NULL,
                        PRIMARY KEY (partner_id, sequence, conflicting_batch_id)
                    ) STRICT;
                    CREATE TABLE checkpoints (
                        size INTEGER PRIMARY KEY,
                        root_hash BLOB NOT NULL CHECK (length(root_hash) = 32),
                        signed_note TEXT NOT NULL
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v2-identity-resolution") { db in
            try db.execute(
                sql: """
                    -- The persons linkage has formed. Ids are never reused: a merged-away person keeps its row.
                    CREATE TABLE persons (
                        person_id TEXT PRIMARY KEY NOT NULL,
                        created_leaf INTEGER NOT NULL
                    ) STRICT;
                    -- One row per partner subject: what its partner last said about it (SubjectReference JSON),
                    -- and the person it belongs to now.
                    CREATE TABLE subjects (
                        subject_key TEXT PRIMARY KEY NOT NULL,
                        partner_id TEXT NOT NULL REFERENCES partners(id),
                        person_id TEXT NOT NULL REFERENCES persons(person_id),
                        profile BLOB NOT NULL,
                        updated_leaf INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX subjects_by_person ON subjects(person_id);
                    -- Every change of a subject's person, with the probability and per-field evidence behind it.
                    CREATE TABLE person_events (
                        event_id INTEGER PRIMARY KEY,
                        leaf_index INTEGER NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('created', 'joined', 'merged', 'split', 'left')),
                        person_id TEXT NOT NULL,
                        other_person_id TEXT,
                        subject_key TEXT,
                        other_subject_key TEXT,
                        probability REAL,
                        evidence TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX person_events_by_person ON person_events(person_id);
                    CREATE INDEX person_events_by_other_person ON person_events(other_person_id);
                    -- How far the log has been linked, the next person number, and the linkage model in use.
                    CREATE TABLE linkage_state (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        linked_leaves INTEGER NOT NULL,
                        next_person_number INTEGER NOT NULL,
                        model TEXT,
                        model_subjects INTEGER NOT NULL
                    ) STRICT;
                    INSERT INTO linkage_state (id, linked_leaves, next_person_number, model, model_subjects)
                        VALUES (1, 0, 1, NULL, 0);
                    """)
        }
        migrator.registerMigration("v3-records-as-payload-slices") { db in
            try migrateRecordsToPayloadSlices(db)
        }
        migrator.registerMigration("v4-scoring-and-publishing") { db in
            try db.execute(
                sql: """
                    -- Which partner subjects each record is about, filled as scoring reads linked batches: a
                    -- person's file is the records of its subjects.
                    CREATE TABLE subject_records (
                        subject_key TEXT NOT NULL,
                        leaf_index INTEGER NOT NULL REFERENCES batches(leaf_index),
                        ordinal INTEGER NOT NULL,
                        PRIMARY KEY (subject_key, leaf_index, ordinal)
                    ) STRICT, WITHOUT ROWID;
                    -- Strong identifier tokens seen on subjects: how a consumer's query finds a person.
                    CREATE TABLE subject_identifiers (
                        token_type TEXT NOT NULL,
                        token TEXT NOT NULL,
                        subject_key TEXT NOT NULL,
                        PRIMARY KEY (token_type, token, subject_key)
                    ) STRICT, WITHOUT ROWID;
                    -- Each live person's current score, with the features (catalog order, null when missing)
                    -- it was computed from, so that a new model re-scores without reading records again.
                    CREATE TABLE person_scores (
                        person_id TEXT PRIMARY KEY NOT NULL REFERENCES persons(person_id),
                        model_version TEXT NOT NULL,
                        as_of TEXT NOT NULL,
                        score INTEGER NOT NULL,
                        probability_bad REAL NOT NULL,
                        reasons TEXT NOT NULL,
                        features TEXT NOT NULL,
                        contributing_batches TEXT NOT NULL,
                        scored_at INTEGER NOT NULL
                    ) STRICT;
                    -- How far scoring has got, and the model, catalog and as-of date of the stored scores.
                    CREATE TABLE scoring_state (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        scored_leaves INTEGER NOT NULL,
                        scored_inquiries INTEGER NOT NULL,
                        model_id TEXT,
                        catalog TEXT,
                        as_of TEXT
                    ) STRICT;
                    INSERT INTO scoring_state (id, scored_leaves, scored_inquiries) VALUES (1, 0, 0);
                    -- Consumers and the purposes their API key may be used for; the key is kept as its SHA-256.
                    CREATE TABLE consumers (
                        consumer_id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        purposes TEXT NOT NULL,
                        key_digest BLOB NOT NULL UNIQUE CHECK (length(key_digest) = 32),
                        created_at INTEGER NOT NULL,
                        revoked_at INTEGER
                    ) STRICT;
                    -- Every score query. It is on the file of the subjects the person had when asked, so it
                    -- follows them through later merges and splits.
                    CREATE TABLE inquiries (
                        inquiry_id INTEGER PRIMARY KEY,
                        person_id TEXT NOT NULL,
                        consumer_id TEXT NOT NULL REFERENCES consumers(consumer_id),
                        purpose TEXT NOT NULL,
                        inquired_at INTEGER NOT NULL,
                        report_id TEXT NOT NULL UNIQUE
                    ) STRICT;
                    CREATE TABLE inquiry_subjects (
                        inquiry_id INTEGER NOT NULL REFERENCES inquiries(inquiry_id),
                        subject_key TEXT NOT NULL,
                        PRIMARY KEY (subject_key, inquiry_id)
                    ) STRICT, WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v5-one-span-index-a-batch") { db in
            try migrateRecordsToSpanIndexes(db)
        }
        return migrator
    }

    /// v5: a batch's records are one span index (``StoredRecords``) in `record_spans` instead of a row each
    /// (ordinal, record id, kind, offset, length), so that accepting a batch inserts one small row beside its
    /// envelope, not a thousand. Ids and kinds are read from the records themselves, which the spans locate.
    private static func migrateRecordsToSpanIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE record_spans (
                    leaf_index INTEGER PRIMARY KEY REFERENCES batches(leaf_index),
                    spans BLOB NOT NULL CHECK (length(spans) % \(StoredRecords.bytesPerSpan) = 0)
                ) STRICT;
                """)
        let insert = try db.makeStatement(sql: "INSERT INTO record_spans (leaf_index, spans) VALUES (?, ?)")
        let rows = try db.makeStatement(
            sql: "SELECT ordinal, payload_offset, payload_length FROM records WHERE leaf_index = ? ORDER BY ordinal")
        let batches = try Row.fetchCursor(db, sql: "SELECT leaf_index, record_count FROM batches ORDER BY leaf_index")
        while let batch = try batches.next() {
            let leafIndex: Int = batch["leaf_index"]
            var spans: [Range<Int>] = []
            for row in try Row.fetchAll(rows, arguments: [leafIndex]) {
                let ordinal: Int = row["ordinal"]
                let offset: Int = row["payload_offset"]
                let length: Int = row["payload_length"]
                guard ordinal == spans.count else {
                    throw StoreError(.unavailable, "migration v5: leaf \(leafIndex) has no record \(spans.count)")
                }
                spans.append(offset..<offset + length)
            }
            let count: Int = batch["record_count"]
            guard spans.count == count else {
                throw StoreError(
                    .unavailable, "migration v5: leaf \(leafIndex) holds \(spans.count) records, not \(count)")
            }
            try insert.execute(arguments: [leafIndex, try StoredRecords.spanIndex(spans, leafIndex: leafIndex)])
        }
        try db.execute(sql: "DROP TABLE records")
    }

    /// v3: a record row no longer carries its JSON (a re-serialized copy of what the envelope already holds) but
    /// where the record lies in the batch's payload. Half the bytes per accepted batch, and no serializing per
    /// record on ingest. Rows stored before are located again in their envelopes.
    private static func migrateRecordsToPayloadSlices(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE records_v3 (
                    leaf_index INTEGER NOT NULL REFERENCES batches(leaf_index),
                    ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                    record_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    payload_offset INTEGER NOT NULL CHECK (payload_offset >= 0),
                    payload_length INTEGER NOT NULL CHECK (payload_length > 0),
                    PRIMARY KEY (leaf_index, ordinal)
                ) STRICT, WITHOUT ROWID;
                """)
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO records_v3 (leaf_index, ordinal, record_id, kind, payload_offset, payload_length)
                SELECT leaf_index, ordinal, record_id, kind, ?, ? FROM records WHERE leaf_index = ? AND ordinal = ?
                """)
        let batches = try Row.fetchCursor(db, sql: "SELECT leaf_index, envelope FROM batches ORDER BY leaf_index")
        while let batch = try batches.next() {
            let leafIndex: Int = batch["leaf_index"]
            let spans = try StoredRecords.spans(inEnvelope: Array(batch["envelope"] as Data), leafIndex: leafIndex)
            for (ordinal, span) in spans.enumerated() {
                try insert.execute(arguments: [span.lowerBound, span.count, leafIndex, ordinal])
            }
        }
        let copied = try Int.fetchOne(db, sql: "SELECT count(*) FROM records_v3") ?? 0
        let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM records") ?? 0
        guard copied == stored else {
            throw StoreError(
                .unavailable, "migration v3: \(stored) stored records but \(copied) found in their batches' envelopes")
        }
        try db.execute(sql: "DROP TABLE records; ALTER TABLE records_v3 RENAME TO records;")
    }
}

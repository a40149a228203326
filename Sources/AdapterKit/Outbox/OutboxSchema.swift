import GRDB

/// The outbox's versioned schema. A migration, once released, never changes: later versions add migrations.
enum OutboxSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-outbox") { db in
            try db.execute(
                sql: """
                    -- The head of the partner's chain as this outbox knows it: the last sealed batch. No row
                    -- until the chain was synchronized with the aggregator (a fresh directory).
                    CREATE TABLE chain (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
                        last_batch_id TEXT,
                        synchronized_at INTEGER NOT NULL
                    ) STRICT;
                    -- Every batch sealed here. The envelope is kept until the aggregator's receipt verifies;
                    -- then the receipt replaces it.
                    CREATE TABLE batches (
                        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
                        batch_id TEXT NOT NULL UNIQUE,
                        source_format TEXT NOT NULL,
                        record_count INTEGER NOT NULL,
                        envelope BLOB,
                        sealed_at INTEGER NOT NULL,
                        acknowledged_at INTEGER,
                        leaf_index INTEGER,
                        receipt BLOB,
                        CHECK ((acknowledged_at IS NULL) = (receipt IS NULL)),
                        CHECK ((acknowledged_at IS NULL) = (envelope IS NOT NULL))
                    ) STRICT;
                    CREATE INDEX batches_pending ON batches(seq) WHERE acknowledged_at IS NULL;
                    -- The read cursor of every source file: the ordinal of its first unit not sealed yet.
                    CREATE TABLE files (
                        content_sha256 TEXT NOT NULL,
                        name TEXT NOT NULL,
                        next_ordinal INTEGER NOT NULL,
                        units INTEGER NOT NULL,
                        records INTEGER NOT NULL,
                        rejects INTEGER NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('reading', 'done', 'refused')),
                        refusal TEXT,
                        first_seen_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        PRIMARY KEY (content_sha256, name)
                    ) STRICT;
                    -- Quarantined units; DIR/rejects/<file>.rejects.jsonl is written from these rows.
                    CREATE TABLE rejects (
                        content_sha256 TEXT NOT NULL,
                        name TEXT NOT NULL,
                        ordinal INTEGER NOT NULL,
                        line INTEGER,
                        byte_offset INTEGER,
                        reason TEXT NOT NULL,
                        PRIMARY KEY (content_sha256, name, ordinal)
                    ) STRICT;
                    """)
        }
        return migrator
    }
}

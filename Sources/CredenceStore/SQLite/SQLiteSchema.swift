import GRDB

/// The versioned schema. A migration, once released, never changes: later versions add migrations.
enum SQLiteSchema {
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
        return migrator
    }
}

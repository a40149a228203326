import GRDB

extension SQLiteStore {
    /// With ``Options/checkpointsInBackground``, how far (bytes of WAL) ``checkpointContinuously(every:)`` may
    /// fall behind, or not run at all, before a commit checkpoints by itself.
    static let backgroundCheckpointLag = 64 << 20

    /// Copies committed WAL frames into the database file every `interval`, on a connection of its own,
    /// until the task is cancelled.
    ///
    /// Without it, the commit that grows the WAL past 1,000 pages copies them before it returns: at ingest
    /// rates, one commit in a few pays for a checkpoint of megabytes. Passive checkpoints never block a
    /// writer or a reader. Open the store with ``Options/checkpointsInBackground`` so that commits leave
    /// checkpoints to this loop (unless the WAL grows past 64 MiB).
    public func checkpointContinuously(every interval: Duration) async throws(StoreError) {
        let connection: DatabaseQueue
        do {
            connection = try checkpointConnection()
        } catch {
            throw StoreError(.unavailable, "cannot open a checkpoint connection: \(error)")
        }
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            do {
                try await connection.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
            } catch {
                // A busy checkpoint is retried at the next tick; commits keep their own as a fallback.
                if (error as? DatabaseError)?.resultCode == .SQLITE_BUSY || Task.isCancelled { continue }
                throw StoreError(.unavailable, "WAL checkpoint failed: \(error)")
            }
        }
    }
}

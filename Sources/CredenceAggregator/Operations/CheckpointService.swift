import CredenceStore
import ServiceLifecycle

/// Copies the store's write-ahead log into its database file in the background, so that an ingest commit
/// waits for its own fsync and not for a checkpoint of the batches before it.
struct CheckpointService: Service {
    let store: SQLiteStore
    /// Often enough that a checkpoint copies a few megabytes at full ingest rate.
    static let interval = Duration.milliseconds(100)

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await store.checkpointContinuously(every: Self.interval)
        }
    }
}

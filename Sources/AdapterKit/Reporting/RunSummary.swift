/// What one run did, for the line a command prints at its end and for tests.
public struct RunSummary: Sendable, Equatable {
    /// Files given, read to the end, skipped as already processed (or given twice), and refused.
    public var files: Int
    public var filesDone: Int
    public var filesSkipped: Int
    public var filesRefused: Int
    public var units: Int
    public var records: Int
    public var rejects: Int
    public var batchesSealed: Int
    public var batchesAcknowledged: Int
    public var recordsAcknowledged: Int
    /// Waits before a retry: backoffs and `Retry-After`s.
    public var retries: Int
    /// One line per refused file.
    public var refusals: [String]
    /// Batches still waiting in the outbox for a receipt when the run ended.
    public var pending: Int
    public var seconds: Double

    init(_ counters: RunCounters, refusals: [String], pending: Int) {
        let snapshot = counters.snapshot
        files = snapshot.files
        filesDone = snapshot.filesDone
        filesSkipped = snapshot.filesSkipped
        filesRefused = snapshot.filesRefused
        units = snapshot.units
        records = snapshot.records
        rejects = snapshot.rejects
        batchesSealed = snapshot.batchesSealed
        batchesAcknowledged = snapshot.batchesAcknowledged
        recordsAcknowledged = snapshot.recordsAcknowledged
        retries = snapshot.retries
        self.refusals = refusals
        self.pending = pending
        seconds = Double((ContinuousClock.now - counters.started).milliseconds) / 1000
    }

    /// Records read per second over the whole run.
    public var recordsPerSecond: Int { seconds > 0 ? Int(Double(records) / seconds) : records }
}

import Synchronization

/// What a run has done so far, shared by the reading and the pushing task and read by the progress
/// display and the final summary.
final class RunCounters: Sendable {
    struct Snapshot: Sendable, Equatable {
        /// Files given to this run, finished (read to the end now or in an earlier run), skipped as already
        /// processed, and refused.
        var files = 0
        var filesDone = 0
        var filesSkipped = 0
        var filesRefused = 0
        var units = 0
        var records = 0
        var rejects = 0
        var batchesSealed = 0
        var batchesAcknowledged = 0
        var recordsAcknowledged = 0
        var retries = 0
        var currentFile: String?
    }

    private let state = Mutex(Snapshot())
    let started = ContinuousClock.now

    func update(_ change: (inout Snapshot) -> Void) {
        state.withLock { change(&$0) }
    }

    var snapshot: Snapshot { state.withLock { $0 } }

    /// Records read per second since the run started.
    func recordsPerSecond(_ snapshot: Snapshot, now: ContinuousClock.Instant = .now) -> Int {
        let elapsed = Double((now - started).milliseconds) / 1000
        return elapsed > 0 ? Int(Double(snapshot.records) / elapsed) : 0
    }
}

import CredenceProtocol
import CredenceStore
import Foundation
import Logging
import PersonScoring
import ServiceLifecycle

/// Keeps persons' scores current (``IncrementalScorer``), trailing linking: linking and the score API wake it
/// after each commit and inquiry; it also looks every second, which catches the as-of date moving on at
/// midnight and work committed by another aggregator process sharing the database.
struct ScoringService: Service {
    let scorer: IncrementalScorer
    let identities: any IdentityStore
    /// A fixed as-of date, or nil for today (UTC).
    let fixedAsOf: CalendarDate?
    let wakeups: AsyncStream<Void>
    let wake: AsyncStream<Void>.Continuation
    let metrics: AggregatorMetrics
    let logger: Logger

    func run() async throws {
        logger.info(
            "scoring with model",
            metadata: ["model": "\(scorer.scorer.model.id)", "as_of": "\(fixedAsOf?.rawValue ?? "today")"])
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try? await Task.sleep(for: .seconds(1))
                    wake.yield()
                }
            }
            try await catchUp()
            for await _ in wakeups.cancelOnGracefulShutdown() {
                try await catchUp()
            }
            group.cancelAll()
        }
    }

    private func catchUp() async throws {
        let now = Int64(Date().timeIntervalSince1970)
        let asOf = fixedAsOf ?? CalendarDate(utcDayOf: now)
        let linked = try await identities.linkageProgress().linkedLeaves
        let start = ContinuousClock.now
        let pass = try await scorer.catchUp(linkedLeaves: linked, asOf: asOf, now: now)
        guard pass.personsScored + pass.personsRetired > 0 else { return }
        let elapsed = ContinuousClock.now - start
        metrics.scored(persons: pass.personsScored, duration: elapsed)
        let seconds = elapsed.inSeconds
        var metadata: Logger.Metadata = [
            "leaves": "\(pass.leaves)", "persons": "\(pass.personsScored)", "retired": "\(pass.personsRetired)",
            "seconds": "\(String(format: "%.3f", seconds))",
        ]
        if let full = pass.fullPass {
            metadata["full_pass"] = "\(full.rawValue)"
            logger.notice("re-scored every person", metadata: metadata)
        } else {
            logger.debug("scored", metadata: metadata)
        }
    }
}

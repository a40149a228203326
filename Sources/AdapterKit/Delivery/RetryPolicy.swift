import Logging
import ServiceLifecycle

/// When to try again after a failed request: exponential backoff with full jitter (a uniformly random
/// wait between 0 and `min(cap, base * 2^attempt)`, so that adapters that failed together do not retry
/// together), or exactly the server's `Retry-After`; and when to stop trying.
struct RetryPolicy: Sendable {
    let base: Duration
    let cap: Duration
    /// Give up after this long without success; nil waits forever (watch mode).
    let giveUpAfter: Duration?

    /// The wait before retry number `attempt + 1` (attempt counts from 0).
    func backoff(attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = min(cap, base * (1 << min(attempt, 30)))
        return .milliseconds(Int64.random(in: 0...max(ceiling.milliseconds, 0), using: &generator))
    }

    func forever() -> RetryPolicy { RetryPolicy(base: base, cap: cap, giveUpAfter: nil) }
}

/// The outcome of one attempt at something the aggregator must answer.
enum Attempt<Value: Sendable>: Sendable {
    case done(Value)
    /// The aggregator asked to wait (429, 503 with `Retry-After`).
    case retryAfter(seconds: Int, reason: String)
    /// No answer, or a transient failure: back off.
    case backoff(reason: String)
}

extension RetryPolicy {
    /// Runs `attempt` until it is done, waiting between attempts as the outcome says. Throws
    /// ``AdapterError/Code/undelivered`` once ``giveUpAfter`` has passed without success, and
    /// `CancellationError` when the task is cancelled or (in a service group) shut down gracefully while
    /// waiting.
    func run<Value: Sendable>(
        _ what: String, logger: Logger, counters: RunCounters? = nil,
        _ attempt: () async throws -> Attempt<Value>
    ) async throws -> Value {
        let start = ContinuousClock.now
        var generator = SystemRandomNumberGenerator()
        var failures = 0
        while true {
            var wait: Duration
            let reason: String
            let outcome = try await attempt()
            let remaining = giveUpAfter.map { $0 - (ContinuousClock.now - start) }
            switch outcome {
            case .done(let value): return value
            case .retryAfter(let seconds, let why):
                // The server's delay is honoured, never shortened: if it ends past the deadline, stop now.
                wait = .seconds(seconds)
                reason = why
                if let remaining, wait > remaining { throw giveUp(what, reason) }
            case .backoff(let why):
                // The last wait is cut to the deadline, for one more attempt at it.
                wait = backoff(attempt: failures, using: &generator)
                reason = why
                if let remaining {
                    guard remaining > .zero else { throw giveUp(what, reason) }
                    wait = min(wait, remaining)
                }
            }
            failures += 1
            counters?.update { $0.retries += 1 }
            logger.notice(
                "retrying", metadata: ["what": "\(what)", "reason": "\(reason)", "wait_ms": "\(wait.milliseconds)"])
            try await cancelWhenGracefulShutdown { [wait] in try await Task.sleep(for: wait) }
        }
    }

    private func giveUp(_ what: String, _ reason: String) -> AdapterError {
        AdapterError(
            .undelivered, "\(what): gave up after \(giveUpAfter?.roundedSeconds ?? 0) s without success: \(reason)")
    }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
    var roundedSeconds: Int64 { (milliseconds + 500) / 1000 }
}

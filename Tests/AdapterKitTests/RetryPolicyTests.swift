import Foundation
import Logging
import Synchronization
import Testing

@testable import AdapterKit

/// Backoff with full jitter, Retry-After and giving up, without a network.
struct RetryPolicyTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test(arguments: 0..<12) func backoffStaysWithinTheFullJitterCeiling(attempt: Int) {
        let policy = RetryPolicy(base: .milliseconds(100), cap: .seconds(2), giveUpAfter: nil)
        var generator = SystemRandomNumberGenerator()
        let ceiling = min(Duration.seconds(2), .milliseconds(100) * (1 << attempt))
        let waits = (0..<200).map { _ in policy.backoff(attempt: attempt, using: &generator) }
        #expect(waits.allSatisfy { $0 >= .zero && $0 <= ceiling })
        // Jittered, not a constant: some waits come close to the ceiling.
        #expect(waits.max()! > ceiling / 2)
    }

    @Test func aTransientFailureIsRetriedUntilItSucceeds() async throws {
        // No deadline: under a loaded test run, three short sleeps may take long, and that is not a failure.
        let policy = RetryPolicy(base: .milliseconds(1), cap: .milliseconds(5), giveUpAfter: nil)
        let counters = RunCounters()
        let attempts = Mutex(0)
        let value = try await policy.run("probe", logger: Self.logger, counters: counters) {
            () async throws -> Attempt<String> in
            attempts.withLock { $0 += 1 }
            return attempts.withLock { $0 } < 3 ? .backoff(reason: "connection refused") : .done("ok")
        }
        #expect(value == "ok")
        #expect(attempts.withLock { $0 } == 3)
        #expect(counters.snapshot.retries == 2)
    }

    @Test func backoffGivesUpAtTheDeadlineAfterALastAttempt() async throws {
        let policy = RetryPolicy(base: .milliseconds(20), cap: .seconds(10), giveUpAfter: .milliseconds(300))
        let start = ContinuousClock.now
        let error = await #expect(throws: AdapterError.self) {
            try await policy.run("probe", logger: Self.logger) { () async throws -> Attempt<Int> in
                .backoff(reason: "connection refused")
            }
        }
        #expect(error?.code == .undelivered)
        #expect(error?.message.hasPrefix("probe: gave up after 0 s without success: connection refused") == true)
        #expect(ContinuousClock.now - start >= .milliseconds(300))
    }

    @Test func aRetryAfterBeyondTheDeadlineIsNotShortened() async throws {
        let policy = RetryPolicy(base: .milliseconds(20), cap: .seconds(10), giveUpAfter: .milliseconds(500))
        let start = ContinuousClock.now
        let error = await #expect(throws: AdapterError.self) {
            try await policy.run("probe", logger: Self.logger) { () async throws -> Attempt<Int> in
                .retryAfter(seconds: 1, reason: "429 Too many requests")
            }
        }
        #expect(error?.code == .undelivered)
        #expect(ContinuousClock.now - start < .milliseconds(500))
    }
}

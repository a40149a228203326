import AdapterKit
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// An aggregator that is down or busy delays delivery but never loses or repeats a batch.
struct AvailabilityTests {
    @Test(.timeLimit(.minutes(2))) func anUnreachableAggregatorKeepsTheOutboxForALaterPush() async throws {
        let harness = try await KitHarness(initArguments: ["--max-records", "10", "--backoff-base-ms", "50"])
        let early = try LineExport.write(harness.url("early.txt"), orders: 0..<5)
        #expect(
            await harness.run(["backfill", "--dir", harness.directory, "--progress", "none", early.path]).status == 0)

        harness.aggregator.stop()
        let late = try LineExport.write(harness.url("late.txt"), orders: 5..<20)
        let failed = await harness.run([
            "backfill", "--dir", harness.directory, "--progress", "none", "--give-up-after", "2", late.path,
        ])
        #expect(failed.status == 1)
        #expect(failed.errorLines.count == 1)
        #expect(failed.errorLines.first?.hasPrefix("error: pushing batch_seq 2 to https://") == true)
        #expect(failed.errorLines.first?.contains("gave up after 2 s") == true)
        let outbox = try await harness.status()["outbox"] as? [String: Any] ?? [:]
        #expect(outbox["pending"] as? Int == 3)
        #expect(outbox["first_pending_seq"] as? Int == 2)

        try harness.startAggregatorProcess()
        let pushed = await harness.run(["push", "--dir", harness.directory])
        #expect(pushed.status == 0, "\(pushed.standardError)")
        #expect(pushed.standardOutput == "push: 3 batches (30 records) acknowledged, 0 pending\n")
        let statistics = try await harness.statistics()
        #expect(statistics.batches == 4)
        #expect(statistics.records == 40)
    }

    @Test(.timeLimit(.minutes(2))) func aBackfillWaitsForTheAggregatorToComeBack() async throws {
        let harness = try await KitHarness(initArguments: ["--backoff-base-ms", "100", "--backoff-cap", "1"])
        harness.aggregator.stop()
        let export = try LineExport.write(harness.url("orders.txt"), orders: 0..<25)
        // A fresh directory cannot even number its first batch until the aggregator answers.
        async let outcome = harness.run(["backfill", "--dir", harness.directory, "--progress", "none", export.path])
        try await Task.sleep(for: .seconds(2))
        #expect(try await harness.statistics().batches == 0)
        try harness.startAggregatorProcess()
        let finished = await outcome
        #expect(finished.status == 0, "\(finished.standardError)")
        #expect(try await harness.statistics().records == 50)
        #expect(try await harness.sequence().lastSeq == 1)
    }

    @Test(.timeLimit(.minutes(2))) func rateLimitsAreWaitedOutAsRetryAfterSays() async throws {
        // One batch per 4 seconds, no burst: a batch pushed sooner after the last is answered 429 with a
        // Retry-After of 1 to 4 s. (At one per second a loaded machine pushed too slowly to ever be limited.)
        let harness = try await KitHarness(
            aggregatorArguments: ["--partner-rate", "0.25"],
            aggregatorEnvironment: ["CREDENCE_AGGREGATOR_PARTNER_BURST": "1"],
            initArguments: ["--max-records", "4", "--backoff-base-ms", "30000", "--backoff-cap", "60"])
        let export = try LineExport.write(harness.url("orders.txt"), orders: 0..<8)
        let outcome = await harness.run([
            "backfill", "--dir", harness.directory, "--progress", "none", "--log-level", "notice", export.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let retries = outcome.errorLines.filter { $0.contains("msg=retrying") }
        #expect(!retries.isEmpty)
        // Exactly the aggregator's delay each time (whole seconds up to 4), not the 0-30 s backoff.
        #expect(
            retries.allSatisfy { line in
                line.contains("429 Too many requests")
                    && ["1000", "2000", "3000", "4000"].contains {
                        line.contains("wait_ms=\($0) ") || line.hasSuffix("wait_ms=\($0)")
                    }
            }, "\(retries)")
        #expect(try await harness.statistics().batches == 4)
    }
}

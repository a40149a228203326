import AdapterKit
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// The partner's chain across directories: a fresh outbox continues the aggregator's chain, and an
/// outbox that diverged from it stops instead of renumbering.
struct ChainTests {
    @Test(.timeLimit(.minutes(2))) func aFreshOutboxContinuesTheAggregatorsChain() async throws {
        let harness = try await KitHarness(initArguments: ["--max-records", "10"])
        let first = try LineExport.write(harness.url("first.txt"), orders: 0..<10)
        #expect(
            await harness.run(["backfill", "--dir", harness.directory, "--progress", "none", first.path]).status == 0)
        let before = try await harness.sequence()
        #expect(before.lastSeq == 2)

        // The outbox is lost (a new machine with the same key): the next batches continue at 3.
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: harness.directory + "/outbox.sqlite" + suffix)
        }
        let status = try await harness.status()
        #expect((status["outbox"] as? [String: Any])?["chain"] == nil)
        let second = try LineExport.write(harness.url("second.txt"), orders: 10..<15)
        let outcome = await harness.run([
            "backfill", "--dir", harness.directory, "--progress", "none", "--log-level", "notice", second.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(
            outcome.standardError.contains(
                "msg=\"chain synchronized with the aggregator\" last_batch_id=\(before.lastBatchID!) last_seq=2"))
        #expect(try await harness.sequence().lastSeq == 3)
        let statistics = try await harness.statistics()
        #expect(statistics.records == 30)
        #expect(statistics.conflicts == 0)
    }

    @Test(.timeLimit(.minutes(2))) func aDivergedOutboxStopsWithTheProblemInOneLine() async throws {
        let harness = try await KitHarness()
        let first = try LineExport.write(harness.url("first.txt"), orders: 0..<3)
        #expect(
            await harness.run(["backfill", "--dir", harness.directory, "--progress", "none", first.path]).status == 0)

        // A backup of the directory is taken, the original goes on, then the backup is restored and used.
        let backup = harness.path("backup")
        try FileManager.default.copyItem(atPath: harness.directory, toPath: backup)
        let second = try LineExport.write(harness.url("second.txt"), orders: 3..<6)
        #expect(
            await harness.run(["backfill", "--dir", harness.directory, "--progress", "none", second.path]).status == 0)
        let third = try LineExport.write(harness.url("third.txt"), orders: 6..<9)
        let outcome = await harness.run(["backfill", "--dir", backup, "--progress", "none", third.path])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 1)
        #expect(
            outcome.errorLines.first?.hasPrefix(
                "error: batch_seq 2 was refused: 409 Another batch was already accepted at this sequence number")
                == true)
        let statistics = try await harness.statistics()
        #expect(statistics.batches == 2)
        #expect(statistics.conflicts == 1)
        // The diverged batch stays in the backup's outbox for investigation.
        let status = await harness.run(["status", "--dir", backup])
        #expect(status.standardOutput.contains("1 pending from batch_seq 2"))
    }
}

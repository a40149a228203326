import AdapterCore
import AdapterKit
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// A run that dies keeps everything it sealed, and the next run neither loses nor repeats a record.
struct CrashTests {
    @Test(.timeLimit(.minutes(2))) func sealedBatchesSurviveAStopBeforePushing() async throws {
        let harness = try await KitHarness(initArguments: ["--max-records", "10"])
        let files = [
            try LineExport.write(harness.url("a.txt"), orders: 0..<12),
            try LineExport.write(harness.url("b.txt"), orders: 12..<30, extra: ["bad line"]),
        ]
        // Seal without pushing, then drop every object of the run, as a process killed there would.
        let sealed = try await AdapterRuntime.with(
            directory: try harness.adapterDirectory(), reader: LineSourceReader()
        ) {
            try await $0.seal(files)
        }
        #expect(sealed.batchesSealed == 6)
        #expect(sealed.pending == 6)
        #expect(try await harness.statistics().batches == 0)

        // The next run skips both files (sealed) and delivers the outbox.
        let outcome = await harness.run(
            ["backfill", "--dir", harness.directory, "--progress", "none"] + files.map(\.path))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("2 files (0 read, 2 already processed, 0 refused)"))
        let statistics = try await harness.statistics()
        #expect(statistics.batches == 6)
        #expect(statistics.records == 60)
        #expect(try await harness.sequence().lastSeq == 6)
        // The reject was recorded once, by the run that read it.
        let rejects = try String(contentsOfFile: harness.directory + "/rejects/b.txt.rejects.jsonl", encoding: .utf8)
        #expect(rejects.split(separator: "\n").count == 1)
    }

    @Test(.timeLimit(.minutes(2)), arguments: [3, 17, 28])
    func aRunStoppedInTheMiddleOfAFileResumesAtItsCursor(stopAt ordinal: Int) async throws {
        let harness = try await KitHarness(initArguments: ["--max-records", "8"])
        let files = [
            try LineExport.write(harness.url("first.txt"), orders: 0..<10),
            try LineExport.write(harness.url("second.txt"), orders: 10..<40, extra: ["a rejected line"]),
        ]
        // The reader stops the run (as a kill would) while reading unit `ordinal` of the second file.
        let stopping = LineSourceReader(interruptAtOrdinal: ordinal)
        let stopped = await harness.run(
            ["backfill", "--dir", harness.directory, "--progress", "none", files[0].path], reader: LineSourceReader())
        #expect(stopped.status == 0)
        await #expect(throws: CancellationError.self) {
            try await AdapterRuntime.with(directory: try harness.adapterDirectory(), reader: stopping) {
                try await $0.backfill([files[1]])
            }
        }
        let outcome = await harness.run(
            ["backfill", "--dir", harness.directory, "--progress", "none"] + files.map(\.path))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let statistics = try await harness.statistics()
        #expect(statistics.records == 80)
        #expect(statistics.conflicts == 0)
        let rejects = try String(
            contentsOfFile: harness.directory + "/rejects/second.txt.rejects.jsonl", encoding: .utf8)
        #expect(rejects.split(separator: "\n").count == 1)
    }
}

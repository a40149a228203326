import AdapterKit
import CredenceProtocol
import CredenceTesting
import Foundation
import Testing

/// A dry run writes a verifiable chain of envelopes and touches neither the outbox nor the aggregator.
struct DryRunTests {
    @Test(.timeLimit(.minutes(2))) func dryRunEnvelopesVerifyWithTheCLI() async throws {
        let harness = try await KitHarness(startAggregator: false, initArguments: ["--max-records", "6"])
        let export = try LineExport.write(harness.url("orders.txt"), orders: 0..<7, extra: ["broken"])
        let out = harness.path("out")
        let outcome = await harness.run([
            "backfill", "--dir", harness.directory, "--dry-run", "--out", out, "--progress", "none", export.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("dry run: 1 files (1 read, 0 already processed, 0 refused)"))
        #expect(!FileManager.default.fileExists(atPath: harness.directory + "/outbox.sqlite"))
        #expect(FileManager.default.fileExists(atPath: out + "/rejects/orders.txt.rejects.jsonl"))

        var previous: String?
        for seq in 1...3 {
            let path = out + "/\(seq).dsse.json"
            let verified = try CommandRunner.run(
                "credence", ["verify", "--key", harness.directory + "/partner.pub", "--json", path])
            #expect(verified.status == 0, "\(verified.stdout)")
            let report = try JSONSerialization.jsonObject(with: Data(verified.stdoutBytes)) as? [String: Any] ?? [:]
            #expect(report["batch_seq"] as? Int == seq)
            #expect(report["partner_id"] as? String == KitHarness.partnerID)
            let batch = try Batch.decodeUnverified(
                try Envelope(parsing: try Data(contentsOf: URL(fileURLWithPath: path))).payload)
            #expect(batch.prevBatchSha256?.rawValue == previous)
            #expect(batch.records.count == (seq < 3 ? 6 : 2))
            previous = report["batch_id"] as? String
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/4.dsse.json"))
    }

    @Test(.timeLimit(.minutes(2))) func theProgressBarEndsOnAFullBar() async throws {
        let harness = try await KitHarness(startAggregator: false)
        let export = try LineExport.write(harness.url("orders.txt"), orders: 0..<3)
        let outcome = await harness.run([
            "backfill", "--dir", harness.directory, "--dry-run", "--out", harness.path("out"), "--progress", "bar",
            export.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // Redrawn in place: the last picture is the full bar.
        let last = outcome.standardError.components(separatedBy: "\r").last ?? ""
        #expect(last.hasPrefix("\u{1B}[2K[########################] 1/1 files  6 records  0 rejects"))
        #expect(outcome.standardError.hasSuffix("\n"))
        #expect(outcome.standardError.filter { $0 == "\n" }.count == 1)
    }
}

import AdapterKit
import CredenceProtocol
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// Backfill against a real aggregator: everything delivered once, files processed once, rejects reported.
struct DeliveryTests {
    @Test(.timeLimit(.minutes(2))) func backfillDeliversEverythingExactlyOnce() async throws {
        let harness = try await KitHarness(initArguments: ["--max-records", "40"])
        let first = try LineExport.write(harness.url("day-1.txt"), orders: 0..<50)
        let second = try LineExport.write(
            harness.url("day-2.txt"), orders: 50..<80,
            extra: [
                "81|customer-1|not a phone|181|CNY|2026-11-01T10:00:00Z", "82|too|few",
                "83|c|+8613912345678|x|CNY|2026-11-01T10:00:00Z",
                "84|customer-2|+8613900000084|-5|CNY|2026-11-01T10:00:00Z",
            ])

        // The same file twice on one command line is read once.
        let outcome = await harness.run(["backfill", "--dir", harness.directory, first.path, second.path, first.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("backfill: 3 files (2 read, 1 already processed, 0 refused)"))
        #expect(outcome.standardOutput.contains("84 units, 160 records"))
        #expect(outcome.standardOutput.contains("4 rejects"))

        // 80 valid units of 2 records, 20 units per batch of 40 records.
        let statistics = try await harness.statistics()
        #expect(statistics.batches == 4)
        #expect(statistics.records == 160)
        #expect(try await harness.sequence().lastSeq == 4)

        // Again, and under another path: nothing new.
        let copy = harness.url("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: first, to: copy.appendingPathComponent("day-1.txt"))
        let again = await harness.run([
            "backfill", "--dir", harness.directory, second.path, copy.appendingPathComponent("day-1.txt").path,
        ])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.contains("2 files (0 read, 2 already processed, 0 refused)"))
        #expect(try await harness.statistics().records == 160)

        let status = try await harness.status()
        let outbox = status["outbox"] as? [String: Any] ?? [:]
        #expect(outbox["sealed"] as? Int == 4)
        #expect(outbox["acknowledged"] as? Int == 4)
        #expect(outbox["pending"] as? Int == 0)
        #expect(outbox["rejects"] as? Int == 4)
        let files = outbox["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["state"] as? String } == ["done", "done"])
        #expect(files.map { $0["next_ordinal"] as? Int } == [50, 34])
    }

    @Test(.timeLimit(.minutes(2))) func rejectedUnitsAreListedWithoutTheirContent() async throws {
        let harness = try await KitHarness()
        let export = try LineExport.write(
            harness.url("orders.txt"), orders: 0..<3,
            extra: [
                "90|customer-9|call me +86 139 0000 0090|190|CNY|2026-11-01T10:00:00Z",
                "91|customer-9|+8613900000091|-7|CNY|2026-11-01T10:00:00Z",
            ])
        let outcome = await harness.run(["backfill", "--dir", harness.directory, "--progress", "none", export.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.isEmpty)

        let rejects = try String(
            contentsOfFile: harness.directory + "/rejects/orders.txt.rejects.jsonl", encoding: .utf8)
        let lines = rejects.split(separator: "\n").map { line in
            try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
        #expect(lines.count == 2)
        #expect(lines.map { $0["file"] as? String } == ["orders.txt", "orders.txt"])
        #expect(lines.map { $0["line"] as? Int } == [5, 6])
        #expect(lines.map { $0["ordinal"] as? Int } == [3, 4])
        #expect((lines[0]["reason"] as? String)?.contains("phone number contains letters") == true)
        #expect((lines[1]["reason"] as? String)?.contains("record 1 fact/amount: must not be negative") == true)
        #expect(!rejects.contains("call me") && !rejects.contains("+86 139") && !rejects.contains("customer-9"))
        #expect(try await harness.statistics().records == 6)
    }

    @Test(.timeLimit(.minutes(2))) func aRefusedFileFailsTheRunButNotTheOtherFiles() async throws {
        let harness = try await KitHarness()
        let good = try LineExport.write(harness.url("good.txt"), orders: 0..<5)
        let garbage = harness.url("garbage.txt")
        try Data("this is not an export\n".utf8).write(to: garbage)
        let truncated = try LineExport.write(harness.url("truncated.txt"), orders: 100..<103, extra: ["!truncated"])

        let outcome = await harness.run([
            "backfill", "--dir", harness.directory, "--progress", "none", garbage.path, good.path, truncated.path,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 2)
        #expect(outcome.errorLines.first?.hasPrefix("refused: garbage.txt: not a credence test export") == true)
        #expect(outcome.errorLines.last?.hasPrefix("refused: truncated.txt: line 5:") == true)
        // The good file, and the units of the truncated one before its broken end.
        #expect(try await harness.statistics().records == 16)

        let status = try await harness.status()
        let files = (status["outbox"] as? [String: Any])?["files"] as? [[String: Any]] ?? []
        #expect(Set(files.compactMap { $0["state"] as? String }) == ["done", "refused"])
    }
}

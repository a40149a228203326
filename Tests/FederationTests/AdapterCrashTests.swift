import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// A real adapter process killed with SIGKILL in the middle of a backfill, and an aggregator that is away
/// for a while: what was read is delivered exactly once in the end.
@Suite(.serialized) struct AdapterCrashTests {
    /// Starts `executable arguments` as a child process with its output discarded.
    private static func launch(_ executable: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = ProductLocator.executable(executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func waitUntilExit(_ process: Process) async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
    }

    @Test(.timeLimit(.minutes(8))) func aLenderKilledMidBackfillDeliversTheRestExactlyOnce() async throws {
        let federation = try await Federation.start(people: 1_500, seed: 29)
        defer { federation.stop() }
        let lender = try #require(federation.partners.first { $0.kind == "lending" })
        let backfill = ["backfill", "--dir", lender.adapterDirectory, "--max-records", "20", "--progress", "none"]

        // What the files hold, counted by a dry run of the same adapter configuration.
        let dryRun = federation.root.path("dry-run")
        try await Federation.expectSuccess(
            lender.executable, backfill + ["--dry-run", "--out", dryRun] + lender.files)
        let envelopes = try FileManager.default.contentsOfDirectory(atPath: dryRun).filter {
            $0.hasSuffix(".dsse.json")
        }
        #expect(envelopes.count > 10)

        // Kill the adapter three times at random moments once batches are flowing.
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<3 {
            let process = try Self.launch(lender.executable, backfill + lender.files)
            let before = Int(try federation.query("SELECT count(*) FROM batches").first ?? "0") ?? 0
            while process.isRunning,
                (Int(try federation.query("SELECT count(*) FROM batches").first ?? "0") ?? 0) == before
            {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await Task.sleep(for: .milliseconds(UInt64.random(in: 0...300, using: &generator)))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            await Self.waitUntilExit(process)
        }
        #expect(kills >= 1, "the backfill finished before it could be killed")

        let finish = try await CommandRunner.runOffPool(lender.executable, backfill + lender.files)
        #expect(finish.status == 0, "\(finish.stderr)")
        let status = try await federation.status(of: lender)
        #expect(status["pending"] as? Int == 0)
        let stored = try federation.query(
            "SELECT count(*), sum(record_count) FROM batches WHERE partner_id = '\(lender.id)'")
        #expect(stored == ["\(status["acknowledged"] as? Int ?? -1)|\(status["records"] as? Int ?? -1)"])
        // Exactly the records of the files: as many as the dry run signed, none twice, none lost.
        let dryRunRecords = try envelopes.reduce(0) { total, name in
            let envelope =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: dryRun + "/" + name))) as! [String: Any]
            let payload = Data(base64Encoded: envelope["payload"] as! String)!
            let batch = try JSONSerialization.jsonObject(with: payload) as! [String: Any]
            return total + (batch["records"] as! [Any]).count
        }
        #expect(status["records"] as? Int == dryRunRecords)
        // Each stored record, read back from its batch's signed payload, names its place in the files.
        let store = try SQLiteStore(path: federation.aggregator.databasePath)
        var places: [String] = []
        for batch in try await store.batchesToLink(from: 0, limit: 1_000_000) where batch.partnerID == lender.id {
            for body in batch.records {
                let record = try JSONSerialization.jsonObject(with: Data(body)) as! [String: Any]
                let provenance = record["provenance"] as? [String: Any] ?? [:]
                let position = provenance["line"] ?? provenance["offset"] ?? "-"
                places.append("\(provenance["file"] ?? "-"):\(position):\(record["record_id"] ?? "-")")
            }
        }
        #expect(places.count == dryRunRecords && Set(places).count == dryRunRecords, "every record once")
        #expect(try federation.query("SELECT count(*) FROM conflicts") == ["0"])
    }

    @Test(.timeLimit(.minutes(6))) func anAdapterKeepsItsOutboxWhileTheAggregatorIsDown() async throws {
        let federation = try await Federation.start(people: 300, seed: 31)
        defer { federation.stop() }
        let lender = try #require(federation.partners.first { $0.kind == "lending" && $0.files.count >= 2 })
        let backfill = ["backfill", "--dir", lender.adapterDirectory, "--progress", "none", "--backoff-cap", "1"]
        // The first month goes through while the aggregator is up (the chain is synchronized).
        try await Federation.expectSuccess(lender.executable, backfill + [lender.files[0]])
        let delivered = try federation.query("SELECT count(*) FROM batches WHERE partner_id = '\(lender.id)'")
        let listen = URL(string: federation.aggregator.baseURL)!
        federation.aggregator.stop()

        // The next month is read and sealed while the aggregator is away; pushes are retried.
        let process = try Self.launch(lender.executable, backfill + Array(lender.files.dropFirst()))
        try await Task.sleep(for: .seconds(3))
        #expect(process.isRunning, "the adapter gave up while the aggregator was down")
        try federation.aggregator.start(listen: "\(listen.host!):\(listen.port!)")
        #expect(try federation.query("SELECT count(*) FROM batches WHERE partner_id = '\(lender.id)'") == delivered)
        await Self.waitUntilExit(process)
        #expect(process.terminationStatus == 0)
        let status = try await federation.status(of: lender)
        #expect(status["pending"] as? Int == 0)
        #expect((status["acknowledged"] as? Int ?? 0) > Int(delivered.first ?? "0")!)
        #expect(
            try federation.query(
                "SELECT count(*), coalesce(sum(record_count), 0) FROM batches WHERE partner_id = '\(lender.id)'")
                == ["\(status["acknowledged"] as? Int ?? -1)|\(status["records"] as? Int ?? -1)"])
    }
}

import CredenceTesting
import Foundation
import Testing

/// A Metro 2 file whose trailer totals disagree with its records is still read (every record stands on
/// its own), and the lending adapter tells the operator, naming the file.
struct Metro2TrailerWarningTests {
    @Test func aWrongTrailerCountIsReportedAndTheRecordsStillRead() async throws {
        let directory = try TemporaryDirectory()
        try await Federation.expectSuccess(
            "credence", ["simulate", "--people", "60", "--seed", "4", "--months", "1", "--out", directory.path("sim")])
        let monthly = try FileManager.default.contentsOfDirectory(atPath: directory.path("sim/partners/sim-bank"))
        let name = try #require(monthly.first { $0.hasSuffix(".txt") })
        var lines = try String(contentsOfFile: directory.path("sim/partners/sim-bank/" + name), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trailerIndex = try #require(lines.lastIndex { $0.dropFirst(4).hasPrefix("TRAILER") })
        // Total Base Records, positions 12-20 of the trailer.
        var trailer = Array(lines[trailerIndex])
        trailer.replaceSubrange(11..<20, with: Array("000000999"))
        lines[trailerIndex] = String(trailer)
        let file = directory.path(name)
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        let aggregator = try AggregatorProcess.initialize(in: directory.path("aggregator"))
        try await Federation.expectSuccess("credence", ["linkage-key", "new", "--out", directory.path("lk")])
        try await Federation.expectSuccess(
            "credence-lending-adapter",
            [
                "init", "--dir", directory.path("adapter"), "--partner-id", "sim-bank", "--aggregator",
                "https://127.0.0.1:9", "--audience", aggregator.id, "--ca", aggregator.directory + "/ca.pem",
                "--log-key", aggregator.logPublicKeyPath, "--linkage-key", directory.path("lk"), "--region", "US",
            ])
        let run = try await CommandRunner.runOffPool(
            "credence-lending-adapter",
            ["backfill", "--dir", directory.path("adapter"), "--dry-run", "--out", directory.path("out"), file])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the trailer's total base records is 999"), "\(run.stderr)")
        #expect(run.stderr.contains(name))
        #expect(run.stdout.contains("1 files (1 read"))
    }
}

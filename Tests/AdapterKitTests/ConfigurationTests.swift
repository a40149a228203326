import AdapterCore
import AdapterKit
import CredenceProtocol
import CredenceTesting
import Foundation
import Testing

/// adapter.json, CREDENCE_ADAPTER_* and flags, in that order of precedence, read strictly.
struct ConfigurationTests {
    /// The record counts of a dry run's envelopes, in order.
    static func batchSizes(_ harness: KitHarness, environment: [String: String] = [:], flags: [String] = [])
        async throws -> [Int]
    {
        let out = harness.path("out-\(UUID().uuidString)")
        let export = try LineExport.write(harness.url("orders.txt"), orders: 0..<12)
        let outcome = await harness.run(
            ["backfill", "--dir", harness.directory, "--dry-run", "--out", out, "--progress", "none"] + flags
                + [export.path], environment: environment)
        guard outcome.status == 0 else { throw TestingError(outcome.standardError) }
        return try (1...).lazy.map { out + "/\($0).dsse.json" }.prefix { FileManager.default.fileExists(atPath: $0) }
            .map { path in
                try Batch.decodeUnverified(
                    try Envelope(parsing: try Data(contentsOf: URL(fileURLWithPath: path))).payload
                )
                .records.count
            }
    }

    @Test(.timeLimit(.minutes(2))) func flagsOverrideTheEnvironmentWhichOverridesTheFile() async throws {
        let harness = try await KitHarness(startAggregator: false, initArguments: ["--max-records", "10"])
        let environment = ["CREDENCE_ADAPTER_MAX_RECORDS_PER_BATCH": "6"]
        #expect(try await Self.batchSizes(harness) == [10, 10, 4])
        #expect(try await Self.batchSizes(harness, environment: environment) == [6, 6, 6, 6])
        #expect(
            try await Self.batchSizes(harness, environment: environment, flags: ["--max-records", "8"]) == [8, 8, 8])
    }

    @Test(.timeLimit(.minutes(2))) func misspeltSettingsAreRefused() async throws {
        let harness = try await KitHarness(startAggregator: false)
        let unknownVariable = await harness.run(
            ["status", "--dir", harness.directory], environment: ["CREDENCE_ADAPTER_MAX_RECORD": "5"])
        #expect(unknownVariable.status == 2)
        #expect(unknownVariable.errorLines.count == 1)
        #expect(
            unknownVariable.standardError.hasPrefix("error: unknown environment variable CREDENCE_ADAPTER_MAX_RECORD;"))

        let notANumber = await harness.run(
            ["status", "--dir", harness.directory], environment: ["CREDENCE_ADAPTER_MAX_RECORDS_PER_BATCH": "many"])
        #expect(notANumber.status == 2)
        #expect(
            notANumber.standardError == "error: CREDENCE_ADAPTER_MAX_RECORDS_PER_BATCH must be a number, got 'many'\n")

        let file = URL(fileURLWithPath: harness.directory + "/adapter.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"max_records_per_batch\"", with: "\"max_recods_per_batch\"")
        try Data(text.utf8).write(to: file)
        let misspelt = await harness.run(["status", "--dir", harness.directory])
        #expect(misspelt.status == 2)
        #expect(misspelt.standardError.contains("is not a valid adapter configuration"))
        #expect(misspelt.standardError.contains("max_recods_per_batch' is not a member"))
        #expect(misspelt.errorLines.count == 1)
    }

    @Test(.timeLimit(.minutes(2))) func initRefusesToOverwriteAndUsageErrorsExitTwo() async throws {
        let harness = try await KitHarness(startAggregator: false)
        let key = try String(contentsOfFile: harness.directory + "/partner.key", encoding: .utf8)
        let again = await harness.run([
            "init", "--dir", harness.directory, "--partner-id", "other", "--aggregator", "https://127.0.0.1:1",
            "--audience", "agg-test", "--ca", harness.aggregator.directory + "/ca.pem", "--log-key",
            harness.aggregator.logPublicKeyPath, "--linkage-key", harness.linkageKeyPath,
        ])
        #expect(again.status == 2)
        #expect(again.standardError.contains("already initialized"))
        #expect(try String(contentsOfFile: harness.directory + "/partner.key", encoding: .utf8) == key)
        #expect(FileManager.default.fileExists(atPath: harness.directory + "/partner.key"))
        let attributes = try FileManager.default.attributesOfItem(atPath: harness.directory + "/partner.key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let missing = await harness.run(["backfill", "--dir", harness.directory])
        #expect(missing.status == 2)
        #expect(missing.errorLines.count == 1)
        #expect(missing.standardError.hasPrefix("error: Missing expected argument '<files> ...'"))

        let help = await harness.run(["backfill", "--help"])
        #expect(help.status == 0)
        #expect(
            help.standardOutput.contains(
                "USAGE: \(KitHarness.programName) backfill [<options>] --dir <dir> <files> ..."))

        let lending = await AdapterProgram.run(
            arguments: ["status", "--dir", harness.directory], environment: [:], reader: LendingProbeReader(),
            name: "probe", console: CapturedConsole().console)
        #expect(lending == 2)
    }
}

/// A reader of another partner kind, to open a commerce directory with.
struct LendingProbeReader: SourceReader {
    let partnerKind = PartnerKind.lending

    func open(_ url: URL, context: RecordContext) throws(SourceFileError) -> any SourceDocument {
        throw SourceFileError(file: url.lastPathComponent, message: "not used")
    }
}

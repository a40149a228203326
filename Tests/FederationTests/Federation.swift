import CredenceTesting
import Foundation
import Metro2
import Testing

/// A whole federation on loopback, from real executables: `credence simulate` writes every partner's native
/// exports, one aggregator serves HTTPS, and one adapter process per partner backfills its files.
struct Federation {
    struct Partner {
        let id: String
        let kind: String
        let region: String?
        /// The paths `partners.json` lists (a platform's folder of archives is one path).
        let inputs: [String]
        /// The same, with folders replaced by their files.
        let files: [String]
        let units: Int
        let invalidUnits: Int
        let adapterDirectory: String

        var executable: String { "credence-\(kind)-adapter" }
    }

    let root: TemporaryDirectory
    let simulation: String
    let aggregator: AggregatorProcess
    let partners: [Partner]

    /// Simulates `people` people, starts an aggregator (with `environment` added to its own) and creates and
    /// registers an adapter per partner.
    static func start(people: Int, seed: Int, environment: [String: String] = [:]) async throws -> Federation {
        let root = try TemporaryDirectory()
        let simulation = root.path("simulation")
        try await expectSuccess(
            "credence",
            ["simulate", "--people", "\(people)", "--seed", "\(seed)", "--months", "2", "--out", simulation, "--quiet"])
        let aggregator = try AggregatorProcess.initialize(in: root.path("aggregator"), id: "agg-federation")
        try aggregator.start(environment: environment)
        let linkageKey = root.path("federation.linkage-key")
        try await expectSuccess("credence", ["linkage-key", "new", "--out", linkageKey])

        let description =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: simulation + "/partners.json"))) as! [String: Any]
        var partners: [Partner] = []
        for entry in description["partners"] as! [[String: Any]] {
            let partner = Partner(
                id: entry["id"] as! String, kind: entry["kind"] as! String, region: entry["default_region"] as? String,
                inputs: (entry["files"] as! [String]).map { simulation + "/" + $0 },
                files: try expandingDirectories((entry["files"] as! [String]).map { simulation + "/" + $0 }),
                units: entry["units"] as! Int,
                invalidUnits: entry["invalid_units"] as! Int,
                adapterDirectory: root.path("adapters/") + (entry["id"] as! String))
            var initArguments = [
                "init", "--dir", partner.adapterDirectory, "--partner-id", partner.id, "--aggregator",
                aggregator.baseURL, "--audience", aggregator.id, "--ca", aggregator.directory + "/ca.pem", "--log-key",
                aggregator.logPublicKeyPath, "--linkage-key", linkageKey,
            ]
            if let region = partner.region { initArguments += ["--region", region] }
            try await expectSuccess(partner.executable, initArguments)
            try await expectSuccess(
                "credence-aggregator",
                [
                    "partner", "add", "--dir", aggregator.directory, "--id", partner.id, "--kind", partner.kind,
                    "--key",
                    partner.adapterDirectory + "/partner.pub",
                ])
            partners.append(partner)
        }
        return Federation(root: root, simulation: simulation, aggregator: aggregator, partners: partners)
    }

    func stop() { aggregator.stop() }

    /// Pushes every partner's exports through its adapter (one-shot backfill).
    func backfillAll() async throws {
        for partner in partners {
            try await Self.expectSuccess(
                partner.executable,
                ["backfill", "--dir", partner.adapterDirectory, "--progress", "none"] + partner.inputs)
        }
    }

    /// Waits until linking, or linking and scoring, have caught up with every accepted batch.
    func waitUntilCaughtUp(scoring: Bool = false) async throws {
        let progress = scoring ? "SELECT scored_leaves FROM scoring_state" : "SELECT linked_leaves FROM linkage_state"
        for _ in 0..<1200 {
            if try query(progress) == (try query("SELECT count(*) FROM batches")) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FederationError("\(scoring ? "scoring" : "linking") did not catch up with ingest in 2 minutes")
    }

    /// A listed directory (the X platform's folder of archives) stands for the files in it, in name order.
    static func expandingDirectories(_ paths: [String]) throws -> [String] {
        try paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
            else { return [path] }
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted().map {
                URL(fileURLWithPath: path).appendingPathComponent($0).path
            }
        }
    }

    @discardableResult
    static func expectSuccess(_ executable: String, _ arguments: [String]) async throws -> CommandRunner.Result {
        let result = try await CommandRunner.runOffPool(executable, arguments)
        guard result.status == 0 else {
            throw FederationError("\(executable) \(arguments.first ?? "") exited \(result.status): \(result.stderr)")
        }
        return result
    }

    /// The outbox part of the adapter's `status --json`.
    func status(of partner: Partner) async throws -> [String: Any] {
        let result = try await Self.expectSuccess(
            partner.executable, ["status", "--dir", partner.adapterDirectory, "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return report["outbox"] as! [String: Any]
    }

    /// Rows of a query on the aggregator's database, through the sqlite3 command-line tool (read-only, so
    /// it can run beside the serving aggregator).
    func query(_ sql: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-readonly", aggregator.databasePath, sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = PipeIO.readAll(output.fileHandleForReading)
        let message = String(decoding: PipeIO.readAll(errors.fileHandleForReading), as: UTF8.self)
        process.waitUntilExit()
        // A query that fails (a table or column renamed) must fail the test, not read as no rows.
        guard process.terminationStatus == 0, message.isEmpty else {
            throw FederationError("sqlite3 '\(sql)' exited \(process.terminationStatus): \(message)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

struct FederationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

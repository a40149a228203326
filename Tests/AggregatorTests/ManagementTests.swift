import CredenceClient
import CredenceProtocol
import CredenceTesting
import Foundation
import Testing

/// `credence-aggregator init` and `partner ...` as an operator runs them.
struct ManagementTests {
    @Test func initCreatesPrivateFilesAndRefusesToOverwrite() throws {
        let directory = try TemporaryDirectory(prefix: "init")
        let path = directory.path("agg")
        let created = try CommandRunner.run("credence-aggregator", ["init", "--dir", path, "--id", "agg-ops"])
        #expect(created.status == 0, "\(created.stderr)")
        for (file, mode) in [
            ("ca.key", 0o600), ("log.key", 0o600), ("admin.token", 0o600), ("tls/server.key", 0o600),
            ("ca.pem", 0o644), ("log.pub", 0o644),
        ] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + file)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == mode, "\(file)")
        }
        #expect(FileManager.default.fileExists(atPath: path + "/aggregator.sqlite"))
        let configuration = try String(contentsOfFile: path + "/aggregator.json", encoding: .utf8)
        #expect(configuration.contains("\"id\" : \"agg-ops\""))
        let again = try CommandRunner.run("credence-aggregator", ["init", "--dir", path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("refusing to overwrite"))
        #expect(try String(contentsOfFile: path + "/aggregator.json", encoding: .utf8) == configuration)
    }

    @Test func aMisspeltSettingIsAnErrorNotIgnored() throws {
        let directory = try TemporaryDirectory(prefix: "config")
        let path = directory.path("agg")
        _ = try CommandRunner.run("credence-aggregator", ["init", "--dir", path])
        var configuration = try String(contentsOfFile: path + "/aggregator.json", encoding: .utf8)
        configuration = configuration.replacingOccurrences(of: "\"max_body_bytes\"", with: "\"max_body_byte\"")
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: path + "/aggregator.json"))
        let serve = try CommandRunner.run("credence-aggregator", ["serve", "--dir", path, "--listen", "127.0.0.1:0"])
        #expect(serve.status != 0)
        #expect(serve.stderr.contains("max_body_byte"))
    }

    @Test func partnerCommandsListRotateAndRevoke() throws {
        let directory = try TemporaryDirectory(prefix: "partners")
        let path = directory.path("agg")
        _ = try CommandRunner.run("credence-aggregator", ["init", "--dir", path])
        let first = SigningKey()
        let second = SigningKey()
        try Data(first.publicKey.pemRepresentation.utf8).write(to: URL(fileURLWithPath: directory.path("1.pub")))
        try Data(second.publicKey.pemRepresentation.utf8).write(to: URL(fileURLWithPath: directory.path("2.pub")))
        let add = try CommandRunner.run(
            "credence-aggregator",
            [
                "partner", "add", "--dir", path, "--id", "market-x", "--kind", "commerce", "--key",
                directory.path("1.pub"),
            ])
        #expect(add.status == 0, "\(add.stderr)")
        let rotate = try CommandRunner.run(
            "credence-aggregator",
            ["partner", "rotate", "--dir", path, "--id", "market-x", "--key", directory.path("2.pub")])
        #expect(rotate.status == 0, "\(rotate.stderr)")
        #expect(
            try CommandRunner.run(
                "credence-aggregator", ["partner", "revoke", "--dir", path, "--id", "market-x", "--epoch", "1"]
            ).status == 0)
        let list = try CommandRunner.run("credence-aggregator", ["partner", "list", "--dir", path])
        let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        let keys = entries?.first?["keys"] as? [[String: Any]]
        #expect(keys?.count == 2)
        #expect(keys?.first?["revoked_at"] as? String != nil)
        #expect(keys?.last?["key_id"] as? String == second.publicKey.keyID)
        let weak = try CommandRunner.run(
            "credence-aggregator",
            [
                "partner", "add", "--dir", path, "--id", "weak", "--kind", "social", "--key",
                "01" + String(repeating: "00", count: 31),
            ])
        #expect(weak.status != 0)
        #expect(weak.stderr.contains("small-order"))
        let duplicate = try CommandRunner.run(
            "credence-aggregator",
            [
                "partner", "add", "--dir", path, "--id", "market-x", "--kind", "commerce", "--key",
                directory.path("2.pub"),
            ])
        #expect(duplicate.status != 0)
    }

    @Test func plainHTTPNeedsItsExplicitFlag() async throws {
        let directory = try TemporaryDirectory(prefix: "http")
        let aggregator = try AggregatorProcess.initialize(in: directory.path("agg"))
        try aggregator.start(arguments: ["--insecure-http"])
        defer { aggregator.stop() }
        #expect(aggregator.baseURL.hasPrefix("http://"))
        let client = try AggregatorClient(baseURL: aggregator.baseURL, trustedCAPEM: nil)
        let reply = try? await client.get("/healthz")
        try await client.shutdown()
        #expect(reply?.status == 200)
    }
}

/// An aggregator refuses to serve a log its database no longer matches.
struct TamperedStoreTests {
    @Test func aRewrittenLeafStopsTheAggregatorFromStarting() async throws {
        let directory = try TemporaryDirectory(prefix: "tamper")
        let aggregator = try AggregatorProcess.initialize(in: directory.path("agg"))
        var partner = SyntheticPartner(id: "lender-t", kind: .lending, audience: aggregator.id)
        let keyFile = directory.path("p.pub")
        try Data(partner.publicKeyPEM.utf8).write(to: URL(fileURLWithPath: keyFile))
        _ = try CommandRunner.run(
            "credence-aggregator",
            [
                "partner", "add", "--dir", aggregator.directory, "--id", partner.id, "--kind", "lending", "--key",
                keyFile,
            ])
        try aggregator.start()
        let client = try AggregatorClient(baseURL: aggregator.baseURL, trustedCAPEM: aggregator.caPEM)
        for _ in 0..<3 { _ = try await client.pushEnvelope(partner.nextEnvelope()) }
        try await client.shutdown()
        #expect(aggregator.stop() == 0)
        // Someone rewrites history directly in the database.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [
            aggregator.databasePath, "UPDATE batches SET leaf_hash = zeroblob(32) WHERE leaf_index = 1",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        #expect(throws: (any Error).self) { try aggregator.start() }
        aggregator.kill()
    }
}

/// The example configuration in deploy/ is one the aggregator really accepts.
struct ExampleConfigurationTests {
    @Test func theDeployExampleConfigurationServes() async throws {
        let directory = try TemporaryDirectory(prefix: "example")
        let aggregator = try AggregatorProcess.initialize(in: directory.path("agg"), id: "credence-aggregator-dev")
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/aggregator.example.json")
        try FileManager.default.removeItem(atPath: aggregator.directory + "/aggregator.json")
        try FileManager.default.copyItem(
            atPath: example.path, toPath: aggregator.directory + "/aggregator.json")
        try aggregator.start()
        defer { aggregator.stop() }
        let client = try AggregatorClient(baseURL: aggregator.baseURL, trustedCAPEM: aggregator.caPEM)
        let health = try? await client.get("/readyz")
        try await client.shutdown()
        #expect(health?.status == 200)
    }
}

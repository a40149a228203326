import CredenceClient
import CredenceProtocol
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// One running aggregator with a registered partner, for a test.
struct AggregatorHarness {
    let directory: TemporaryDirectory
    let aggregator: AggregatorProcess
    let client: AggregatorClient
    var partner: SyntheticPartner

    static func start(
        kind: PartnerKind = .commerce, arguments: [String] = [], environment: [String: String] = [:]
    ) async throws -> AggregatorHarness {
        let directory = try TemporaryDirectory(prefix: "aggregator")
        let aggregator = try AggregatorProcess.initialize(in: directory.path("agg"))
        try aggregator.start(arguments: arguments, environment: environment)
        let client = try AggregatorClient(baseURL: aggregator.baseURL, trustedCAPEM: aggregator.caPEM)
        let partner = SyntheticPartner(id: "partner-one", kind: kind, audience: aggregator.id)
        var harness = AggregatorHarness(directory: directory, aggregator: aggregator, client: client, partner: partner)
        try harness.register(partner)
        harness.partner = partner
        return harness
    }

    /// Registers a partner through the management command (the server keeps running).
    func register(_ partner: SyntheticPartner) throws {
        let keyFile = directory.path("\(partner.id).pub")
        try Data(partner.publicKeyPEM.utf8).write(to: URL(fileURLWithPath: keyFile))
        let result = try CommandRunner.run(
            "credence-aggregator",
            [
                "partner", "add", "--dir", aggregator.directory, "--id", partner.id, "--kind", partner.kind.rawValue,
                "--key", keyFile,
            ])
        guard result.status == 0 else { throw TestingError("partner add failed: \(result.stderr)") }
    }

    /// Runs `body` against a fresh aggregator and always shuts the client and the server down, so a
    /// failing expectation cannot leave an HTTP client to die un-shut-down.
    static func with(
        kind: PartnerKind = .commerce, arguments: [String] = [], environment: [String: String] = [:],
        _ body: (inout AggregatorHarness) async throws -> Void
    ) async throws {
        var harness = try await start(kind: kind, arguments: arguments, environment: environment)
        do {
            try await body(&harness)
        } catch {
            try? await harness.client.shutdown()
            harness.aggregator.stop()
            throw error
        }
        try await harness.client.shutdown()
        harness.aggregator.stop()
    }

    func statistics() async throws -> StoreStatistics {
        try await SQLiteStore(path: aggregator.databasePath).statistics()
    }

    func stop() async throws {
        try await client.shutdown()
        aggregator.stop()
    }
}

extension AggregatorClient.Reply {
    var problemSlug: String? {
        problem.map { String($0.type.dropFirst(ProblemType.baseURI.count)) }
    }
}

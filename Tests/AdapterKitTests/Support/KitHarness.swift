import AdapterCore
import AdapterKit
import CredenceClient
import CredenceIdentity
import CredenceProtocol
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// A real aggregator (HTTPS, its own CA and log key) and an adapter directory initialized through the
/// adapter's command line and registered with the aggregator through `credence-aggregator partner add`.
final class KitHarness: Sendable {
    static let partnerID = "market-test"
    static let programName = "credence-test-adapter"

    let temporary: TemporaryDirectory
    let aggregator: AggregatorProcess
    /// The adapter directory.
    let directory: String
    let linkageKeyPath: String
    let listen: String
    private let aggregatorArguments: [String]
    private let aggregatorEnvironment: [String: String]

    /// Starts an aggregator with `arguments` (unless `startAggregator` is false: a dry run needs only its
    /// files) and initializes the adapter directory with `initArguments`.
    init(
        startAggregator: Bool = true, aggregatorArguments: [String] = [], aggregatorEnvironment: [String: String] = [:],
        initArguments: [String] = []
    ) async throws {
        temporary = try TemporaryDirectory(prefix: "adapter-kit")
        aggregator = try AggregatorProcess.initialize(in: temporary.path("agg"))
        listen = "127.0.0.1:\(try freeLoopbackPort())"
        self.aggregatorArguments = aggregatorArguments
        self.aggregatorEnvironment = aggregatorEnvironment
        directory = temporary.path("adapter")
        linkageKeyPath = temporary.path("linkage.key")
        if startAggregator { try startAggregatorProcess() }
        try Data(LinkageKey.generate().fileContents.utf8).write(to: URL(fileURLWithPath: linkageKeyPath))
        let initialized = await run(
            [
                "init", "--dir", directory, "--partner-id", Self.partnerID, "--aggregator", "https://\(listen)",
                "--audience", aggregator.id, "--ca", aggregator.directory + "/ca.pem", "--log-key",
                aggregator.logPublicKeyPath, "--linkage-key", linkageKeyPath, "--region", "CN",
            ] + initArguments)
        guard initialized.status == 0 else { throw TestingError("init failed: \(initialized.standardError)") }
        try register(publicKey: directory + "/partner.pub")
    }

    /// Starts (or restarts) the aggregator on the harness's port.
    func startAggregatorProcess() throws {
        try aggregator.start(listen: listen, arguments: aggregatorArguments, environment: aggregatorEnvironment)
    }

    func register(publicKey: String) throws {
        let result = try CommandRunner.run(
            "credence-aggregator",
            [
                "partner", "add", "--dir", aggregator.directory, "--id", Self.partnerID, "--kind", "commerce", "--key",
                publicKey,
            ])
        guard result.status == 0 else { throw TestingError("partner add failed: \(result.stderr)") }
    }

    /// Runs the adapter's command line in this process.
    func run(
        _ arguments: [String], environment: [String: String] = [:], reader: LineSourceReader = LineSourceReader()
    ) async -> CommandOutcome {
        let captured = CapturedConsole()
        let status = await AdapterProgram.run(
            arguments: arguments, environment: environment, reader: reader, name: Self.programName,
            console: captured.console)
        return CommandOutcome(
            status: status, standardOutput: captured.standardOutput, standardError: captured.standardError)
    }

    /// A path in the test's temporary directory.
    func path(_ name: String) -> String { temporary.path(name) }
    func url(_ name: String) -> URL { URL(fileURLWithPath: temporary.path(name)) }

    /// The aggregator's view of the partner's chain (`GET /v1/partners/{id}/sequence`).
    func sequence() async throws -> (lastSeq: Int64, lastBatchID: String?) {
        let client = try AggregatorClient(baseURL: "https://\(listen)", trustedCAPEM: aggregator.caPEM)
        let reply: AggregatorClient.Reply
        do {
            reply = try await client.get("/v1/partners/\(Self.partnerID)/sequence")
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        let object = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any] ?? [:]
        return ((object["last_seq"] as? NSNumber)?.int64Value ?? -1, object["last_batch_id"] as? String)
    }

    /// Batches, records and conflicts in the aggregator's database.
    func statistics() async throws -> StoreStatistics {
        try await SQLiteStore(path: aggregator.databasePath).statistics()
    }

    /// The adapter directory opened as the CLI would.
    func adapterDirectory(flags: AdapterOverrides = .init()) throws -> AdapterDirectory {
        try AdapterDirectory.open(at: directory, kind: .commerce, flags: flags)
    }

    /// The outbox's status, read through `status --json`.
    func status() async throws -> [String: Any] {
        let outcome = await run(["status", "--dir", directory, "--json"])
        guard outcome.status == 0 else { throw TestingError("status failed: \(outcome.standardError)") }
        return try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any] ?? [:]
    }

    deinit { aggregator.stop() }
}

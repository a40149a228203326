import ArgumentParser
import CredenceAggregator
import CredenceStore
import Foundation
import Logging

/// `credence-aggregator`: initialize a working directory, serve the HTTPS API, manage partners.
@main
struct AggregatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credence-aggregator",
        abstract: "The Credence aggregator: verifies, stores and logs partners' signed batches.",
        subcommands: [
            InitCommand.self, ServeCommand.self, PartnerCommand.self, ConsumerCommand.self, PersonCommand.self,
        ]
    )
}

struct DirectoryOption: ParsableArguments {
    @Option(help: "The aggregator's working directory.")
    var dir: String
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Create a working directory: configuration, development CA, server certificate, log key, admin token, database."
    )

    @OptionGroup var directory: DirectoryOption

    @Option(help: "HOST:PORT to listen on.")
    var listen = "127.0.0.1:8443"

    @Option(help: "This aggregator's id: the audience batches must name.")
    var id = "credence-aggregator-dev"

    func run() throws {
        let created = try AggregatorDirectory.create(at: directory.dir, id: id, listen: listen)
        _ = try SQLiteStore(path: created.path(created.configuration.database))
        print("initialized \(directory.dir): id \(id), listen \(listen)")
        print("trust anchor for clients: \(created.path(AggregatorDirectory.caCertificateFile))")
        print("log public key: \(created.path(AggregatorDirectory.logPublicKeyFile))")
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTPS API until SIGTERM or SIGINT.",
        discussion: "Configuration: DIR/aggregator.json, then CREDENCE_AGGREGATOR_* environment variables, then flags.")

    @OptionGroup var directory: DirectoryOption

    @Option(help: "Override the listen address (HOST:PORT; port 0 picks a free one).")
    var listen: String?

    @Option(help: "Override the maximum request body size in bytes.")
    var maxBodyBytes: Int?

    @Option(help: "Override the maximum number of records per batch.")
    var maxRecords: Int?

    @Option(help: "Override the per-partner rate (batches per second; 0 disables).")
    var partnerRate: Double?

    @Flag(help: "Serve plain HTTP instead of HTTPS. For local development only.")
    var insecureHTTP = false

    @Flag(help: "Require partners to present a client certificate whose common name is their partner id (mTLS).")
    var requireClientCertificate = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        var loaded = try AggregatorDirectory(path: directory.dir)
        var configuration = loaded.configuration
        if let listen { configuration.listen = listen }
        if let maxBodyBytes { configuration.maxBodyBytes = maxBodyBytes }
        if let maxRecords { configuration.maxRecordsPerBatch = maxRecords }
        if let partnerRate { configuration.partnerRequestsPerSecond = partnerRate }
        if requireClientCertificate { configuration.requireClientCertificate = true }
        loaded = try loaded.with(configuration)
        var logger = Logger(label: "credence.aggregator")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        try await AggregatorServer.run(directory: loaded, insecureHTTP: insecureHTTP, logger: logger)
    }
}

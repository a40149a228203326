import AdapterCore
import ArgumentParser
import Logging

struct DirectoryOption: ParsableArguments {
    @Option(help: "The adapter's working directory.")
    var dir: String
}

/// Batch limits and retry settings: written into adapter.json by `init`, overrides for a run otherwise.
struct LimitOptions: ParsableArguments {
    @Option(help: "Records per batch at most (default 1000).")
    var maxRecords: Int?

    @Option(help: "Watch mode: seal a partial batch once it is this many seconds old (default 60).")
    var maxBatchAge: Double?

    @Option(help: "Stop reading while more than this many batches wait for a receipt (default 16).")
    var highWaterMark: Int?

    @Option(help: "Watch mode: seconds between listings of the drop directory (default 5).")
    var pollInterval: Double?

    @Option(help: "First retry wait in milliseconds, doubled per attempt up to --backoff-cap (default 500).")
    var backoffBaseMs: Int?

    @Option(help: "Longest wait between retries, in seconds (default 60).")
    var backoffCap: Double?

    @Option(help: "Seconds to wait for the aggregator's answer (default 30).")
    var requestTimeout: Int?

    @Option(help: "Stop after this many seconds without progress, keeping the outbox; 0 waits forever (default 3600).")
    var giveUpAfter: Double?

    var overrides: AdapterOverrides {
        var overrides = AdapterOverrides()
        overrides.maxRecordsPerBatch = maxRecords
        overrides.maxBatchAgeSeconds = maxBatchAge
        overrides.outboxHighWaterMark = highWaterMark
        overrides.pollIntervalSeconds = pollInterval
        overrides.backoffBaseMilliseconds = backoffBaseMs
        overrides.backoffCapSeconds = backoffCap
        overrides.requestTimeoutSeconds = requestTimeout
        overrides.giveUpAfterSeconds = giveUpAfter
        return overrides
    }
}

/// The options of every verb that runs on a directory: the directory, overrides of its settings, logging.
struct RunOptions: ParsableArguments {
    @OptionGroup var directory: DirectoryOption

    @Option(help: "Override the aggregator's base URL.")
    var aggregator: String?

    @Option(help: "Override the mTLS client certificate chain (PEM).")
    var clientCert: String?

    @Option(help: "Override the mTLS client private key (PEM).")
    var clientKey: String?

    @OptionGroup var limits: LimitOptions

    @Option(
        help: "Log level of the one-line logs on standard error: trace, debug, info, notice, warning (default), error.")
    var logLevel: String?

    var overrides: AdapterOverrides {
        var overrides = limits.overrides
        overrides.aggregatorURL = aggregator
        overrides.clientCertificate = clientCert
        overrides.clientPrivateKey = clientKey
        overrides.logLevel = logLevel
        return overrides
    }

    /// The directory with file, environment and flag settings applied, and the logger they ask for.
    func open(_ context: ProgramContext) throws(AdapterError) -> (AdapterDirectory, Logger) {
        let directory = try AdapterDirectory.open(
            at: self.directory.dir, kind: context.reader.partnerKind, environment: context.environment,
            flags: overrides)
        let environmentLevel = try AdapterOverrides(environment: context.environment).logLevel
        let levelName = logLevel ?? environmentLevel ?? "warning"
        guard let level = Logger.Level(rawValue: levelName) else {
            throw AdapterError(
                .usage,
                "log level '\(levelName)' is none of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let console = context.console
        let logger = Logger(label: context.name) { _ in
            OneLineLogHandler(level: level, write: console.standardError)
        }
        return (directory, logger)
    }
}

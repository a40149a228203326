import Foundation

/// Settings given on the command line or in the environment, over those of `adapter.json`.
///
/// Precedence is flags > environment > file: ``AdapterDirectory/open(at:kind:environment:flags:)`` applies
/// the file, then `AdapterOverrides(environment:)`, then the flags. The environment names are
/// `CREDENCE_ADAPTER_` + the file's setting in upper case (`CREDENCE_ADAPTER_MAX_RECORDS_PER_BATCH`); an
/// unknown `CREDENCE_ADAPTER_*` variable is an error, so a misspelt one is never silently ignored.
public struct AdapterOverrides: Sendable, Equatable {
    public var aggregatorURL: String?
    public var clientCertificate: String?
    public var clientPrivateKey: String?
    public var maxRecordsPerBatch: Int?
    public var maxBatchAgeSeconds: Double?
    public var outboxHighWaterMark: Int?
    public var pollIntervalSeconds: Double?
    public var backoffBaseMilliseconds: Int?
    public var backoffCapSeconds: Double?
    public var requestTimeoutSeconds: Int?
    public var giveUpAfterSeconds: Double?
    /// Not a file setting: the log level of a run (`CREDENCE_ADAPTER_LOG_LEVEL`, `--log-level`).
    public var logLevel: String?

    public static let environmentPrefix = "CREDENCE_ADAPTER_"

    public init() {}

    /// Reads the `CREDENCE_ADAPTER_*` variables of `environment`.
    public init(environment: [String: String]) throws(AdapterError) {
        var reader = EnvironmentReader(environment: environment)
        aggregatorURL = reader.text("AGGREGATOR_URL")
        clientCertificate = reader.text("CLIENT_CERTIFICATE")
        clientPrivateKey = reader.text("CLIENT_PRIVATE_KEY")
        maxRecordsPerBatch = try reader.number("MAX_RECORDS_PER_BATCH")
        maxBatchAgeSeconds = try reader.number("MAX_BATCH_AGE_SECONDS")
        outboxHighWaterMark = try reader.number("OUTBOX_HIGH_WATER_MARK")
        pollIntervalSeconds = try reader.number("POLL_INTERVAL_SECONDS")
        backoffBaseMilliseconds = try reader.number("BACKOFF_BASE_MILLISECONDS")
        backoffCapSeconds = try reader.number("BACKOFF_CAP_SECONDS")
        requestTimeoutSeconds = try reader.number("REQUEST_TIMEOUT_SECONDS")
        giveUpAfterSeconds = try reader.number("GIVE_UP_AFTER_SECONDS")
        logLevel = reader.text("LOG_LEVEL")
        if let unknown = reader.unread.first {
            throw AdapterError(
                .configuration,
                "unknown environment variable \(unknown); known: \(reader.read.sorted().joined(separator: ", "))")
        }
    }
}

extension AdapterOverrides {
    /// The same overrides with relative file paths made absolute against the working directory: a path
    /// given on the command line or in the environment means what the shell means by it, unlike the
    /// file's, which are relative to the adapter directory.
    func resolvingPaths() -> AdapterOverrides {
        var resolved = self
        resolved.clientCertificate = clientCertificate.map(AdapterDirectory.absolutePath)
        resolved.clientPrivateKey = clientPrivateKey.map(AdapterDirectory.absolutePath)
        return resolved
    }
}

extension AdapterConfiguration {
    /// The configuration with `overrides` applied (unset overrides keep the value).
    public func applying(_ overrides: AdapterOverrides) -> AdapterConfiguration {
        var result = self
        result.aggregatorURL = overrides.aggregatorURL ?? aggregatorURL
        result.clientCertificate = overrides.clientCertificate ?? clientCertificate
        result.clientPrivateKey = overrides.clientPrivateKey ?? clientPrivateKey
        result.maxRecordsPerBatch = overrides.maxRecordsPerBatch ?? maxRecordsPerBatch
        result.maxBatchAgeSeconds = overrides.maxBatchAgeSeconds ?? maxBatchAgeSeconds
        result.outboxHighWaterMark = overrides.outboxHighWaterMark ?? outboxHighWaterMark
        result.pollIntervalSeconds = overrides.pollIntervalSeconds ?? pollIntervalSeconds
        result.backoffBaseMilliseconds = overrides.backoffBaseMilliseconds ?? backoffBaseMilliseconds
        result.backoffCapSeconds = overrides.backoffCapSeconds ?? backoffCapSeconds
        result.requestTimeoutSeconds = overrides.requestTimeoutSeconds ?? requestTimeoutSeconds
        result.giveUpAfterSeconds = overrides.giveUpAfterSeconds ?? giveUpAfterSeconds
        return result
    }
}

/// Reads `CREDENCE_ADAPTER_*` variables and remembers which ones it read, to report the others.
private struct EnvironmentReader {
    let environment: [String: String]
    private(set) var read: Set<String> = []

    init(environment: [String: String]) { self.environment = environment }

    var unread: [String] {
        environment.keys.filter { $0.hasPrefix(AdapterOverrides.environmentPrefix) && !read.contains($0) }.sorted()
    }

    mutating func text(_ name: String) -> String? {
        let variable = AdapterOverrides.environmentPrefix + name
        read.insert(variable)
        return environment[variable]
    }

    mutating func number<Value: LosslessStringConvertible>(_ name: String) throws(AdapterError) -> Value? {
        guard let text = text(name) else { return nil }
        guard let value = Value(text.trimmingCharacters(in: .whitespaces)) else {
            throw AdapterError(
                .configuration, "\(AdapterOverrides.environmentPrefix + name) must be a number, got '\(text)'")
        }
        return value
    }
}

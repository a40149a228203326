public import CredenceIdentity
public import CredenceProtocol
import Foundation

/// Everything an adapter needs to run, read from `DIR/adapter.json`, then overridden by environment
/// variables (`CREDENCE_ADAPTER_<NAME>`) and command-line flags, in that order (``AdapterOverrides``).
/// Relative paths are relative to the adapter directory.
///
/// Defaults, chosen for a partner's nightly export pushed over the internet:
///
/// | setting | default | why |
/// | --- | --- | --- |
/// | `max_records_per_batch` | 1000 | well under the aggregator's 10 000, a few hundred KiB per request |
/// | `max_batch_age_seconds` | 60 | watch mode: a record waits at most a minute for its batch to fill |
/// | `outbox_high_water_mark` | 16 | reading pauses while more batches wait for their receipt |
/// | `poll_interval_seconds` | 5 | watch mode: how often the drop directory is listed |
/// | `backoff_base_milliseconds` | 500 | first retry after a transport error within half a second |
/// | `backoff_cap_seconds` | 60 | never wait more than a minute between attempts |
/// | `request_timeout_seconds` | 30 | an unanswered push is retried (the replay rule makes it safe) |
/// | `give_up_after_seconds` | 3600 | backfill and push stop after an hour without progress; 0 = never |
public struct AdapterConfiguration: Codable, Sendable, Equatable {
    /// The partner's id in the aggregator's registry.
    public var partnerID: String
    /// The adapter kind the directory was initialized for: a lending directory cannot be run by the
    /// commerce adapter.
    public var partnerKind: PartnerKind
    /// The aggregator's base URL (`https://host:port`).
    public var aggregatorURL: String
    /// The aggregator deployment's id: every batch names it, and its log origin is `credence/<audience>`.
    public var audience: String
    /// The epoch of the partner's registered key that `signing_key` is.
    public var keyEpoch: Int
    /// The phone region of numbers written without a country code.
    public var region: PhoneRegion?
    /// The aggregator's CA certificate (its `ca.pem`): the only trust anchor for its TLS certificate.
    public var caCertificate: String
    /// The aggregator's log public key (its `log.pub`): receipts are verified with it.
    public var logPublicKey: String
    /// The federation linkage key: the secret behind identifier tokens and Bloom encodings.
    public var linkageKey: String
    /// The partner's Ed25519 private key (PEM PKCS#8), written by `init`.
    public var signingKey: String
    /// A partner client certificate chain and its key, for aggregators that require mTLS.
    public var clientCertificate: String?
    public var clientPrivateKey: String?
    public var maxRecordsPerBatch: Int
    public var maxBatchAgeSeconds: Double
    public var outboxHighWaterMark: Int
    public var pollIntervalSeconds: Double
    public var backoffBaseMilliseconds: Int
    public var backoffCapSeconds: Double
    public var requestTimeoutSeconds: Int
    public var giveUpAfterSeconds: Double

    public init(
        partnerID: String, partnerKind: PartnerKind, aggregatorURL: String, audience: String, keyEpoch: Int = 1,
        region: PhoneRegion? = nil, caCertificate: String, logPublicKey: String, linkageKey: String,
        signingKey: String = AdapterDirectory.signingKeyFile, clientCertificate: String? = nil,
        clientPrivateKey: String? = nil
    ) {
        self.partnerID = partnerID
        self.partnerKind = partnerKind
        self.aggregatorURL = aggregatorURL
        self.audience = audience
        self.keyEpoch = keyEpoch
        self.region = region
        self.caCertificate = caCertificate
        self.logPublicKey = logPublicKey
        self.linkageKey = linkageKey
        self.signingKey = signingKey
        self.clientCertificate = clientCertificate
        self.clientPrivateKey = clientPrivateKey
        self.maxRecordsPerBatch = 1000
        self.maxBatchAgeSeconds = 60
        self.outboxHighWaterMark = 16
        self.pollIntervalSeconds = 5
        self.backoffBaseMilliseconds = 500
        self.backoffCapSeconds = 60
        self.requestTimeoutSeconds = 30
        self.giveUpAfterSeconds = 3600
    }

    /// Reads a configuration: the partner, the aggregator and the key files are required; every other setting
    /// may be left out for its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            partnerID: try container.decode(String.self, forKey: .partnerID),
            partnerKind: try container.decode(PartnerKind.self, forKey: .partnerKind),
            aggregatorURL: try container.decode(String.self, forKey: .aggregatorURL),
            audience: try container.decode(String.self, forKey: .audience),
            caCertificate: try container.decode(String.self, forKey: .caCertificate),
            logPublicKey: try container.decode(String.self, forKey: .logPublicKey),
            linkageKey: try container.decode(String.self, forKey: .linkageKey))
        func optional<Value: Decodable>(_ key: CodingKeys, _ value: inout Value) throws {
            value = try container.decodeIfPresent(Value.self, forKey: key) ?? value
        }
        try optional(.keyEpoch, &keyEpoch)
        try optional(.signingKey, &signingKey)
        try optional(.maxRecordsPerBatch, &maxRecordsPerBatch)
        try optional(.maxBatchAgeSeconds, &maxBatchAgeSeconds)
        try optional(.outboxHighWaterMark, &outboxHighWaterMark)
        try optional(.pollIntervalSeconds, &pollIntervalSeconds)
        try optional(.backoffBaseMilliseconds, &backoffBaseMilliseconds)
        try optional(.backoffCapSeconds, &backoffCapSeconds)
        try optional(.requestTimeoutSeconds, &requestTimeoutSeconds)
        try optional(.giveUpAfterSeconds, &giveUpAfterSeconds)
        region = try container.decodeIfPresent(PhoneRegion.self, forKey: .region)
        clientCertificate = try container.decodeIfPresent(String.self, forKey: .clientCertificate)
        clientPrivateKey = try container.decodeIfPresent(String.self, forKey: .clientPrivateKey)
    }

    /// Checks every value, naming the setting at fault.
    public func validate() throws(AdapterError) {
        func fail(_ message: String) -> AdapterError { AdapterError(.configuration, message) }
        guard PartnerID.isValid(partnerID) else {
            throw fail("partner_id '\(partnerID)' is not a \(PartnerID.formatDescription)")
        }
        guard PartnerID.isValid(audience) else {
            throw fail("audience '\(audience)' is not an aggregator id (\(PartnerID.formatDescription))")
        }
        guard let url = URL(string: aggregatorURL), ["https", "http"].contains(url.scheme ?? ""), url.host != nil
        else {
            throw fail("aggregator_url '\(aggregatorURL)' is not an https:// URL")
        }
        guard keyEpoch >= 1 else { throw fail("key_epoch must be at least 1, got \(keyEpoch)") }
        guard (1...100_000).contains(maxRecordsPerBatch) else {
            throw fail("max_records_per_batch must be 1...100000, got \(maxRecordsPerBatch)")
        }
        guard maxBatchAgeSeconds > 0 else { throw fail("max_batch_age_seconds must be positive") }
        guard outboxHighWaterMark >= 1 else { throw fail("outbox_high_water_mark must be at least 1") }
        guard pollIntervalSeconds > 0 else { throw fail("poll_interval_seconds must be positive") }
        guard backoffBaseMilliseconds >= 1 else { throw fail("backoff_base_milliseconds must be at least 1") }
        guard backoffCapSeconds * 1000 >= Double(backoffBaseMilliseconds) else {
            throw fail("backoff_cap_seconds must be at least backoff_base_milliseconds")
        }
        guard requestTimeoutSeconds >= 1 else { throw fail("request_timeout_seconds must be at least 1") }
        guard giveUpAfterSeconds >= 0 else { throw fail("give_up_after_seconds must be 0 (never) or positive") }
        guard (clientCertificate == nil) == (clientPrivateKey == nil) else {
            throw fail("client_certificate and client_private_key go together (mTLS needs both)")
        }
    }

    /// The retry schedule the settings describe.
    var retryPolicy: RetryPolicy {
        RetryPolicy(
            base: .milliseconds(backoffBaseMilliseconds), cap: .milliseconds(Int64(backoffCapSeconds * 1000)),
            giveUpAfter: giveUpAfterSeconds > 0 ? .milliseconds(Int64(giveUpAfterSeconds * 1000)) : nil)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Reads the configuration file strictly: a misspelt setting is an error, not silently ignored.
    static func decode(_ data: [UInt8]) throws(ProtocolError) -> AdapterConfiguration {
        try StrictDecoder.decode(AdapterConfiguration.self, fromJSON: data)
    }

    func encoded() -> [UInt8] {
        // Strings, numbers and optionals only: encoding cannot fail.
        Array(try! Self.encoder.encode(self)) + [0x0A]
    }
}

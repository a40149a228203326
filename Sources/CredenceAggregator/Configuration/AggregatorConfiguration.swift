import CredenceProtocol
import Foundation

/// Everything an aggregator needs to run, read from `DIR/aggregator.json`, then overridden by
/// environment variables (`CREDENCE_AGGREGATOR_<NAME>`) and command-line flags, in that order.
/// Relative paths are relative to the working directory `DIR`.
public struct AggregatorConfiguration: Codable, Sendable, Equatable {
    /// This deployment's id: the `audience` every batch must name, and the log origin `credence/<id>`.
    public var id: String
    /// `HOST:PORT`; port 0 picks a free port (printed at start).
    public var listen: String
    public var database: String
    public var tlsCertificate: String
    public var tlsPrivateKey: String
    /// Trust anchor for partner client certificates (mTLS). With `requireClientCertificate`, a partner
    /// must present a certificate whose common name is its partner id.
    public var clientCA: String?
    public var requireClientCertificate: Bool
    public var logSigningKey: String
    public var adminTokenFile: String
    public var maxBodyBytes: Int
    public var maxRecordsPerBatch: Int
    /// Batches per second per partner (token bucket); 0 disables the limit.
    public var partnerRequestsPerSecond: Double
    public var partnerBurst: Int
    /// Ingest requests processed at once; beyond this the aggregator answers 503 instead of queueing.
    public var maxConcurrentIngests: Int
    /// SQLite `synchronous=FULL` (true) or NORMAL.
    public var durableCommits: Bool
    /// Identity resolution; absent in files written before it existed, which get the defaults.
    public var linkage: LinkageConfiguration?
    /// Scoring and publishing; absent in files written before they existed, which get the defaults.
    public var scoring: ScoringConfiguration?

    /// How persons are scored (design §6).
    public struct ScoringConfiguration: Codable, Sendable, Equatable {
        /// A scorecard model file (`protocol/scorecard.md`); nil scores with the model shipped with Credence.
        public var model: String?
        /// The day features are computed as of (`YYYY-MM-DD`); nil means today (UTC), so scores move on at
        /// midnight. A fixed date suits replayed or simulated data.
        public var asOf: String?

        public init(model: String? = nil, asOf: String? = nil) {
            self.model = model
            self.asOf = asOf
        }
    }

    /// How accepted subjects are linked into persons (design §5).
    public struct LinkageConfiguration: Codable, Sendable, Equatable {
        /// The match probability at which two subjects are linked.
        public var threshold: Double
        /// No person grows beyond this many partner subjects, whatever links chain them.
        public var maxPersonSubjects: Int
        /// Partners whose customers are known to be distinct people (a lender that verifies SSNs): two of
        /// their subjects never end up in one person.
        public var duplicateFreePartners: [String]
        /// Whether this aggregator links at all. Off, accepted batches wait in the log and are linked, in log
        /// order, once it is on again: an operator can absorb a backfill at full ingest speed first.
        public var enabled: Bool

        public init(
            threshold: Double = 0.9, maxPersonSubjects: Int = 25, duplicateFreePartners: [String] = [],
            enabled: Bool = true
        ) {
            self.threshold = threshold
            self.maxPersonSubjects = maxPersonSubjects
            self.duplicateFreePartners = duplicateFreePartners
            self.enabled = enabled
        }

        enum CodingKeys: String, CodingKey {
            case threshold, maxPersonSubjects, duplicateFreePartners, enabled
        }

        /// `enabled` may be absent (files written before it existed): linking is on.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            threshold = try container.decode(Double.self, forKey: .threshold)
            maxPersonSubjects = try container.decode(Int.self, forKey: .maxPersonSubjects)
            duplicateFreePartners = try container.decode([String].self, forKey: .duplicateFreePartners)
            enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        }
    }

    public init(id: String, listen: String = "127.0.0.1:8443") {
        self.id = id
        self.listen = listen
        self.database = "aggregator.sqlite"
        self.tlsCertificate = "tls/server.pem"
        self.tlsPrivateKey = "tls/server.key"
        self.clientCA = nil
        self.requireClientCertificate = false
        self.logSigningKey = "log.key"
        self.adminTokenFile = "admin.token"
        self.maxBodyBytes = 64 * 1024 * 1024
        self.maxRecordsPerBatch = 10_000
        self.partnerRequestsPerSecond = 50
        self.partnerBurst = 100
        self.maxConcurrentIngests = 64
        self.durableCommits = true
        self.linkage = LinkageConfiguration()
        self.scoring = ScoringConfiguration()
    }

    /// Applies `CREDENCE_AGGREGATOR_*` variables (e.g. `CREDENCE_AGGREGATOR_LISTEN`,
    /// `CREDENCE_AGGREGATOR_MAX_BODY_BYTES`).
    public mutating func apply(environment: [String: String]) throws(AggregatorError) {
        func value(_ name: String) -> String? { environment["CREDENCE_AGGREGATOR_" + name] }
        if let listen = value("LISTEN") { self.listen = listen }
        if let database = value("DATABASE") { self.database = database }
        if let text = value("MAX_BODY_BYTES") {
            maxBodyBytes = try Self.integer(text, "CREDENCE_AGGREGATOR_MAX_BODY_BYTES")
        }
        if let text = value("MAX_RECORDS_PER_BATCH") {
            maxRecordsPerBatch = try Self.integer(text, "CREDENCE_AGGREGATOR_MAX_RECORDS_PER_BATCH")
        }
        if let text = value("PARTNER_REQUESTS_PER_SECOND") {
            guard let rate = Double(text), rate >= 0 else {
                throw AggregatorError.configuration(
                    "CREDENCE_AGGREGATOR_PARTNER_REQUESTS_PER_SECOND must be a number >= 0")
            }
            partnerRequestsPerSecond = rate
        }
        if let text = value("REQUIRE_CLIENT_CERTIFICATE") {
            guard let required = Self.boolean(text) else {
                throw AggregatorError.configuration(
                    "CREDENCE_AGGREGATOR_REQUIRE_CLIENT_CERTIFICATE must be true or false")
            }
            requireClientCertificate = required
        }
        if let text = value("PARTNER_BURST") {
            partnerBurst = try Self.integer(text, "CREDENCE_AGGREGATOR_PARTNER_BURST")
        }
        if let text = value("MAX_CONCURRENT_INGESTS") {
            maxConcurrentIngests = try Self.integer(text, "CREDENCE_AGGREGATOR_MAX_CONCURRENT_INGESTS")
        }
        if let model = value("SCORING_MODEL") {
            var scoring = self.scoring ?? ScoringConfiguration()
            scoring.model = model.isEmpty ? nil : model
            self.scoring = scoring
        }
        if let asOf = value("SCORING_AS_OF") {
            var scoring = self.scoring ?? ScoringConfiguration()
            scoring.asOf = asOf.isEmpty ? nil : asOf
            self.scoring = scoring
        }
        if let text = value("LINKAGE_ENABLED") {
            guard let enabled = Self.boolean(text) else {
                throw AggregatorError.configuration("CREDENCE_AGGREGATOR_LINKAGE_ENABLED must be true or false")
            }
            var linkage = self.linkage ?? LinkageConfiguration()
            linkage.enabled = enabled
            self.linkage = linkage
        }
    }

    /// The host and port of ``listen``.
    public func listenAddress() throws(AggregatorError) -> (host: String, port: Int) {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            throw AggregatorError.configuration("listen address '\(listen)' is not HOST:PORT")
        }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }

    public func validate() throws(AggregatorError) {
        _ = try listenAddress()
        guard maxBodyBytes > 0, maxRecordsPerBatch > 0, maxConcurrentIngests > 0, partnerBurst > 0 else {
            throw AggregatorError.configuration("limits must be positive")
        }
        if let linkage, !(0.5..<1).contains(linkage.threshold) || linkage.maxPersonSubjects < 2 {
            throw AggregatorError.configuration(
                "linkage.threshold must be in [0.5, 1) and linkage.max_person_subjects at least 2")
        }
        if let asOf = scoring?.asOf, !CalendarDate.isValid(asOf) {
            throw AggregatorError.configuration("scoring.as_of must be a date like 2024-12-31, got '\(asOf)'")
        }
        if requireClientCertificate && clientCA == nil {
            throw AggregatorError.configuration("requireClientCertificate needs clientCA")
        }
    }

    private static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "yes", "on": true
        case "0", "false", "no", "off": false
        default: nil
        }
    }

    private static func integer(_ text: String, _ name: String) throws(AggregatorError) -> Int {
        guard let value = Int(text), value > 0 else {
            throw AggregatorError.configuration("\(name) must be a positive integer, got '\(text)'")
        }
        return value
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Reads the configuration file strictly: a misspelt setting is an error, not silently ignored.
    static func decode(_ data: [UInt8]) throws(ProtocolError) -> AggregatorConfiguration {
        try StrictDecoder.decode(AggregatorConfiguration.self, fromJSON: data)
    }
}

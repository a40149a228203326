import CredenceIngest
import CredenceProtocol
import CredenceStore
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Linkage
public import Logging
import NIOCore
import NIOSSL
import PersonScoring
import Scorecard
import Synchronization
import TransparencyLog

/// Builds and runs the aggregator service: the store, the log, the ingest pipeline and the HTTPS API,
/// under a ServiceGroup that shuts down gracefully on SIGTERM and SIGINT (in-flight requests finish; a
/// batch is either committed whole or not at all).
public enum AggregatorServer {
    public static func run(
        directory: AggregatorDirectory, insecureHTTP: Bool = false, logger: Logger
    ) async throws {
        let configuration = directory.configuration
        let store: SQLiteStore
        do {
            store = try SQLiteStore(
                path: directory.path(configuration.database),
                options: .init(synchronousFull: configuration.durableCommits, checkpointsInBackground: true))
        } catch {
            throw AggregatorError(.store, error.message)
        }
        let log = LogState(
            aggregatorID: configuration.id, signingKey: try directory.logSigningKey(),
            leafHashes: try await store.leafHashes())
        // The tree rebuilt from the stored leaves must reproduce the last checkpoint this log signed;
        // anything else means the database was altered behind the aggregator's back.
        if let latest = try await store.latestCheckpoint() {
            let root = try log.rootHash(forSize: latest.size)
            guard latest.size == log.size, root.bytes == latest.rootHash else {
                throw AggregatorError(
                    .store,
                    "the stored log does not match its last signed checkpoint (size \(latest.size)): refusing to serve")
            }
        }
        let ingestor = BatchIngestor(
            store: store, log: log, audience: configuration.id,
            limits: IngestLimits(maximumRecords: configuration.maxRecordsPerBatch),
            now: { Int64(Date().timeIntervalSince1970) })
        let ready = ReadinessFlag()
        // One pending wake-up is enough: the linking service catches up with everything appended.
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let linkage = configuration.linkage ?? .init()
        let (scoringWakeups, wakeScoring) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let metrics = AggregatorMetrics()
        let scoringSettings = configuration.scoring ?? .init()
        let scoring = ScoringService(
            scorer: IncrementalScorer(store: store, scorer: PersonScorer(model: try scoringModel(directory))),
            identities: store, fixedAsOf: scoringSettings.asOf.map(CalendarDate.init(unchecked:)),
            wakeups: scoringWakeups, wake: wakeScoring, metrics: metrics, logger: logger)
        let linking = LinkingService(
            store: store,
            settings: LinkageSettings(
                threshold: linkage.threshold, maxClusterSize: linkage.maxPersonSubjects,
                duplicateFreeSources: Set(linkage.duplicateFreePartners)),
            wakeups: wakeups, wake: wake, linked: wakeScoring, logger: logger)
        let routes = AggregatorRoutes(
            ingestor: ingestor, store: store, identities: store, scores: store, log: log, metrics: metrics,
            configuration: configuration, adminToken: try directory.adminToken(),
            rateLimiter: PartnerRateLimiter(
                rate: configuration.partnerRequestsPerSecond, burst: configuration.partnerBurst),
            ready: ready, appended: wake, inquiryRecorded: wakeScoring, signingKey: try directory.logSigningKey())
        let router = Router(context: AggregatorRequestContext.self)
        routes.register(on: router)

        let (host, port) = try configuration.listenAddress()
        let server: HTTPServerBuilder =
            insecureHTTP ? .http1() : try .tls(.http1(), tlsConfiguration: try tlsConfiguration(directory))
        let scheme = insecureHTTP ? "http" : "https"
        let readyFile = directory.url.appendingPathComponent("listening")
        try? FileManager.default.removeItem(at: readyFile)
        let app = Application(
            router: router, server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "credence-aggregator"),
            services: [CheckpointService(store: store)] + (linkage.enabled ? [linking, scoring] : [scoring]),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let url = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(bound)"
                try? Data((url + "\n").utf8).write(to: readyFile, options: .atomic)
                ready.isReady.store(true, ordering: .relaxed)
                logger.notice(
                    "listening",
                    metadata: ["url": "\(url)", "aggregator": "\(configuration.id)", "log_size": "\(log.size)"])
                FileHandle.standardOutput.write(Data("credence-aggregator listening on \(url)\n".utf8))
            },
            logger: logger)
        if insecureHTTP {
            logger.warning("serving plain HTTP (--insecure-http): for local development only")
        }
        try await app.runService()
        logger.notice("stopped", metadata: ["log_size": "\(log.size)"])
    }

    /// The configured scorecard, or the one shipped with Credence.
    static func scoringModel(_ directory: AggregatorDirectory) throws -> ScoringModel {
        guard let path = directory.configuration.scoring?.model else { return ScoringModel.bundledDefault() }
        guard let data = FileManager.default.contents(atPath: directory.path(path)) else {
            throw AggregatorError.configuration("cannot read the scoring model \(directory.path(path))")
        }
        do {
            return try ScoringModel(json: Array(data))
        } catch {
            throw AggregatorError.configuration(
                "the scoring model \(directory.path(path)) is refused: \(error.message)")
        }
    }

    static func tlsConfiguration(_ directory: AggregatorDirectory) throws -> TLSConfiguration {
        let configuration = directory.configuration
        do {
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(try directory.read(configuration.tlsCertificate).utf8))
            let key = try NIOSSLPrivateKey(
                bytes: Array(try directory.read(configuration.tlsPrivateKey).utf8), format: .pem)
            var tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            tls.minimumTLSVersion = .tlsv12
            if configuration.requireClientCertificate, let clientCA = configuration.clientCA {
                tls.trustRoots = .certificates(
                    try NIOSSLCertificate.fromPEMBytes(Array(try directory.read(clientCA).utf8)))
                tls.certificateVerification = .noHostnameVerification
            }
            return tls
        } catch let error as AggregatorError {
            throw error
        } catch {
            throw AggregatorError(.certificate, "cannot load the TLS certificate or key: \(error)")
        }
    }
}

public import AdapterCore
import CredenceClient
import CredenceProtocol
public import Foundation
public import Logging
public import ServiceLifecycle
import UnixSignals

/// One adapter directory opened for a run: its outbox (the directory is locked meanwhile), a client of its
/// aggregator and the partner kind's source reader. The CLI verbs are thin wrappers of these methods.
///
/// ```swift
/// let directory = try AdapterDirectory.open(at: "acme", kind: .lending)
/// let summary = try await AdapterRuntime.with(directory: directory, reader: LendingSourceReader()) { runtime in
///     try await runtime.backfill([URL(fileURLWithPath: "exports/2026-11-01.dat")])
/// }
/// ```
public final class AdapterRuntime: Sendable {
    public let directory: AdapterDirectory
    public let outbox: Outbox
    let reader: any SourceReader
    let credentials: AdapterCredentials
    let client: AggregatorClient
    let logger: Logger
    private let lock: DirectoryLock

    private init(directory: AdapterDirectory, reader: any SourceReader, logger: Logger) throws(AdapterError) {
        guard reader.partnerKind == directory.configuration.partnerKind else {
            throw AdapterError(
                .configuration,
                "'\(directory.url.path)' is a \(directory.configuration.partnerKind.rawValue) directory; the reader is for \(reader.partnerKind.rawValue) exports"
            )
        }
        self.lock = try DirectoryLock(directory: directory)
        self.directory = directory
        self.reader = reader
        self.logger = logger
        self.credentials = try directory.credentials()
        self.outbox = try Outbox(path: directory.outboxPath)
        let settings = directory.configuration
        do {
            self.client = try AggregatorClient(
                baseURL: settings.aggregatorURL, trustedCAPEM: credentials.trustedCAPEM,
                clientCertificateChainPEM: credentials.clientCertificateChainPEM,
                clientPrivateKeyPEM: credentials.clientPrivateKeyPEM,
                timeoutSeconds: Int64(settings.requestTimeoutSeconds))
        } catch {
            throw AdapterError(.configuration, error.message)
        }
    }

    /// Opens `directory` for a run, runs `body`, and releases the client and the directory lock.
    public static func with<Value>(
        directory: AdapterDirectory, reader: any SourceReader, logger: Logger = Logger(label: "credence.adapter"),
        _ body: (AdapterRuntime) async throws -> Value
    ) async throws -> Value {
        let runtime = try AdapterRuntime(directory: directory, reader: reader, logger: logger)
        let result: Result<Value, any Error>
        do {
            result = .success(try await body(runtime))
        } catch {
            result = .failure(error)
        }
        try? await runtime.client.shutdown()
        return try result.get()
    }

    // MARK: Modes

    /// Reads `files` into the outbox while pushing concurrently, then waits until every sealed batch has a
    /// verified receipt. Refused files are listed in the summary (the others are processed); a batch the
    /// aggregator refuses, or an aggregator unreachable for `give_up_after_seconds`, stops the run with
    /// an ``AdapterError`` and keeps the outbox.
    public func backfill(
        _ files: [URL], console: AdapterConsole? = nil, progress: ProgressStyle = .none
    ) async throws -> RunSummary {
        let run = makeRun(policy: directory.configuration.retryPolicy, highWaterMark: true)
        try await run.sink.rejectLog.repair(from: outbox)
        let reporter = console.map { ProgressReporter(counters: run.counters, console: $0, style: progress) }
        let refusals = try await (reporter ?? ProgressReporter.hidden(run.counters)).showing {
            try await withThrowingTaskGroup(of: [String].self) { group in
                group.addTask {
                    try await run.pusher.run()
                    return []
                }
                group.addTask {
                    var ingestion = run.ingestion(maxBatchAge: nil)
                    let refusals = try await ingestion.run(files)
                    run.sealed.close()
                    return refusals
                }
                var refusals: [String] = []
                for try await lines in group { refusals += lines }
                return refusals
            }
        }
        return RunSummary(run.counters, refusals: refusals, pending: try await outbox.pendingCount())
    }

    /// Reads `files` into the outbox without pushing (`push` or a later run delivers them).
    public func seal(_ files: [URL]) async throws -> RunSummary {
        let run = makeRun(policy: directory.configuration.retryPolicy, highWaterMark: false)
        try await run.sink.rejectLog.repair(from: outbox)
        var ingestion = run.ingestion(maxBatchAge: nil)
        let refusals = try await ingestion.run(files)
        return RunSummary(run.counters, refusals: refusals, pending: try await outbox.pendingCount())
    }

    /// Pushes every pending batch, then returns.
    public func push() async throws -> RunSummary {
        let run = makeRun(policy: directory.configuration.retryPolicy, highWaterMark: false)
        run.sealed.close()
        try await run.pusher.run()
        return RunSummary(run.counters, refusals: [], pending: try await outbox.pendingCount())
    }

    /// Watch mode as a service group: polls `dropDirectory` for new files, seals partial batches after the
    /// maximum age and pushes, until graceful shutdown (SIGTERM or SIGINT when `handlingSignals`, or
    /// ``ServiceGroup/triggerGracefulShutdown()``): the reader finishes its unit and seals what it holds,
    /// then the pusher stops after its request in flight. Retries never give up.
    public func watchGroup(dropDirectory: URL, handlingSignals: Bool = true) -> ServiceGroup {
        let settings = directory.configuration
        let run = makeRun(policy: settings.retryPolicy.forever(), highWaterMark: true)
        let watcher = DropDirectoryService(
            dropDirectory: dropDirectory,
            ingestion: run.ingestion(maxBatchAge: .milliseconds(Int64(settings.maxBatchAgeSeconds * 1000))),
            rejectLog: run.sink.rejectLog, outbox: outbox,
            pollInterval: .milliseconds(Int64(settings.pollIntervalSeconds * 1000)), logger: logger)
        return ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: PushService(pusher: run.pusher), serviceName: "push"),
                    .init(service: watcher, serviceName: "watch"),
                ],
                gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
                logger: logger))
    }

    // MARK: Wiring

    /// The parts of one run, sharing its counters and doorbells.
    struct Run: Sendable {
        let counters: RunCounters
        let sealed: Doorbell
        let sink: OutboxSink
        let pusher: OutboxPusher
        let reader: any SourceReader
        let context: RecordContext
        let maxRecordsPerBatch: Int
        let logger: Logger

        func ingestion(maxBatchAge: Duration?) -> SourceIngestion {
            SourceIngestion(
                reader: reader, context: context, validator: sink.signer.validator, sink: sink,
                maxRecordsPerBatch: maxRecordsPerBatch, maxBatchAge: maxBatchAge, counters: counters, logger: logger)
        }
    }

    private func makeRun(policy: RetryPolicy, highWaterMark: Bool) -> Run {
        let settings = directory.configuration
        let counters = RunCounters()
        let sealed = Doorbell()
        let acknowledged = Doorbell()
        let delivery = DeliveryContext(
            outbox: outbox, client: client, partnerID: settings.partnerID,
            receipts: ReceiptCheck(partnerID: settings.partnerID, log: credentials.log), policy: policy,
            counters: counters, acknowledged: acknowledged, logger: logger)
        let synchronizer = ChainSynchronizer(delivery: delivery)
        let sink = OutboxSink(
            outbox: outbox, signer: Self.signer(settings, credentials), synchronizer: synchronizer,
            rejectLog: RejectLog(folder: directory.rejectsURL), counters: counters, sealed: sealed,
            acknowledged: acknowledged, highWaterMark: highWaterMark ? settings.outboxHighWaterMark : nil,
            logger: logger)
        return Run(
            counters: counters, sealed: sealed, sink: sink,
            pusher: OutboxPusher(delivery: delivery, synchronizer: synchronizer, sealed: sealed), reader: reader,
            context: Self.recordContext(settings, credentials), maxRecordsPerBatch: settings.maxRecordsPerBatch,
            logger: logger)
    }

    static func signer(_ settings: AdapterConfiguration, _ credentials: AdapterCredentials) -> BatchSigner {
        // validate() checked both ids.
        BatchSigner(
            partnerID: PartnerID(unchecked: settings.partnerID), partnerKind: settings.partnerKind,
            audience: PartnerID(unchecked: settings.audience), keyEpoch: settings.keyEpoch,
            key: credentials.signingKey)
    }

    static func recordContext(_ settings: AdapterConfiguration, _ credentials: AdapterCredentials) -> RecordContext {
        RecordContext(
            partnerID: PartnerID(unchecked: settings.partnerID), linkageKey: credentials.linkageKey,
            defaultRegion: settings.region)
    }
}

/// The pusher as a service of watch mode's group.
struct PushService: Service {
    let pusher: OutboxPusher

    func run() async throws { try await pusher.run() }
}

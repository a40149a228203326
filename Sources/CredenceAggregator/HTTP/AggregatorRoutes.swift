import CredenceCertificates
import CredenceIngest
import CredenceLog
import CredenceProtocol
import CredenceStore
import Foundation
import Hummingbird
import NIOCore
import NIOSSL
import Synchronization
import TransparencyLog

/// Set once the server listens; `/readyz` answers 503 before.
final class ReadinessFlag: Sendable {
    let isReady = Atomic<Bool>(false)
}

/// The HTTP API (`protocol/openapi.yaml`): ingest, lookups, log proofs, operations and administration.
final class AggregatorRoutes: Sendable {
    let ingestor: BatchIngestor
    let store: any Store
    let log: LogState
    let metrics: AggregatorMetrics
    let configuration: AggregatorConfiguration
    let adminToken: String
    let rateLimiter: PartnerRateLimiter
    let ingestsInFlight = Atomic<Int>(0)
    let ready: ReadinessFlag
    let identities: any IdentityStore
    /// Wakes identity resolution after each appended batch.
    let appended: AsyncStream<Void>.Continuation
    let scores: any ScoreStore
    /// Wakes scoring after each inquiry.
    let inquiryRecorded: AsyncStream<Void>.Continuation
    /// Signs score reports: the aggregator's Ed25519 key, the one its log checkpoints are signed with.
    let signingKey: SigningKey

    init(
        ingestor: BatchIngestor, store: any Store, identities: any IdentityStore, scores: any ScoreStore,
        log: LogState, metrics: AggregatorMetrics, configuration: AggregatorConfiguration, adminToken: String,
        rateLimiter: PartnerRateLimiter, ready: ReadinessFlag, appended: AsyncStream<Void>.Continuation,
        inquiryRecorded: AsyncStream<Void>.Continuation, signingKey: SigningKey
    ) {
        self.scores = scores
        self.inquiryRecorded = inquiryRecorded
        self.signingKey = signingKey
        self.ingestor = ingestor
        self.store = store
        self.identities = identities
        self.appended = appended
        self.log = log
        self.metrics = metrics
        self.configuration = configuration
        self.adminToken = adminToken
        self.rateLimiter = rateLimiter
        self.ready = ready
    }

    static let envelopeMediaTypes: Set<String> = [
        "application/json", "application/dsse+json", "application/vnd.dsse.envelope.v1+json",
    ]

    func register(on router: Router<AggregatorRequestContext>) {
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        let allowedMethods = AllowedMethods()
        router.add(middleware: ProblemMiddleware(metrics: metrics, allowedMethods: allowedMethods))
        router.post("/v1/batches") { request, context in try await self.ingest(request, context) }
        router.get("/v1/batches/:batchID") { _, context in try await self.batch(context) }
        router.get("/v1/partners/:partnerID/sequence") { _, context in try await self.sequence(context) }
        router.get("/v1/log/checkpoint") { _, _ in try await self.checkpoint() }
        router.get("/v1/log/inclusion") { request, _ in try await self.inclusion(request) }
        router.get("/v1/log/consistency") { request, _ in try await self.consistency(request) }
        router.get("/healthz") { _, _ in json(["status": "ok"]) }
        router.get("/readyz") { _, _ in try await self.readiness() }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: self.metrics.exposition())))
        }
        let consumers = ConsumerRegistry(store: scores, now: { Int64(Date().timeIntervalSince1970) })
        ScoreRoutes(
            scores: scores, consumers: consumers, aggregatorID: PartnerID(unchecked: configuration.id),
            signingKey: signingKey, metrics: metrics, inquiryRecorded: inquiryRecorded
        ).register(on: router)
        AdminRoutes(
            store: store, identities: identities, scores: scores, consumers: consumers, adminToken: adminToken,
            linkingEnabled: (configuration.linkage ?? .init()).enabled
        ).register(on: router.group("/v1/admin"))
        allowedMethods.load(from: router)
    }

    // MARK: Ingest

    private func ingest(_ request: Request, _ context: AggregatorRequestContext) async throws -> Response {
        guard let mediaType = mediaType(of: request), Self.envelopeMediaTypes.contains(mediaType) else {
            throw ProblemError(
                .unsupportedMediaType,
                "Content-Type must be one of \(Self.envelopeMediaTypes.sorted().joined(separator: ", "))")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maxBodyBytes {
            throw ProblemError(
                .payloadTooLarge, "the body has \(length) bytes; the limit is \(configuration.maxBodyBytes)")
        }
        let inFlight = ingestsInFlight.wrappingAdd(1, ordering: .relaxed).newValue
        defer { ingestsInFlight.wrappingSubtract(1, ordering: .relaxed) }
        guard inFlight <= configuration.maxConcurrentIngests else {
            throw ProblemError(
                .overloaded, "\(inFlight - 1) batches are being ingested already; retry shortly", retryAfter: 1)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw ProblemError(.payloadTooLarge, "the body exceeds the limit of \(configuration.maxBodyBytes) bytes")
        }
        let partner = try await authenticatedPartner(context)
        let start = ContinuousClock.now
        let outcome: IngestOutcome
        do {
            outcome = try await ingestor.ingest(Array(buffer: body), authenticatedPartner: partner) { partnerID in
                self.rateLimiter.acquire(partnerID)
            }
        } catch {
            throw ProblemError(
                error.problem, error.detail, extensions: error.extensions,
                retryAfter: error.retryAfter ?? (error.problem.status == 503 ? 1 : nil))
        }
        switch outcome {
        case .appended(let receipt, _, let records):
            metrics.appended(records: records, commit: ContinuousClock.now - start)
            appended.yield()
            return jsonResponse(receipt, status: .created)
        case .replayed(let receipt, _):
            metrics.replayed()
            return jsonResponse(receipt, status: .ok)
        }
    }

    /// The partner id a client certificate proves, when the aggregator requires mTLS.
    private func authenticatedPartner(_ context: AggregatorRequestContext) async throws -> String? {
        guard configuration.requireClientCertificate else { return nil }
        let certificate = try? await context.channel.nioSSL_peerCertificate().get()
        guard let certificate, let der = try? certificate.toDERBytes(),
            let name = try? CertificateIdentity.commonName(ofDER: der)
        else {
            throw ProblemError(.unauthenticated, "a partner client certificate is required")
        }
        return name
    }

    // MARK: Lookups

    private func batch(_ context: AggregatorRequestContext) async throws -> Response {
        let batchID = try context.parameters.require("batchID")
        guard let stored = try await store.batch(id: batchID) else {
            throw ProblemError(.notFound, "no accepted batch has batch_id \(batchID)")
        }
        struct Metadata: Encodable {
            let batchID: String, partnerID: String, batchSeq: Int64, keyEpoch: Int, createdAt: String
            let receivedAt: String, recordCount: Int, leafIndex: Int, receipt: BatchReceipt
        }
        let metadata = Metadata(
            batchID: stored.batchID, partnerID: stored.partnerID, batchSeq: stored.sequence, keyEpoch: stored.keyEpoch,
            createdAt: Timestamp(secondsSinceEpoch: stored.createdAt).rawValue,
            receivedAt: Timestamp(secondsSinceEpoch: stored.receivedAt).rawValue, recordCount: stored.recordCount,
            leafIndex: stored.leafIndex, receipt: try BatchReceipt(json: stored.receipt))
        return json(metadata)
    }

    private func sequence(_ context: AggregatorRequestContext) async throws -> Response {
        let partnerID = try context.parameters.require("partnerID")
        let (partner, state) = try await store.partnerAndSequence(partnerID)
        guard partner != nil else {
            throw ProblemError(.notFound, "no registered partner '\(partnerID)'")
        }
        struct Sequence: Encodable {
            let partnerID: String
            let lastSeq: Int64
            let lastBatchID: String?
            let nextSeq: Int64
        }
        let last = state?.lastSequence ?? 0
        return json(
            Sequence(partnerID: partnerID, lastSeq: last, lastBatchID: state?.lastBatchID, nextSeq: last + 1))
    }

    // MARK: Log

    private func checkpoint() async throws -> Response {
        guard let latest = try await store.latestCheckpoint() else {
            throw ProblemError(.notFound, "the log is empty: no checkpoint yet")
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: latest.signedNote)))
    }

    private func inclusion(_ request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        guard let batchID = parameters["batch_id"].map(String.init) else {
            throw ProblemError(.malformedRequest, "query parameter batch_id is required")
        }
        guard let stored = try await store.batch(id: batchID) else {
            throw ProblemError(.notFound, "no accepted batch has batch_id \(batchID)")
        }
        let treeSize = try parameters["tree_size"].map { try Self.size($0, "tree_size") } ?? log.committedSize
        guard treeSize > stored.leafIndex, treeSize <= log.committedSize else {
            throw ProblemError(
                .malformedRequest, "tree_size must be in \(stored.leafIndex + 1)...\(log.committedSize) for this batch")
        }
        let proof = try log.inclusionProof(leafIndex: stored.leafIndex, treeSize: treeSize)
        struct Inclusion: Encodable {
            let batchID: String, leafIndex: Int, treeSize: Int, rootHash: String, inclusionProof: [String]
        }
        return json(
            Inclusion(
                batchID: batchID, leafIndex: stored.leafIndex, treeSize: treeSize,
                rootHash: try log.rootHash(forSize: treeSize).base64, inclusionProof: proof.map(\.base64)))
    }

    private func consistency(_ request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        guard let fromText = parameters["from"], let toText = parameters["to"] else {
            throw ProblemError(.malformedRequest, "query parameters from and to are required")
        }
        let from = try Self.size(fromText, "from")
        let to = try Self.size(toText, "to")
        guard from <= to, to <= log.committedSize else {
            throw ProblemError(
                .malformedRequest, "need 0 <= from <= to <= \(log.committedSize), got from=\(from) to=\(to)")
        }
        let proof = try log.consistencyProof(from: from, to: to)
        struct Consistency: Encodable {
            let from: Int, to: Int, fromRootHash: String, toRootHash: String, consistencyProof: [String]
        }
        return json(
            Consistency(
                from: from, to: to, fromRootHash: try log.rootHash(forSize: from).base64,
                toRootHash: try log.rootHash(forSize: to).base64, consistencyProof: proof.map(\.base64)))
    }

    private static func size(_ text: Substring, _ name: String) throws -> Int {
        guard let value = Int(text), value >= 0 else {
            throw ProblemError(.malformedRequest, "\(name) must be a non-negative integer, got '\(text)'")
        }
        return value
    }

    // MARK: Operations

    private func readiness() async throws -> Response {
        guard ready.isReady.load(ordering: .relaxed) else {
            throw ProblemError(.overloaded, "starting up", retryAfter: 1)
        }
        do {
            _ = try await store.statistics()
        } catch {
            throw ProblemError(.overloaded, "the store is not answering: \(error)", retryAfter: 1)
        }
        return json(["status": "ready"])
    }
}

func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return jsonResponse(Array((try? encoder.encode(value)) ?? Data()), status: status)
}

func jsonResponse(_ bytes: [UInt8], status: HTTPResponse.Status) -> Response {
    Response(
        status: status, headers: [.contentType: "application/json"],
        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}

import CredenceProtocol
import Hummingbird
import Prometheus

/// The aggregator's Prometheus metrics, served at `/metrics`.
public final class AggregatorMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let batchesAppended: Prometheus.Counter
    private let batchesReplayed: Prometheus.Counter
    private let recordsAccepted: Prometheus.Counter
    private let commitDuration: DurationHistogram
    private let personsScored: Prometheus.Counter
    private let scoringDuration: DurationHistogram
    private let reportsIssued: Prometheus.Counter

    private static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
        .seconds(5),
    ]

    public convenience init() {
        self.init(registry: PrometheusCollectorRegistry())
    }

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        let batches = Self.descriptor(
            "batches_accepted", "total", "Batches accepted, by outcome (appended, or an idempotent replay)")
        batchesAppended = registry.makeCounter(descriptor: batches, labels: [("outcome", "appended")])
        batchesReplayed = registry.makeCounter(descriptor: batches, labels: [("outcome", "replayed")])
        recordsAccepted = registry.makeCounter(
            descriptor: Self.descriptor("records_accepted", "total", "Records in appended batches"))
        commitDuration = registry.makeDurationHistogram(
            descriptor: Self.descriptor(
                "store_commit_duration", "seconds",
                "Time from a verified batch to its committed transaction (sequence check, append, checkpoint)"),
            buckets: Self.latencyBuckets)
        personsScored = registry.makeCounter(
            descriptor: Self.descriptor("persons_scored", "total", "Persons whose features and score were computed"))
        scoringDuration = registry.makeDurationHistogram(
            descriptor: Self.descriptor(
                "scoring_step_duration", "seconds", "Time of a scoring step: read files, compute, commit"),
            buckets: Self.latencyBuckets)
        reportsIssued = registry.makeCounter(
            descriptor: Self.descriptor("score_reports_issued", "total", "Signed score reports issued to consumers"))
        for problem in ProblemType.all { _ = rejectionCounter(problem) }
    }

    func scored(persons: Int, duration: Duration) {
        personsScored.increment(by: Int64(persons))
        scoringDuration.record(duration)
    }

    func reportIssued() { reportsIssued.increment() }

    func appended(records: Int, commit: Duration) {
        batchesAppended.increment()
        recordsAccepted.increment(by: Int64(records))
        commitDuration.record(commit)
    }

    func replayed() { batchesReplayed.increment() }

    func rejected(_ problem: ProblemType) { rejectionCounter(problem).increment() }

    func requestDuration(route: String, method: String, status: Int, duration: Duration) {
        registry.makeDurationHistogram(
            descriptor: Self.descriptor(
                "http_request_duration", "seconds", "HTTP request latency by route, method and status"),
            labels: [("route", route), ("method", method), ("status", String(status))], buckets: Self.latencyBuckets
        ).record(duration)
    }

    private func rejectionCounter(_ problem: ProblemType) -> Prometheus.Counter {
        registry.makeCounter(
            descriptor: Self.descriptor("rejections", "total", "Rejected requests by problem type"),
            labels: [("type", problem.slug)])
    }

    private static func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "credence", metricName: name, unitName: unit, helpText: help)
    }

    /// The Prometheus text exposition.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}

/// Records each request's latency under its route pattern (not the raw path, which would explode the labels).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: AggregatorMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        metrics.requestDuration(
            route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: response.status.code,
            duration: ContinuousClock.now - start)
        return response
    }
}

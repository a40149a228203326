/// Limits an aggregator enforces on each batch.
public struct IngestLimits: Sendable, Equatable {
    public var maximumRecords: Int
    /// How far in the future `created_at` may be, for clock skew between partner and aggregator.
    public var maximumFutureSkewSeconds: Int64

    public init(maximumRecords: Int = 10_000, maximumFutureSkewSeconds: Int64 = 300) {
        self.maximumRecords = maximumRecords
        self.maximumFutureSkewSeconds = maximumFutureSkewSeconds
    }
}

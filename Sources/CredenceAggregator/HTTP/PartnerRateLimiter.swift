import CredencePrimitives
import Synchronization

/// A token bucket per partner: `rate` batches per second, bursts up to `burst`. Memory is bounded by the
/// number of registered partners (buckets are keyed by verified partner ids only).
final class PartnerRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let rate: Double
    private let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    init(rate: Double, burst: Int) {
        self.rate = rate
        self.burst = Double(burst)
    }

    /// Takes a token for `partner`; nil when allowed, else the seconds until a token is available.
    func acquire(_ partner: String, now: ContinuousClock.Instant = .now) -> Int? {
        guard rate > 0 else { return nil }
        return buckets.withLock { buckets in
            var bucket = buckets[partner] ?? Bucket(tokens: burst, updated: now)
            let elapsed = now - bucket.updated
            bucket.tokens = min(burst, bucket.tokens + elapsed.inSeconds * rate)
            bucket.updated = now
            defer { buckets[partner] = bucket }
            guard bucket.tokens >= 1 else {
                return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
            }
            bucket.tokens -= 1
            return nil
        }
    }
}

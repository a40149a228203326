#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The line between points and odds: a score of ``baseScore`` means odds of ``baseOdds`` goods to one bad,
/// and every ``pdo`` points more double those odds. So score = offset + factor · ln(odds of good), with
/// factor = pdo / ln 2 and offset = baseScore − factor · ln(baseOdds).
public struct ScoreScaling: Sendable, Equatable {
    public var pdo: Double
    public var baseScore: Double
    public var baseOdds: Double

    public init(pdo: Double = 20, baseScore: Double = 600, baseOdds: Double = 50) {
        self.pdo = pdo
        self.baseScore = baseScore
        self.baseOdds = baseOdds
    }

    /// Points per unit of log-odds.
    public var factor: Double { pdo / log(2) }

    /// The score of even odds (ln odds 0).
    public var offset: Double { baseScore - factor * log(baseOdds) }

    /// The odds of being good at `score`: baseOdds · 2^((score − baseScore) / pdo).
    public func oddsOfGood(score: Double) -> Double { baseOdds * exp2((score - baseScore) / pdo) }

    /// The probability of being bad at `score`: 1 / (1 + odds of good).
    public func probabilityBad(score: Double) -> Double { 1 / (1 + oddsOfGood(score: score)) }

    /// Why the scaling cannot be used, or nil: both `pdo` and `baseOdds` must be positive and every value finite.
    public var problem: String? {
        guard pdo.isFinite, pdo > 0 else { return "pdo \(pdo): a positive number of points is expected" }
        guard baseOdds.isFinite, baseOdds > 0 else { return "base odds \(baseOdds): a positive ratio is expected" }
        guard baseScore.isFinite else { return "base score \(baseScore): a finite number is expected" }
        return nil
    }
}

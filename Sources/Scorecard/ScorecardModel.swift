/// A scorecard (protocol/scorecard.md): a versioned points table. A person's score is ``basePoints`` plus,
/// for every feature, the points of the bin their value falls in; the scaling (``pdo``, ``baseScore``,
/// ``baseOdds``) turns a score back into odds of being good.
///
/// Decoded only through ``decode(json:allowedFeatures:)`` (or checked with ``validate(allowedFeatures:)``
/// when built in code), so that a model in use never has a gap in its bins or a banned feature.
public struct ScorecardModel: Sendable, Equatable, Codable {
    /// The value of ``format`` this version of the loader reads.
    public static let currentFormat = "credence.scorecard.v1"
    /// At most this many reason codes accompany a score.
    public static let maximumReasons = 4

    public var format: String
    /// Published with every score, so that a consumer can tell which table produced it.
    public var modelVersion: String
    /// When the model was built (RFC 3339 UTC).
    public var created: String
    /// What "bad" means for this model, in words: the outcome the probabilities are probabilities of.
    public var target: String
    /// Points that double the odds of being good.
    public var pdo: Double
    /// The score at which the odds of being good are ``baseOdds`` to 1.
    public var baseScore: Double
    public var baseOdds: Double
    /// Points everyone starts from (the fitted intercept, scaled).
    public var basePoints: Double
    /// In the model's order, which breaks ties between equal reason-code shortfalls.
    public var features: [ScorecardFeature]
    /// How the model was fitted, for documentation; absent from hand-written models.
    public var fit: FitSummary?

    public init(
        modelVersion: String, created: String, target: String, scaling: ScoreScaling, basePoints: Double,
        features: [ScorecardFeature], fit: FitSummary? = nil
    ) {
        self.format = Self.currentFormat
        self.modelVersion = modelVersion
        self.created = created
        self.target = target
        self.pdo = scaling.pdo
        self.baseScore = scaling.baseScore
        self.baseOdds = scaling.baseOdds
        self.basePoints = basePoints
        self.features = features
        self.fit = fit
    }

    public var scaling: ScoreScaling { ScoreScaling(pdo: pdo, baseScore: baseScore, baseOdds: baseOdds) }
}

/// One input of a scorecard and its points table.
public struct ScorecardFeature: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Ordered intervals of a number.
        case numeric
        /// Sets of text values, with one bin for every value the sets do not name.
        case categorical
    }

    /// The feature's name as the data names it (a CSV column, a feature of the aggregator's catalog).
    public var name: String
    /// A stable short code consumers key on (`UTILIZATION_HIGH`); unique within the model.
    public var reasonCode: String
    /// The sentence a consumer reads when this feature cost them points.
    public var reason: String
    public var kind: Kind
    /// Numeric: intervals from below to above, `[lower, upper)`, covering the line without gap or overlap.
    /// Categorical: value sets, exactly one of them the ``ScorecardBin/Range/otherCategories`` bin.
    public var bins: [ScorecardBin]
    /// Points for a missing value.
    public var missingPoints: Double
    /// The training statistics of the missing values' bin, when training had missing values.
    public var missing: BinStatistics?
    /// How the bad rate moves with the value (numeric features fitted with a monotonic trend).
    public var trend: BadRateTrend?
    /// The feature's information value on the training data.
    public var informationValue: Double?
    /// The logistic regression coefficient of the feature's weight of evidence.
    public var coefficient: Double?

    public init(
        name: String, reasonCode: String, reason: String, kind: Kind, bins: [ScorecardBin], missingPoints: Double,
        missing: BinStatistics? = nil, trend: BadRateTrend? = nil, informationValue: Double? = nil,
        coefficient: Double? = nil
    ) {
        self.name = name
        self.reasonCode = reasonCode
        self.reason = reason
        self.kind = kind
        self.bins = bins
        self.missingPoints = missingPoints
        self.missing = missing
        self.trend = trend
        self.informationValue = informationValue
        self.coefficient = coefficient
    }

    /// The most points the feature gives: the reference a reason code's shortfall is measured from.
    public var bestPoints: Double { bins.reduce(missingPoints) { max($0, $1.points) } }
}

/// The direction of a numeric feature's bad rate as its value grows.
public enum BadRateTrend: String, Sendable, Codable, CaseIterable {
    /// Higher values are riskier (utilization).
    case increasing
    /// Higher values are safer (months since the last delinquency).
    case decreasing
}

/// What a bin covers, its points, and what training saw in it.
public struct ScorecardBin: Sendable, Equatable {
    public enum Range: Sendable, Equatable {
        /// `lower <= value < upper`; nil is open (the first bin's lower, the last bin's upper).
        case interval(lower: Double?, upper: Double?)
        /// Exactly these values.
        case categories([String])
        /// Every value no other bin names, including values never seen in training.
        case otherCategories
    }

    public var range: Range
    public var points: Double
    public var statistics: BinStatistics?

    public init(range: Range, points: Double, statistics: BinStatistics? = nil) {
        self.range = range
        self.points = points
        self.statistics = statistics
    }
}

/// Training rows in a bin: how many, the share of them that were bad, and the bin's weight of evidence.
public struct BinStatistics: Sendable, Equatable, Codable {
    public var count: Int
    public var badRate: Double
    /// ln(share of all goods in the bin / share of all bads in the bin): positive is safer than average.
    public var woe: Double

    public init(count: Int, badRate: Double, woe: Double) {
        self.count = count
        self.badRate = badRate
        self.woe = woe
    }
}

/// How a fitted model did on its training data, and which columns it left out and why.
public struct FitSummary: Sendable, Equatable, Codable {
    public var rows: Int
    public var bads: Int
    public var badRate: Double
    /// Area under the ROC curve: the chance that a random good scores above a random bad.
    public var auc: Double
    /// 2·AUC − 1.
    public var gini: Double
    /// Kolmogorov–Smirnov: the largest gap between the score distributions of goods and bads.
    public var ks: Double
    public var minimumInformationValue: Double
    public var screenedOut: [ScreenedColumn]

    public init(
        rows: Int, bads: Int, auc: Double, gini: Double, ks: Double, minimumInformationValue: Double,
        screenedOut: [ScreenedColumn]
    ) {
        self.rows = rows
        self.bads = bads
        self.badRate = rows > 0 ? Double(bads) / Double(rows) : 0
        self.auc = auc
        self.gini = gini
        self.ks = ks
        self.minimumInformationValue = minimumInformationValue
        self.screenedOut = screenedOut
    }
}

/// A candidate column the fit did not use.
public struct ScreenedColumn: Sendable, Equatable, Codable {
    public var name: String
    public var informationValue: Double?
    public var reason: String

    public init(name: String, informationValue: Double?, reason: String) {
        self.name = name
        self.informationValue = informationValue
        self.reason = reason
    }
}

/// A bin is written flat: `lower`/`upper` (null for open ends), `values`, or `"other": true`, next to its
/// `points` and, when fitted, `count`, `bad_rate` and `woe`.
extension ScorecardBin: Codable {
    private enum CodingKeys: String, CodingKey {
        case lower, upper, values, other, points, count, badRate, woe
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hasInterval = container.contains(.lower) || container.contains(.upper)
        let hasValues = container.contains(.values)
        let hasOther = container.contains(.other)
        guard [hasInterval, hasValues, hasOther].filter({ $0 }).count == 1 else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "a bin has exactly one of 'lower'/'upper' (numeric), 'values' or 'other'"))
        }
        if hasInterval {
            guard container.contains(.lower), container.contains(.upper) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "a numeric bin has both 'lower' and 'upper' (null for an open end)"))
            }
            range = .interval(
                lower: try container.decodeIfPresent(Double.self, forKey: .lower),
                upper: try container.decodeIfPresent(Double.self, forKey: .upper))
        } else if hasValues {
            range = .categories(try container.decode([String].self, forKey: .values))
        } else {
            guard try container.decode(Bool.self, forKey: .other) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath + [CodingKeys.other],
                        debugDescription: "'other' is true when present"))
            }
            range = .otherCategories
        }
        points = try container.decode(Double.self, forKey: .points)
        let count = try container.decodeIfPresent(Int.self, forKey: .count)
        let badRate = try container.decodeIfPresent(Double.self, forKey: .badRate)
        let woe = try container.decodeIfPresent(Double.self, forKey: .woe)
        switch (count, badRate, woe) {
        case (let count?, let badRate?, let woe?): statistics = BinStatistics(count: count, badRate: badRate, woe: woe)
        case (nil, nil, nil): statistics = nil
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "a bin has all of 'count', 'bad_rate' and 'woe', or none of them"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch range {
        case .interval(let lower, let upper):
            if let lower {
                try container.encode(lower, forKey: .lower)
            } else {
                try container.encodeNil(forKey: .lower)
            }
            if let upper {
                try container.encode(upper, forKey: .upper)
            } else {
                try container.encodeNil(forKey: .upper)
            }
        case .categories(let values): try container.encode(values, forKey: .values)
        case .otherCategories: try container.encode(true, forKey: .other)
        }
        try container.encode(points, forKey: .points)
        if let statistics {
            try container.encode(statistics.count, forKey: .count)
            try container.encode(statistics.badRate, forKey: .badRate)
            try container.encode(statistics.woe, forKey: .woe)
        }
    }
}

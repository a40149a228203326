/// A person's value of one feature.
public enum FeatureValue: Sendable, Equatable {
    /// A number; NaN counts as missing. A categorical feature looks it up by its text (`3`, `2.5`).
    case number(Double)
    /// A text value; empty counts as missing. A numeric feature parses it as a number (missing if it is none).
    case category(String)
    case missing
}

/// A feature that cost the person points: its reason code and sentence, and how far below the feature's best
/// points they fell.
public struct ReasonCode: Sendable, Equatable {
    public let feature: String
    public let code: String
    public let reason: String
    public let shortfall: Double
}

/// One person's result: the score (``points`` exactly, ``score`` rounded for presentation), the probability
/// of being bad at that score, and up to four reasons, the largest shortfall first.
public struct ScoreResult: Sendable, Equatable {
    public let points: Double
    public let score: Int
    public let probabilityBad: Double
    public let reasons: [ReasonCode]
}

extension ScorecardModel {
    /// Scores one person from values in the model's feature order (``features``).
    public func score(_ values: [FeatureValue]) -> ScoreResult {
        precondition(values.count == features.count, "one value per model feature, in the model's order")
        var total = basePoints
        var shortfalls: [(index: Int, shortfall: Double)] = []
        for (index, feature) in features.enumerated() {
            let points = feature.points(for: values[index])
            total += points
            let shortfall = feature.bestPoints - points
            if shortfall > 0 { shortfalls.append((index, shortfall)) }
        }
        return ScoreResult(
            points: total, score: Self.presentedScore(total), probabilityBad: scaling.probabilityBad(score: total),
            reasons: Self.largestShortfalls(shortfalls).map { index, shortfall in
                let feature = features[index]
                return ReasonCode(
                    feature: feature.name, code: feature.reasonCode, reason: feature.reason, shortfall: shortfall)
            })
    }

    /// Scores one person from values by feature name; a feature without a value is missing.
    public func score(_ values: [String: FeatureValue]) -> ScoreResult {
        score(features.map { values[$0.name] ?? .missing })
    }

    /// The integer a consumer sees: the points rounded half away from zero.
    public static func presentedScore(_ points: Double) -> Int { Int(points.rounded(.toNearestOrAwayFromZero)) }

    /// The up to ``maximumReasons`` largest shortfalls, largest first; equal ones keep the model's feature order.
    static func largestShortfalls(_ shortfalls: [(index: Int, shortfall: Double)]) -> [(Int, Double)] {
        // `sorted` is not stable: the feature index breaks ties explicitly.
        shortfalls.sorted { $0.shortfall != $1.shortfall ? $0.shortfall > $1.shortfall : $0.index < $1.index }
            .prefix(maximumReasons).map { ($0.index, $0.shortfall) }
    }
}

extension ScorecardFeature {
    /// The index of the bin `value` falls in, or nil for a missing value.
    public func binIndex(for value: FeatureValue) -> Int? {
        switch kind {
        case .numeric:
            guard let number = value.number, !number.isNaN else { return nil }
            return bins.firstIndex { bin in
                guard case .interval(_, let upper) = bin.range else { return false }
                return upper.map { number < $0 } ?? true
            }
        case .categorical:
            guard let text = value.text, !text.isEmpty else { return nil }
            return bins.firstIndex { bin in
                switch bin.range {
                case .categories(let values): values.contains(text)
                case .interval, .otherCategories: false
                }
            } ?? bins.firstIndex { $0.range == .otherCategories }
        }
    }

    /// The points `value` earns.
    public func points(for value: FeatureValue) -> Double {
        binIndex(for: value).map { bins[$0].points } ?? missingPoints
    }
}

extension FeatureValue {
    var number: Double? {
        switch self {
        case .number(let number): number
        case .category(let text): Double(text)
        case .missing: nil
        }
    }

    var text: String? {
        switch self {
        case .number(let number): number.isNaN ? nil : plainText(of: number)
        case .category(let text): text
        case .missing: nil
        }
    }
}

/// A number as a person writes it: `3`, not `3.0`; `2.5`.
func plainText(of number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
}

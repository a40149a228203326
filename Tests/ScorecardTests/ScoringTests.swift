import CredenceProtocol
import Scorecard
import Testing

/// Scaling arithmetic, reason-code order, and the compiled scorer against the reference one.
struct ScoringTests {
    /// A numeric feature with bins split at `thresholds` earning `points` (one more than the thresholds).
    static func numeric(_ name: String, thresholds: [Double], points: [Double], missing: Double = 0)
        -> ScorecardFeature
    {
        let lowers: [Double?] = [nil] + thresholds
        let uppers: [Double?] = thresholds + [nil]
        return ScorecardFeature(
            name: name, reasonCode: name.uppercased(), reason: "Reason for \(name)", kind: .numeric,
            bins: points.indices.map {
                ScorecardBin(range: .interval(lower: lowers[$0], upper: uppers[$0]), points: points[$0])
            }, missingPoints: missing)
    }

    static func model(_ features: [ScorecardFeature], basePoints: Double = 500) -> ScorecardModel {
        ScorecardModel(
            modelVersion: "test", created: "2025-01-01T00:00:00Z", target: "bad", scaling: ScoreScaling(),
            basePoints: basePoints, features: features)
    }

    @Test func scalingMatchesHandComputedValues() {
        let scaling = ScoreScaling(pdo: 20, baseScore: 600, baseOdds: 50)
        // factor = 20 / ln 2; offset = 600 − factor · ln 50.
        #expect(abs(scaling.factor - 28.85390081777927) < 1e-12)
        #expect(abs(scaling.offset - 487.1228762045055) < 1e-9)
        #expect(abs(scaling.probabilityBad(score: 600) - 1.0 / 51.0) < 1e-15)
        #expect(abs(scaling.probabilityBad(score: 620) - 1.0 / 101.0) < 1e-15)
        #expect(abs(scaling.probabilityBad(score: 580) - 1.0 / 26.0) < 1e-15)
        #expect(abs(scaling.oddsOfGood(score: 487.1228762045055) - 1) < 1e-12)
        #expect(ScoreScaling(pdo: -1).problem != nil)
        #expect(ScoreScaling(baseOdds: 0).problem != nil)
    }

    @Test func presentedScoresRoundHalfAwayFromZero() {
        #expect(ScorecardModel.presentedScore(612.5) == 613)
        #expect(ScorecardModel.presentedScore(612.4999) == 612)
        #expect(ScorecardModel.presentedScore(-0.5) == -1)
    }

    /// Shortfalls 10, 30, 10, 0, 20 and 5: the four largest in decreasing order, the tie in model order.
    @Test func reasonsAreTheFourLargestShortfallsWithTiesInModelOrder() {
        let features = [
            Self.numeric("a", thresholds: [1], points: [10, 20]),
            Self.numeric("b", thresholds: [1], points: [0, 30]),
            Self.numeric("c", thresholds: [1], points: [5, 15]),
            Self.numeric("d", thresholds: [1], points: [8, 8]),
            Self.numeric("e", thresholds: [1], points: [-20, 0]),
            Self.numeric("f", thresholds: [1], points: [1, 6]),
        ]
        let model = Self.model(features)
        let values = Array(repeating: FeatureValue.number(0), count: 6)
        let result = model.score(values)
        #expect(result.points == 500 + 10 + 0 + 5 + 8 - 20 + 1)
        #expect(result.reasons.map(\.code) == ["B", "E", "A", "C"])
        #expect(result.reasons.map(\.shortfall) == [30, 20, 10, 10])
        let compiled = CompiledScorecard(model)
        var matrix = FeatureMatrix(rowCount: 1, featureCount: 6)
        for feature in 0..<6 { matrix[feature: feature, row: 0] = 0 }
        #expect(compiled.score(matrix).reasons(row: 0) == [1, 4, 0, 2])
        // Everyone at their best points has no reasons.
        #expect(model.score(Array(repeating: .number(5), count: 6)).reasons.isEmpty)
    }

    @Test func missingValuesScoreMissingPointsAndCanBeTheBest() {
        let model = Self.model([Self.numeric("a", thresholds: [0], points: [1, 2], missing: 7)])
        let result = model.score([.missing])
        #expect(result.points == 507)
        #expect(result.reasons.isEmpty)
        #expect(model.score([.number(.nan)]).points == 507)
        #expect(model.score([.number(3)]).reasons.map(\.shortfall) == [5])
    }

    /// Random models and random people: the compiled scorer gives the reference scorer's points and reasons.
    @Test(arguments: [1, 2, 3, 4])
    func compiledScoringMatchesReferenceScoring(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let categories = ["red", "green", "blue", "cyan", "amber", "white"]
        var features: [ScorecardFeature] = []
        for index in 0..<Int.random(in: 1...12, using: &generator) {
            // Points on a coarse grid so that equal shortfalls (ties) actually happen.
            func points() -> Double { Double(Int.random(in: -4...4, using: &generator)) * 5 }
            if Bool.random(using: &generator) {
                let thresholds = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                    Double(Int.random(in: -50...50, using: &generator))
                }
                let sorted = Array(Set(thresholds)).sorted()
                features.append(
                    Self.numeric(
                        "n\(index)", thresholds: sorted, points: (0...sorted.count).map { _ in points() },
                        missing: points()))
            } else {
                let shuffled = categories.shuffled(using: &generator)
                let cut = Int.random(in: 1...4, using: &generator)
                features.append(
                    ScorecardFeature(
                        name: "c\(index)", reasonCode: "C\(index)", reason: "Category \(index)", kind: .categorical,
                        bins: [
                            ScorecardBin(range: .categories(Array(shuffled[..<cut])), points: points()),
                            ScorecardBin(range: .otherCategories, points: points()),
                            ScorecardBin(range: .categories(Array(shuffled[cut..<5])), points: points()),
                        ], missingPoints: points()))
            }
        }
        let model = Self.model(features, basePoints: Double(Int.random(in: 300...600, using: &generator)))
        #expect(throws: Never.self) { try model.validate() }
        let compiled = CompiledScorecard(model)
        let rows = 5_000
        var people: [[FeatureValue]] = []
        var matrix = FeatureMatrix(rowCount: rows, featureCount: features.count)
        for row in 0..<rows {
            let person = features.map { feature -> FeatureValue in
                if Int.random(in: 0..<10, using: &generator) == 0 { return .missing }
                switch feature.kind {
                case .numeric:
                    // Integers hit the thresholds exactly; halves fall between them.
                    return .number(Double(Int.random(in: -120...120, using: &generator)) / 2)
                case .categorical: return .category((categories + ["unseen"]).randomElement(using: &generator)!)
                }
            }
            for (feature, value) in person.enumerated() {
                matrix[feature: feature, row: row] = compiled.encode(value, feature: feature)
            }
            people.append(person)
        }
        let scores = compiled.score(matrix)
        let pointsOnly = compiled.points(matrix)
        for row in 0..<rows {
            let reference = model.score(people[row])
            #expect(abs(scores.points[row] - reference.points) < 1e-9)
            #expect(pointsOnly[row] == scores.points[row])
            let expected = reference.reasons.map { reason in features.firstIndex { $0.name == reason.feature }! }
            #expect(scores.reasons(row: row) == expected)
        }
    }
}

import CredenceProtocol
import Foundation
import Scorecard
import Testing

/// Binning, weight of evidence, regression and scaling, each against values computed by hand, and the fitter
/// on data with a planted signal.
struct FittingTests {
    static let settings = ScorecardFitSettings(modelVersion: "test", created: "2025-01-01T00:00:00Z", target: "bad")

    /// Rows of a two-valued feature: 400 goods and 100 bads at 0, 300 goods and 200 bads at 1.
    static func twoBinTable() -> (values: [Double], isBad: [Bool]) {
        let cells: [(value: Double, bad: Bool, count: Int)] = [
            (0, false, 400), (0, true, 100), (1, false, 300), (1, true, 200),
        ]
        var values: [Double] = []
        var isBad: [Bool] = []
        for cell in cells {
            values += Array(repeating: cell.value, count: cell.count)
            isBad += Array(repeating: cell.bad, count: cell.count)
        }
        return (values, isBad)
    }

    @Test func weightOfEvidenceAndInformationValueMatchHandComputation() {
        // WoE = ln((400/700) / (100/300)) and ln((300/700) / (200/300)); IV = Σ (goods share − bads share) · WoE.
        let table = WeightOfEvidence.table(goods: [400, 300], bads: [100, 200])
        #expect(abs(table.woe[0] - 0.5389965007326869) < 1e-12)
        #expect(abs(table.woe[1] - -0.4418327522790392) < 1e-12)
        #expect(abs(table.informationValue - 0.23353077452660143) < 1e-12)
    }

    @Test func aBinWithoutGoodsIsSmoothedByHalfACount() {
        // Bin 1: ln((10/10) / (5/10)) = ln 2. Bin 2 has no goods: ln((0.5/10) / (5.5/10)) = ln(1/11).
        let table = WeightOfEvidence.table(goods: [10, 0], bads: [5, 5])
        #expect(abs(table.woe[0] - log(2)) < 1e-12)
        #expect(abs(table.woe[1] - log(1.0 / 11.0)) < 1e-12)
        let expectedIV = (1.0 - 0.5) * log(2) + (0.05 - 0.55) * log(1.0 / 11.0)
        #expect(abs(table.informationValue - expectedIV) < 1e-12)
    }

    /// With one two-bin feature the WoE model is saturated: the regression finds coefficient 1 and intercept
    /// ln(700/300), so each bin's score is exactly the score of its observed odds, 4:1 and 1.5:1.
    @Test func pointsScaleAsComputedByHand() throws {
        let (values, isBad) = Self.twoBinTable()
        let fit = try ScorecardFitter.fit(
            candidates: [TrainingColumn(name: "x", values: .numeric(values))], isBad: isBad, settings: Self.settings)
        let model = fit.model
        let feature = try #require(model.features.first)
        #expect(feature.bins.count == 2)
        #expect(abs(try #require(feature.coefficient) - 1) < 1e-3)
        // factor · WoE per bin; base points = offset + factor · ln(700/300).
        #expect(abs(feature.bins[0].points - 15.55215157327104) < 0.01)
        #expect(abs(feature.bins[1].points - -12.748598412305833) < 0.01)
        #expect(abs(model.basePoints - 511.57072463123444) < 0.01)
        // 600 + 20 · log2(4/50) and 600 + 20 · log2(1.5/50).
        #expect(abs(model.score([.number(0)]).points - 527.1228762045055) < 0.01)
        #expect(abs(model.score([.number(1)]).points - 498.8221262189286) < 0.01)
        #expect(abs(model.score([.number(0)]).probabilityBad - 0.2) < 1e-4)
        #expect(
            feature.bins[0].statistics == BinStatistics(count: 500, badRate: 0.2, woe: feature.bins[0].statistics!.woe))
        #expect(abs(try #require(feature.informationValue) - 0.23353077452660143) < 1e-12)
        #expect(feature.missingPoints == 0)
        // AUC: goods at 0 outscore bads at 1 (400 · 200 pairs), ties count half.
        let winningPairs: Double = 400 * 200
        let tiedPairs: Double = 400 * 100 + 300 * 200
        let auc = (winningPairs + tiedPairs / 2) / (700 * 300)
        #expect(abs(fit.discrimination.auc - auc) < 1e-12)
        #expect(abs(fit.discrimination.gini - (2 * auc - 1)) < 1e-12)
    }

    /// Noisy data whose bad rate rises with the value: the coarse bins' bad rates rise strictly, every bin holds
    /// at least 5 % of the rows and both outcomes, and no run of equal values is split.
    @Test(arguments: [7, 8, 9])
    func coarseBinsAreMonotonicAndLargeEnough(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var values: [Double] = []
        var isBad: [Bool] = []
        for _ in 0..<4_000 {
            let value = Double(Int.random(in: 0...100, using: &generator))
            // A rising trend with a wiggle that makes the fine bins non-monotonic.
            let rate = 0.05 + 0.25 * value / 100 + 0.06 * sin(value / 4)
            values.append(Int.random(in: 0..<20, using: &generator) == 0 ? .nan : value)
            isBad.append(Double.random(in: 0..<1, using: &generator) < rate)
        }
        let column = Binning.numeric(name: "x", values: values, isBad: isBad, trend: nil, settings: BinningSettings())
        #expect(column.trend == .increasing)
        #expect(column.ranges.count >= 2)
        let rates = column.badRates
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 < $1 }, "\(rates)")
        for index in column.ranges.indices {
            #expect(column.goods[index] + column.bads[index] >= 200)
            #expect(column.goods[index] > 0 && column.bads[index] > 0)
        }
        #expect(column.missingGoods + column.missingBads == values.filter(\.isNaN).count)
        for case .interval(let lower?, _) in column.ranges { #expect(lower == lower.rounded()) }
        // Declaring the opposite trend still gives monotonic (here: fewer) bins in the declared direction.
        let declared = Binning.numeric(
            name: "x", values: values, isBad: isBad, trend: .decreasing, settings: BinningSettings())
        let declaredRates = declared.badRates
        #expect(zip(declaredRates, declaredRates.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func categoriesAreOrderedByBadRateAndSmallOnesMerged() {
        // a: 10 % bad (400 rows), b: 40 % (400), c: 20 % (180), d: 0 % (20, too small and without bads).
        var codes: [Int32] = []
        var isBad: [Bool] = []
        for (code, rows, bads) in [(0, 400, 40), (1, 400, 160), (2, 180, 36), (3, 20, 0)] {
            codes += Array(repeating: Int32(code), count: rows)
            isBad += (0..<rows).map { $0 < bads }
        }
        let column = Binning.categorical(
            name: "kind", codes: codes, categories: ["a", "b", "c", "d"], isBad: isBad, settings: BinningSettings())
        #expect(column.ranges == [.categories(["d", "a"]), .categories(["c"]), .categories(["b"])])
        #expect(column.goods == [380, 144, 240])
        #expect(column.bads == [40, 36, 160])
    }

    @Test func discriminationMatchesHandComputation() {
        let measured = Discrimination(scores: [1, 2, 3, 4], isBad: [true, false, true, false])
        #expect(measured.auc == 0.75)
        #expect(measured.gini == 0.5)
        #expect(measured.ks == 0.5)
        #expect(Discrimination(scores: [1, 1], isBad: [true, false]).auc == 0.5)
    }

    @Test func logisticRegressionRecoversTheSaturatedModel() {
        let (values, isBad) = Self.twoBinTable()
        let fit = LogisticRegression.fit(columns: [values], positive: isBad, ridge: 0)
        // ln odds of bad: ln(100/400) at 0, ln(200/300) at 1.
        #expect(abs(fit.intercept - log(0.25)) < 1e-9)
        #expect(abs(fit.coefficients[0] - (log(200.0 / 300) - log(0.25))) < 1e-9)
    }

    /// Synthetic applicants: risk rises with utilization and falls with account age, a noise column carries
    /// nothing, and a protected group is reported, never used.
    @Test func fitFindsThePlantedSignalAndReportsAdverseImpact() throws {
        var generator = SplitMix64(seed: 11)
        var utilization: [Double] = []
        var accountAge: [Double] = []
        var noise: [Double] = []
        var channel: [Int32] = []
        var group: [Int32] = []
        var isBad: [Bool] = []
        for _ in 0..<6_000 {
            let u = Double.random(in: 0..<1, using: &generator)
            let age = Double(Int.random(in: 0...240, using: &generator))
            let c = Int32.random(in: 0..<3, using: &generator)
            let logit = -3 + 3 * u - age / 80 + (c == 2 ? 0.8 : 0)
            isBad.append(Double.random(in: 0..<1, using: &generator) < 1 / (1 + exp(-logit)))
            utilization.append(Int.random(in: 0..<25, using: &generator) == 0 ? .nan : u)
            accountAge.append(age)
            noise.append(Double.random(in: 0..<1, using: &generator))
            channel.append(c)
            // The protected group is tied to utilization, so its approval differs.
            group.append(u > 0.6 ? 1 : 0)
        }
        var settings = Self.settings
        settings.reasons = ["utilization": ReasonText(code: "UTIL", sentence: "Balances are high")]
        let fit = try ScorecardFitter.fit(
            candidates: [
                TrainingColumn(name: "utilization", values: .numeric(utilization)),
                TrainingColumn(name: "oldest_account_age", values: .numeric(accountAge)),
                TrainingColumn(name: "noise", values: .numeric(noise)),
                TrainingColumn(
                    name: "channel", values: .categorical(codes: channel, categories: ["web", "branch", "partner"])),
            ], isBad: isBad,
            protected: [
                TrainingColumn(name: "group", values: .categorical(codes: group, categories: ["low", "high"]))
            ], settings: settings)
        let model = fit.model
        #expect(Set(model.features.map(\.name)) == ["utilization", "oldest_account_age", "channel"])
        #expect(fit.candidates.first { $0.name == "noise" }?.screenedReason?.contains("information value") == true)
        #expect(model.fit?.screenedOut.map(\.name) == ["noise"])
        #expect(fit.discrimination.auc > 0.7)
        let utilizationFeature = try #require(model.features.first { $0.name == "utilization" })
        #expect(utilizationFeature.trend == .increasing)
        #expect(utilizationFeature.reasonCode == "UTIL")
        #expect(utilizationFeature.missing != nil)
        let points = utilizationFeature.bins.map(\.points)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0 > $1 }, "\(points)")
        let ageFeature = try #require(model.features.first { $0.name == "oldest_account_age" })
        #expect(ageFeature.trend == .decreasing)
        #expect(ageFeature.reasonCode == "OLDEST_ACCOUNT_AGE")
        #expect(ageFeature.reason == "Oldest account age is low")
        let channelFeature = try #require(model.features.first { $0.name == "channel" })
        #expect(channelFeature.bins.last?.range == .otherCategories)
        #expect(channelFeature.bins.last?.points == 0)
        // The adverse impact report: ratio = group's approved share / the highest group's share.
        let report = try #require(fit.adverseImpact.first)
        #expect(report.column == "group")
        #expect(report.groups.map(\.label) == ["high", "low"])
        let high = report.groups[0]
        let low = report.groups[1]
        #expect(low.impactRatio == 1)
        #expect(abs(high.impactRatio - high.approvedShare / low.approvedShare) < 1e-12)
        #expect(high.isFlagged == (high.impactRatio < 0.8))
        #expect(high.count + low.count == 6_000)
        #expect(abs(fit.approvedShare - Double(high.approved + low.approved) / 6_000) < 1e-12)
        // The model is valid and has the fit's numbers.
        #expect(throws: Never.self) { try model.validate() }
        #expect(model.fit?.rows == 6_000)
        #expect(model.fit?.auc == fit.discrimination.auc)
    }

    @Test func aBannedCandidateIsRefused() {
        let (values, isBad) = Self.twoBinTable()
        let error = #expect(throws: ScorecardError.self) {
            try ScorecardFitter.fit(
                candidates: [TrainingColumn(name: "applicant_age", values: .numeric(values))], isBad: isBad,
                settings: Self.settings)
        }
        #expect(error?.kind == .bannedInput)
        #expect(
            error?.message.contains("column 'applicant_age' is a banned input ('age': age or date of birth)") == true)
    }

    @Test func oneOutcomeOnlyCannotMakeAModel() {
        let error = #expect(throws: ScorecardError.self) {
            try ScorecardFitter.fit(
                candidates: [TrainingColumn(name: "x", values: .numeric([1, 2, 3]))], isBad: [false, false, false],
                settings: Self.settings)
        }
        #expect(error?.kind == .unusableTrainingData)
    }

    @Test func nothingPredictiveCannotMakeAModel() {
        let isBad = (0..<1_000).map { $0 % 5 == 0 }
        let error = #expect(throws: ScorecardError.self) {
            try ScorecardFitter.fit(
                candidates: [TrainingColumn(name: "constant", values: .numeric(Array(repeating: 1, count: 1_000)))],
                isBad: isBad, settings: Self.settings)
        }
        #expect(error?.kind == .unusableTrainingData)
        #expect(error?.message.contains("no column predicts the target") == true)
    }

    @Test func aTrendForACategoricalColumnIsASettingsError() {
        var settings = Self.settings
        settings.trends = ["kind": .increasing]
        let error = #expect(throws: ScorecardError.self) {
            try ScorecardFitter.fit(
                candidates: [
                    TrainingColumn(name: "kind", values: .categorical(codes: [0, 1], categories: ["a", "b"]))
                ],
                isBad: [true, false], settings: settings)
        }
        #expect(error?.kind == .invalidSettings)
    }
}

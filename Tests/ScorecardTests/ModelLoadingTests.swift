import Foundation
import Scorecard
import Testing

/// The golden example model, and the models the loader must refuse.
struct ModelLoadingTests {
    static let examplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("protocol/vectors/scorecard-example.json").path

    static func exampleText() throws -> String { try String(contentsOfFile: examplePath, encoding: .utf8) }

    static func decode(_ text: String, allowedFeatures: Set<String>? = nil) throws(ScorecardError) -> ScorecardModel {
        try ScorecardModel.decode(json: Array(text.utf8), allowedFeatures: allowedFeatures)
    }

    /// The example's text with one replacement, which must occur exactly once.
    static func exampleReplacing(_ original: String, with replacement: String) throws -> String {
        let text = try exampleText()
        #expect(text.components(separatedBy: original).count == 2, "'\(original)' occurs once in the example")
        return text.replacingOccurrences(of: original, with: replacement)
    }

    @Test func exampleModelScoresAsComputedByHand() throws {
        let model = try Self.decode(try Self.exampleText())
        #expect(model.modelVersion == "example-2025-01")
        #expect(
            model.features.map(\.name) == [
                "revolving_utilization", "months_since_delinquency", "identity_verification_level",
            ])
        // Best points: utilization 30, months since delinquency 25, identity verification 12.
        let cases: [(values: [FeatureValue], score: Int, probability: Double, reasons: [String])] = [
            ([.number(0.1), .number(40), .category("document")], 587, 0.030428417806465574, []),
            (
                [.number(0.85), .number(6), .category("phone")], 480, 32.0 / 57.0,
                ["UTILIZATION_HIGH", "RECENT_DELINQUENCY", "IDENTITY_NOT_VERIFIED"]
            ),
            // 0.3 is the second bin's lower bound (lower bounds are inclusive); missing values score missing_points.
            (
                [.number(0.3), .missing, .missing], 535, 0.15985670201390625,
                ["IDENTITY_NOT_VERIFIED", "UTILIZATION_HIGH", "RECENT_DELINQUENCY"]
            ),
            (
                [.number(0.7), .number(12), .category("email")], 505, 0.34987836792830757,
                ["UTILIZATION_HIGH", "RECENT_DELINQUENCY", "IDENTITY_NOT_VERIFIED"]
            ),
            // Shortfalls of 20 and 20: the tie keeps the model's feature order.
            (
                [.number(0.5), .number(20), .category("bank")], 547, 0.11153240717263314,
                ["UTILIZATION_HIGH", "RECENT_DELINQUENCY"]
            ),
        ]
        for (values, score, probability, reasons) in cases {
            let result = model.score(values)
            #expect(result.score == score)
            #expect(abs(result.probabilityBad - probability) < 1e-12)
            #expect(result.reasons.map(\.code) == reasons)
        }
        let byName = model.score(["revolving_utilization": .number(0.85), "identity_verification_level": .number(3)])
        #expect(byName.points == 520 - 20 + 15 - 5)
        #expect(byName.reasons.first?.reason == "Revolving balances are high compared with credit limits")
        #expect(byName.reasons.first?.shortfall == 50)
    }

    @Test func exampleModelCarriesItsFitStatistics() throws {
        let model = try Self.decode(try Self.exampleText())
        #expect(model.features[0].bins[0].statistics == BinStatistics(count: 4100, badRate: 0.012, woe: 0.9))
        #expect(model.features[1].bins[0].statistics == nil)
        #expect(model.features[0].trend == .increasing)
        #expect(model.features[2].bins[2].range == .otherCategories)
        #expect(model.fit == nil)
    }

    @Test(
        arguments: [
            // An unknown member.
            ("\"pdo\": 20,", "\"pdo\": 20, \"pdo_note\": 1,", "/pdo_note"),
            // A gap between two numeric bins.
            ("\"lower\": 0.3, \"upper\": 0.7", "\"lower\": 0.4, \"upper\": 0.7", "gap or an overlap"),
            // The first bin closed below.
            ("\"lower\": null, \"upper\": 12,", "\"lower\": 0, \"upper\": 12,", "open below"),
            // The last bin closed above.
            ("\"lower\": 36, \"upper\": null", "\"lower\": 36, \"upper\": 99", "open above"),
            // An empty interval.
            ("\"lower\": 12, \"upper\": 36", "\"lower\": 12, \"upper\": 12", "not below"),
            // No other bin.
            ("{ \"other\": true, \"points\": -5 }", "{ \"values\": [\"phone\"], \"points\": -5 }", "one 'other' bin"),
            // A value in two bins.
            ("[\"email\"]", "[\"email\", \"bank\"]", "value 'bank' appears in two bins"),
            // Both an interval and values.
            (
                "\"lower\": 0.3, \"upper\": 0.7,", "\"lower\": 0.3, \"upper\": 0.7, \"values\": [\"x\"],",
                "exactly one of"
            ),
            // A numeric bin in a categorical feature.
            (
                "{ \"values\": [\"email\"], \"points\": 0 }", "{ \"lower\": 1, \"upper\": 2, \"points\": 0 }",
                "categorical"
            ),
            // Statistics only in part.
            ("\"points\": -15 }", "\"points\": -15, \"count\": 3 }", "none of them"),
            // Another format version.
            ("credence.scorecard.v1", "credence.scorecard.v2", "only format"),
            // Unusable scaling.
            ("\"pdo\": 20", "\"pdo\": 0", "pdo"),
            // A repeated reason code.
            ("\"RECENT_DELINQUENCY\"", "\"UTILIZATION_HIGH\"", "appears twice"),
            // A repeated member (strict JSON).
            ("\"base_points\": 520", "\"base_points\": 520, \"base_points\": 521", "base_points"),
            // A number written as a string.
            ("\"base_odds\": 50", "\"base_odds\": \"50\"", "base_odds"),
        ])
    func inconsistentModelsAreRefused(original: String, replacement: String, expected: String) throws {
        let text = try Self.exampleReplacing(original, with: replacement)
        let error = #expect(throws: ScorecardError.self) { try Self.decode(text) }
        #expect(error?.kind == .malformedModel)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }

    @Test func aModelWithABannedFeatureIsRefused() throws {
        let text = try Self.exampleReplacing(
            "\"name\": \"months_since_delinquency\"", with: "\"name\": \"home_zip_code\"")
        let error = #expect(throws: ScorecardError.self) { try Self.decode(text) }
        #expect(error?.kind == .bannedInput)
        #expect(error?.message.contains("/features/1/name: feature 'home_zip_code' is a banned input") == true)
        #expect(error?.message.contains("location proxy") == true)
    }

    @Test func aModelOutsideTheCallersCatalogIsRefused() throws {
        let catalog: Set = ["revolving_utilization", "identity_verification_level"]
        let error = #expect(throws: ScorecardError.self) {
            try Self.decode(try Self.exampleText(), allowedFeatures: catalog)
        }
        #expect(error?.kind == .featureNotAllowed)
        #expect(error?.message.contains("'months_since_delinquency'") == true)
        let full = catalog.union(["months_since_delinquency"])
        #expect(throws: Never.self) { try Self.decode(try Self.exampleText(), allowedFeatures: full) }
    }

    @Test func aModelWithoutFeaturesIsRefused() throws {
        var model = try Self.decode(try Self.exampleText())
        model.features = []
        #expect(throws: ScorecardError(.malformedModel, "/features: a model has at least one feature")) {
            try model.validate()
        }
    }
}

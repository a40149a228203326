import CreditFeatures
import Foundation
import Scorecard
import Testing

/// The model the aggregator ships with and the catalog it scores from: no catalog feature is a banned input,
/// and the shipped model loads against the catalog.
struct DefaultModelTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func noCatalogFeatureIsABannedInput() {
        for name in FeatureCatalog.names {
            #expect(BannedInputs.match(name) == nil, "\(name)")
        }
    }

    @Test func theDefaultModelLoadsAgainstTheCatalog() throws {
        let bytes = try Array(Data(contentsOf: Self.repository.appendingPathComponent("models/default.json")))
        let model = try ScorecardModel.decode(json: bytes, allowedFeatures: Set(FeatureCatalog.names))
        #expect(!model.features.isEmpty)
        #expect(model.features.allSatisfy { CreditFeature(name: $0.name) != nil })
    }

    @Test func aModelNamingAFeatureOutsideTheCatalogIsRefused() throws {
        let bytes = try Array(Data(contentsOf: Self.repository.appendingPathComponent("models/default.json")))
        let renamed = Array(
            String(decoding: bytes, as: UTF8.self).replacingOccurrences(
                of: "\"max_line_utilization\"", with: "\"favourite_colour\""
            ).utf8)
        #expect(throws: ScorecardError.self) {
            try ScorecardModel.decode(json: renamed, allowedFeatures: Set(FeatureCatalog.names))
        }
    }
}

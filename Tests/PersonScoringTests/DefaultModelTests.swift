import Foundation
import PersonScoring
import Scorecard
import Testing

/// The aggregator's bundled model is the shipped `models/default.json`, byte for byte (scripts/fit-default-model
/// regenerates both), and loads against the feature catalog.
struct BundledModelTests {
    @Test func theBundledModelIsModelsDefaultJSON() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models/default.json")
        let shipped = try ScoringModel(json: Array(try Data(contentsOf: file)))
        let bundled = ScoringModel.bundledDefault()
        // The id carries the SHA-256 of the model's bytes.
        #expect(bundled.id == shipped.id)
        #expect(bundled.scorecard == shipped.scorecard)
        #expect(bundled.id.hasPrefix(shipped.scorecard.modelVersion + "@"))
    }
}

import CredenceProtocol
import CredenceStore
import CreditFeatures
import Foundation
import PersonScoring
import Scorecard
import Testing

/// Re-scoring from stored features: a new inquiry changes `inquiries_12m` and nothing else, stored features
/// survive the round trip exactly, and damaged stored features are refused rather than scored.
struct PersonScorerTests {
    static let scorer = PersonScorer(model: ScoringModel.bundledDefault())
    static let catalog = FeatureCatalog.names

    static func stored(_ features: [Double?]) -> StoredScore {
        let json = "[" + features.map { $0.map { String($0) } ?? "null" }.joined(separator: ",") + "]"
        return StoredScore(
            personID: "P00000007", modelVersion: "old", asOf: "2024-12-31", score: 0, probabilityBad: 0.5,
            reasons: "[]", features: json, contributingBatches: [String(repeating: "a", count: 64)], scoredAt: 0)
    }

    /// The stored JSON array's values, read with Swift's exact number parsing (Foundation's JSONSerialization
    /// rounds some doubles on Linux).
    static func values(_ score: StoredScore) throws -> [Double?] {
        #expect(try JSONSerialization.jsonObject(with: Data(score.features.utf8)) is [Any])
        return score.features.dropFirst().dropLast().split(separator: ",").map { Double($0) }
    }

    @Test func anInquiryChangesOnlyInquiries12m() throws {
        var features = [Double?](repeating: nil, count: Self.catalog.count)
        features[Self.catalog.firstIndex(of: "max_line_utilization")!] = 0.731
        features[Self.catalog.firstIndex(of: "revolving_utilization")!] = 1.0 / 3.0
        features[Self.catalog.firstIndex(of: "worst_status_24m")!] = 2
        let previous = Self.stored(features)
        let inquiries = ["2024-12-31", "2024-01-01", "2023-12-31", "2025-01-01"].map(CalendarDate.init(unchecked:))
        let rescored = try Self.scorer.rescore(previous, inquiries: inquiries, scoredAt: 100)
        var expected = features
        // On or before the as-of day and less than 12 whole months before it: the first two.
        expected[Self.catalog.firstIndex(of: "inquiries_12m")!] = 2
        #expect(try Self.values(rescored) == expected)
        #expect(rescored.contributingBatches == previous.contributingBatches && rescored.asOf == previous.asOf)
        // The default model does not use inquiries: the score is the one the features alone give.
        #expect(try Self.scorer.rescore(previous, scoredAt: 100).score == rescored.score)
        #expect(rescored.modelVersion == ScoringModel.bundledDefault().scorecard.modelVersion)
    }

    @Test func storedFeaturesRoundTripExactly() throws {
        let features: [Double?] = Self.catalog.indices.map { index in
            index % 3 == 0 ? nil : Double(index) / 7 + 1e-9 * Double(index)
        }
        let once = try Self.scorer.rescore(Self.stored(features), scoredAt: 1)
        #expect(try Self.values(once) == features)
        #expect(try Self.scorer.rescore(once, scoredAt: 2).features == once.features)
    }

    @Test(arguments: [
        "[1,2]", "not json",
        "[" + Array(repeating: "x", count: FeatureCatalog.names.count).joined(separator: ",") + "]",
    ])
    func damagedStoredFeaturesAreRefused(features: String) {
        let damaged = StoredScore(
            personID: "P00000008", modelVersion: "old", asOf: "2024-12-31", score: 0, probabilityBad: 0.5,
            reasons: "[]", features: features, contributingBatches: [], scoredAt: 0)
        #expect(throws: ScoringError.self) { try Self.scorer.rescore(damaged, scoredAt: 1) }
    }
}

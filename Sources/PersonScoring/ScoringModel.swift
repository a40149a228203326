import CredenceProtocol
import CreditFeatures
public import Scorecard

/// The scorecard the aggregator scores with, checked against the feature catalog when loaded (a model naming a
/// banned input or a feature the catalog does not compute is refused), and identified by its version and the
/// digest of its file, so that a changed file re-scores everyone even under an unchanged version string.
public struct ScoringModel: Sendable {
    public let scorecard: ScorecardModel
    /// `<model_version>@<first 16 hex digits of the file's SHA-256>`.
    public let id: String
    /// For each model feature, its place in the catalog.
    let catalogIndices: [Int]

    public init(json: [UInt8]) throws(ScorecardError) {
        scorecard = try ScorecardModel.decode(json: json, allowedFeatures: Set(FeatureCatalog.names))
        id = scorecard.modelVersion + "@" + Envelope.digest(of: json).prefix(16)
        catalogIndices = scorecard.features.map { CreditFeature(name: $0.name)!.rawValue }
    }

    /// The model shipped with Credence (`models/default.json`, fitted by `scripts/fit-default-model`).
    public static func bundledDefault() -> ScoringModel {
        // The file is checked against the catalog by the tests that regenerate DefaultModel.swift.
        try! ScoringModel(json: Array(DefaultModel.json.utf8))
    }

    /// The catalog's feature names in order, as the store keeps them beside stored features.
    public static var catalogSignature: String { FeatureCatalog.names.joined(separator: ",") }

    /// The model's input for a person from catalog-ordered feature values.
    func values(fromCatalog features: [Double?]) -> [FeatureValue] {
        zip(scorecard.features, catalogIndices).map { feature, index in
            guard let value = features[index] else { return .missing }
            switch feature.kind {
            case .numeric: return .number(value)
            case .categorical: return .category(FeatureVector.text(of: value))
            }
        }
    }
}

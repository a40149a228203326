/// Fellegi–Sunter parameters: for every field and comparison level, m = P(level | match) and
/// u = P(level | non-match); and the prior λ, the share of all record pairs that are matches.
/// Stored by the aggregator as JSON, so a later run can score without estimating again.
public struct LinkageModel: Codable, Sendable, Equatable {
    public var prior: Double
    /// One entry per `LinkageField`, in `LinkageField.allCases` order.
    public var fields: [FieldParameters]

    public struct FieldParameters: Codable, Sendable, Equatable {
        public var field: LinkageField
        /// Best first, named as in `LinkageField.levelNames`.
        public var levels: [LevelParameters]

        public init(field: LinkageField, levels: [LevelParameters]) {
            self.field = field
            self.levels = levels
        }
    }

    public struct LevelParameters: Codable, Sendable, Equatable {
        public var name: String
        public var m: Double
        public var u: Double

        public init(name: String, m: Double, u: Double) {
            self.name = name
            self.m = m
            self.u = u
        }

        /// log2 of the Bayes factor m/u: what observing this level adds to a pair's match weight.
        public var weight: Double { Math.log2(m / u) }
    }

    public init(prior: Double, fields: [FieldParameters]) {
        self.prior = prior
        self.fields = fields
    }

    /// Builds a model from per-field m and u lists (best level first).
    init(prior: Double, m: [[Double]], u: [[Double]]) {
        self.prior = prior
        fields = LinkageField.allCases.map { field in
            FieldParameters(
                field: field,
                levels: field.levelNames.indices.map { level in
                    LevelParameters(name: field.levelNames[level], m: m[field.index][level], u: u[field.index][level])
                })
        }
    }

    public subscript(field: LinkageField) -> FieldParameters { fields[field.index] }

    /// log2(λ / (1 − λ)): the match weight of a pair before any field is compared.
    public var priorWeight: Double { Math.log2(prior / (1 - prior)) }

    /// Starting values before estimation: what the fields typically do in partner data. EM moves m from
    /// here, random pairs replace u, and strict rules replace the prior.
    public static let initial = LinkageModel(
        prior: 1e-4,
        m: [
            [0.95, 0.05], [0.60, 0.05, 0.35], [0.55, 0.10, 0.35], [0.80, 0.20], [0.80, 0.20],
            [0.70, 0.18, 0.07, 0.05], [0.88, 0.07, 0.03, 0.02], [0.55, 0.15, 0.05, 0.05, 0.20],
        ],
        u: [
            [1e-5, 1 - 1e-5], [1e-4, 1e-5, 1 - 1.1e-4], [1e-4, 1e-5, 1 - 1.1e-4], [1e-5, 1 - 1e-5], [1e-5, 1 - 1e-5],
            [0.001, 0.01, 0.05, 0.939], [0.0005, 0.005, 0.05, 0.9445], [0.0002, 0.001, 0.005, 0.05, 0.9438],
        ])

    private enum CodingKeys: String, CodingKey { case prior, fields }

    /// Refuses a stored model that does not have every field with its levels, or has impossible values: a
    /// model from another engine version must be re-estimated, not silently misread.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        prior = try container.decode(Double.self, forKey: .prior)
        fields = try container.decode([FieldParameters].self, forKey: .fields)
        guard prior > 0, prior < 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .prior, in: container,
                debugDescription: "prior must be strictly between 0 and 1, found \(prior)")
        }
        guard fields.map(\.field) == LinkageField.allCases else {
            throw DecodingError.dataCorruptedError(
                forKey: .fields, in: container,
                debugDescription: "fields must be \(LinkageField.allCases.map(\.rawValue)) in this order, found "
                    + "\(fields.map(\.field.rawValue)); re-estimate the model")
        }
        for parameters in fields {
            guard parameters.levels.map(\.name) == parameters.field.levelNames,
                parameters.levels.allSatisfy({ $0.m > 0 && $0.m <= 1 && $0.u > 0 && $0.u <= 1 })
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .fields, in: container,
                    debugDescription: "field \(parameters.field.rawValue) must have levels "
                        + "\(parameters.field.levelNames) with m and u in (0, 1]; re-estimate the model")
            }
        }
    }
}

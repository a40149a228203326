/// Why a scorecard cannot be loaded or fitted. The message is one line a modeller can act on: it names the
/// field (by JSON Pointer in a model file) or the column, and never quotes a value from the training data.
public struct ScorecardError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The model document is not a consistent `credence.scorecard.v1` model.
        case malformedModel
        /// The model, or the training data offered as features, uses an input design §6 bans.
        case bannedInput
        /// The model uses a feature the caller's catalog does not provide.
        case featureNotAllowed
        /// The training data cannot produce a model (no rows, one outcome only, nothing predictive).
        case unusableTrainingData
        /// The fit settings contradict each other or are out of range.
        case invalidSettings
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

public import CSVFiles
public import Scorecard

/// Why `credence model fit` or `score` stopped. The message is one line a data team can act on: for file
/// content it starts with `path:line:`, and it never quotes a value from a data file (only column names), so
/// neither personal data nor the values of protected columns reach a log.
public struct ScorecardFileError: FileCommandError {
    public typealias Kind = FileCommandFault

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A model or fit error: bad settings are the command line's to fix, everything else the data's.
    public init(_ error: ScorecardError, path: String? = nil) {
        let location = path.map { "\($0): " } ?? ""
        self.init(error.kind == .invalidSettings ? .usage : .input, location + error.message)
    }
}

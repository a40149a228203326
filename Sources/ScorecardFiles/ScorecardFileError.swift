import CSVFiles
public import Scorecard

/// Why `credence model fit` or `score` stopped. The message is one line a data team can act on: for file
/// content it starts with `path:line:`, and it never quotes a value from a data file (only column names), so
/// neither personal data nor the values of protected columns reach a log.
public struct ScorecardFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Who has to fix it, which also decides the exit status.
    public enum Kind: Sendable {
        /// The command line: an option value, an unreadable or unwritable file (exit status 2).
        case usage
        /// A file's content: the header, a row, a model document, data that cannot make a model (exit status 1).
        case input
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// An input error located at a line of a file.
    static func input(_ path: String, line: Int, _ message: String) -> ScorecardFileError {
        ScorecardFileError(.input, "\(path):\(line): \(message)")
    }

    /// A model or fit error: bad settings are the command line's to fix, everything else the data's.
    public init(_ error: ScorecardError, path: String? = nil) {
        let location = path.map { "\($0): " } ?? ""
        self.init(error.kind == .invalidSettings ? .usage : .input, location + error.message)
    }

    public var description: String { message }

    /// Runs a CSV file operation: a file that cannot be opened or written is a usage error, malformed content an
    /// input error.
    static func csv<Result>(_ operation: () throws(CSVFileError) -> Result) throws(ScorecardFileError) -> Result {
        do {
            return try operation()
        } catch {
            throw ScorecardFileError(error.kind == .access ? .usage : .input, error.message)
        }
    }
}

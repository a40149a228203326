import CSVFiles
import CredenceProtocol

/// Why `credence features` stopped. One line a data team can act on: for file content it starts with
/// `path:line:` or the envelope file's path, and it never quotes a subject key or a person id (only line
/// numbers, column names and what was expected).
public struct FeatureFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Who has to fix it, which also decides the exit status.
    public enum Kind: Sendable {
        /// The command line: an option value, a missing directory, an unreadable or unwritable file (exit 2).
        case usage
        /// A file's content: a CSV header or row, an envelope that does not parse, verify or decode (exit 1).
        case input
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// An input error at a line of a CSV file.
    static func input(_ path: String, line: Int, _ message: String) -> FeatureFileError {
        FeatureFileError(.input, "\(path):\(line): \(message)")
    }

    public var description: String { message }

    /// Runs a CSV file operation: a file that cannot be opened or written is a usage error, malformed content
    /// an input error.
    static func csv<Result>(_ operation: () throws(CSVFileError) -> Result) throws(FeatureFileError) -> Result {
        do {
            return try operation()
        } catch {
            throw FeatureFileError(error.kind == .access ? .usage : .input, error.message)
        }
    }
}

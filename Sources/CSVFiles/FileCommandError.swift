/// Who has to fix what stopped an offline file command (`credence link`, `features`, `model`), which also
/// decides its exit status.
public enum FileCommandFault: Sendable, Equatable {
    /// The command line: an option value, an unreadable or unwritable file (exit status 2).
    case usage
    /// A file's content: a header, a row, a document that cannot be used (exit status 1).
    case input
}

/// The error of an offline file command: one line a data team can act on. Each command has its own type (its
/// messages promise what they never quote), sharing how a CSV failure and a line of a file are reported.
public protocol FileCommandError: Error, Equatable, Sendable, CustomStringConvertible {
    init(_ kind: FileCommandFault, _ message: String)
    var kind: FileCommandFault { get }
    var message: String { get }
}

extension FileCommandError {
    public var description: String { message }

    /// An input error located at a line of a file.
    public static func input(_ path: String, line: Int, _ message: String) -> Self {
        Self(.input, "\(path):\(line): \(message)")
    }

    /// Runs a CSV file operation: a file that cannot be opened or written is a usage error, malformed content
    /// an input error.
    public static func csv<Result>(_ operation: () throws(CSVFileError) -> Result) throws(Self) -> Result {
        do {
            return try operation()
        } catch {
            throw Self(error.kind == .access ? .usage : .input, error.message)
        }
    }
}

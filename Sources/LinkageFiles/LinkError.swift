import CSVFiles

/// Why `credence link` stopped. The message is one line a data team can act on: for file content it starts
/// with `path:line:`, and it never quotes a personal identifier (only ids, column names and field names).
public struct LinkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Who has to fix it, which also decides the exit status.
    public enum Kind: Sendable {
        /// The command line: an option value, an unreadable file, an unusable key (exit status 2).
        case usage
        /// A file's content: the header, a row, the mapping against the header (exit status 1).
        case input
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// An input error located at a line of a file.
    static func input(_ path: String, line: Int, _ message: String) -> LinkError {
        LinkError(.input, "\(path):\(line): \(message)")
    }

    public var description: String { message }
}

extension LinkError {
    /// Runs a CSV file operation and reports its failure as `credence link` does: a file that cannot be opened or
    /// written is a usage error, malformed content an input error.
    static func csv<Result>(_ operation: () throws(CSVFileError) -> Result) throws(LinkError) -> Result {
        do {
            return try operation()
        } catch {
            throw LinkError(error.kind == .access ? .usage : .input, error.message)
        }
    }
}

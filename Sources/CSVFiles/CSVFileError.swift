/// Why a CSV file could not be read or written. The message is one line a data team can act on: for file
/// content it starts with `path:line:`, and it never quotes a field's value (only column numbers).
public struct CSVFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Who has to fix it.
    public enum Kind: Sendable {
        /// The file itself: missing, unreadable, not writable.
        case access
        /// The file's content: malformed quoting, invalid UTF-8.
        case content
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A content error located at a line of a file.
    static func content(_ path: String, line: Int, _ message: String) -> CSVFileError {
        CSVFileError(.content, "\(path):\(line): \(message)")
    }

    public var description: String { message }
}

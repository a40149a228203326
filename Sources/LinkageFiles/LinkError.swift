public import CSVFiles

/// Why `credence link` stopped. The message is one line a data team can act on: for file content it starts
/// with `path:line:`, and it never quotes a personal identifier (only ids, column names and field names).
public struct LinkError: FileCommandError {
    public typealias Kind = FileCommandFault

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

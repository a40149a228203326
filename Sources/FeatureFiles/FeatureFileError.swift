public import CSVFiles

/// Why `credence features` stopped. One line a data team can act on: for file content it starts with
/// `path:line:` or the envelope file's path, and it never quotes a subject key or a person id (only line
/// numbers, column names and what was expected).
public struct FeatureFileError: FileCommandError {
    public typealias Kind = FileCommandFault

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

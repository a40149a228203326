import CredenceProtocol

/// One element of an allow-listed data type's JSON array, decoded from and written back to X's shape.
protocol XArchiveEntry: Sendable {
    static var dataType: XArchiveDataType { get }
    /// The member of each array element that wraps the entry (`account`, `device`, ...).
    static var wrapperKey: String { get }
    /// The account the entry says it belongs to, when it names one.
    var ownerAccountID: String? { get }
    /// Decodes one array element; `pointer` is its place in the member (`/0`).
    init(entry: JSONValue, at pointer: JSONPointer) throws(SocialExportError)
    /// The array element as X writes it.
    var entry: JSONValue { get }
}

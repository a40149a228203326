/// Why a store operation failed.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// The row exists already (a partner id, a key epoch).
        case duplicate
        case notFound
        /// The database cannot be opened, migrated or written.
        case unavailable
        /// The database is busy beyond the configured timeout: retry later.
        case busy
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

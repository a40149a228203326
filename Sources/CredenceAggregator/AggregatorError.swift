/// Why the aggregator cannot start or a management command failed.
public struct AggregatorError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case configuration, directory, store, certificate, usage
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    static func configuration(_ message: String) -> AggregatorError { AggregatorError(.configuration, message) }

    public var description: String { message }
}

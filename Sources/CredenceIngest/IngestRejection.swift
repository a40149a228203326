public import CredenceProtocol

/// Why a batch was not accepted: a registered problem type and what went wrong this time. A rejection
/// never changes the store, except that a conflicting envelope is kept as evidence of equivocation.
public struct IngestRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public let problem: ProblemType
    public let detail: String
    public let extensions: [String: ProblemExtensionValue]
    /// Seconds the client should wait before retrying (429, 503).
    public let retryAfter: Int?

    public init(
        _ problem: ProblemType, _ detail: String, extensions: [String: ProblemExtensionValue] = [:],
        retryAfter: Int? = nil
    ) {
        self.problem = problem
        self.detail = detail
        self.extensions = extensions
        self.retryAfter = retryAfter
    }

    public var problemDetails: ProblemDetails { ProblemDetails(problem, detail: detail, extensions: extensions) }
    public var description: String { "\(problem.slug): \(detail)" }
}

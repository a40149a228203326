/// An RFC 9457 problem document (`application/problem+json`).
///
/// ```swift
/// let problem = ProblemDetails(.sequenceGap, detail: "expected batch_seq 8, got 10", extensions: ["expected_seq": 8])
/// ```
public struct ProblemDetails: Sendable, Equatable, Encodable {
    public static let mediaType = "application/problem+json"

    public let type: String
    public let title: String
    public let status: Int
    public let detail: String?
    public let instance: String?
    /// Extension members defined per problem type in `protocol/problems.md` (e.g. `expected_seq`, `errors`).
    public let extensions: [String: ProblemExtensionValue]

    public init(
        _ problemType: ProblemType, detail: String? = nil, instance: String? = nil,
        extensions: [String: ProblemExtensionValue] = [:]
    ) {
        self.type = problemType.uri
        self.title = problemType.title
        self.status = problemType.status
        self.detail = detail
        self.instance = instance
        self.extensions = extensions
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(type, forKey: Key(stringValue: "type"))
        try container.encode(title, forKey: Key(stringValue: "title"))
        try container.encode(status, forKey: Key(stringValue: "status"))
        try container.encodeIfPresent(detail, forKey: Key(stringValue: "detail"))
        try container.encodeIfPresent(instance, forKey: Key(stringValue: "instance"))
        for (name, value) in extensions.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: Key(stringValue: name))
        }
    }
}

/// The value of a problem extension member.
public enum ProblemExtensionValue: Sendable, Equatable, Encodable, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral
{
    case int(Int)
    case string(String)
    case fieldErrors([FieldError])

    /// One failing field of a document: where, and what is wrong.
    public struct FieldError: Sendable, Equatable, Encodable {
        public let pointer: String
        public let detail: String

        public init(pointer: String, detail: String) {
            self.pointer = pointer
            self.detail = detail
        }
    }

    public init(integerLiteral value: Int) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .fieldErrors(let errors): try container.encode(errors)
        }
    }
}

/// A parsed JSON document that keeps what `JSONSerialization` and `JSONDecoder` throw away:
/// member order, and numbers as their literal text (so an integer is checked exactly, never via `Double`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text, already checked against the RFC 8259 grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A JSON object whose member names are unique (the parser refuses duplicates) and in document order.
public struct JSONObject: Sendable, Equatable {
    public private(set) var members: [(name: String, value: JSONValue)]

    public init(members: [(name: String, value: JSONValue)] = []) {
        self.members = members
    }

    /// The member whose name has exactly these UTF-8 bytes (not merely a canonically equivalent spelling).
    public subscript(name: String) -> JSONValue? {
        members.first { $0.name.utf8.elementsEqual(name.utf8) }?.value
    }

    public var names: [String] { members.map(\.name) }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    mutating func append(name: String, value: JSONValue) {
        members.append((name, value))
    }
}

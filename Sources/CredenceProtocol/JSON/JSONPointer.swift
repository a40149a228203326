/// An RFC 6901 JSON Pointer, used to name the exact field that failed validation (`/records/3/fact/balance`).
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    public private(set) var tokens: [String]

    public init(tokens: [String] = []) {
        self.tokens = tokens
    }

    public static let root = JSONPointer()

    public func appending(_ name: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [name])
    }

    public func appending(index: Int) -> JSONPointer {
        JSONPointer(tokens: tokens + [String(index)])
    }

    /// The pointer text; the root is the empty string, as RFC 6901 says. `~` and `/` are escaped.
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences("~", with: "~0").replacingOccurrences("/", with: "~1") }.joined()
    }
}

extension String {
    /// `replacingOccurrences(of:with:)` without importing Foundation into every file.
    func replacingOccurrences(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

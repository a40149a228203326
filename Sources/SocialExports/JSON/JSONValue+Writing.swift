import CredenceProtocol

extension JSONValue {
    /// An object of the members whose value is present, in the order given: writers list optional claims
    /// and fields without a branch per member.
    static func object(_ members: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(JSONObject(members: presentMembers(Array(members))))
    }

    /// The members whose value is present.
    static func presentMembers(_ members: [(String, JSONValue?)]) -> [(name: String, value: JSONValue)] {
        members.compactMap { name, value in value.map { (name, $0) } }
    }

    static func text(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    static func flag(_ flag: Bool?) -> JSONValue? { flag.map(JSONValue.bool) }

    static func integer(_ number: Int64?) -> JSONValue? { number.map { .number(String($0)) } }

    /// The value laid out as X's archive files are: two-space indents and ` : ` between name and value.
    func xArchiveText() -> String {
        var output = ""
        writeXArchiveText(to: &output, indent: "")
        return output
    }

    private func writeXArchiveText(to output: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .array(let elements) where !elements.isEmpty:
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += inner
                element.writeXArchiveText(to: &output, indent: inner)
                output += index + 1 < elements.count ? ",\n" : "\n"
            }
            output += indent + "]"
        case .object(let object) where !object.members.isEmpty:
            output += "{\n"
            for (index, member) in object.members.enumerated() {
                output += inner + String(decoding: JSONValue.string(member.name).serialized(), as: UTF8.self) + " : "
                member.value.writeXArchiveText(to: &output, indent: inner)
                output += index + 1 < object.members.count ? ",\n" : "\n"
            }
            output += indent + "}"
        case .array: output += "[ ]"
        case .object: output += "{ }"
        default: output += String(decoding: serialized(), as: UTF8.self)
        }
    }
}

import CredenceProtocol

/// Plants a defect in a well-formed JSON object written by a format module: the writers only write valid
/// values, so an invalid unit is made by replacing one member of their output.
enum JSONDefects {
    /// The object's JSON Lines line with the top-level member `name` replaced by `value`.
    static func replacing(_ name: String, with value: JSONValue, in object: JSONValue) -> [UInt8] {
        guard case .object(let members) = object else { preconditionFailure("defects are planted in objects") }
        let replaced = JSONObject(members: members.members.map { $0.name == name ? (name, value) : $0 })
        return JSONValue.object(replaced).serialized() + [0x0A]
    }
}

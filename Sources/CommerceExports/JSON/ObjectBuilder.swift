import CredenceProtocol

/// Builds one JSON object of an export in the member order the platform writes, so generated files read
/// like real ones. Unset optional members are written as `null`, as Shopify and Stripe do.
struct ObjectBuilder {
    private(set) var members: [(name: String, value: JSONValue)] = []

    var value: JSONValue { .object(JSONObject(members: members)) }

    mutating func add(_ name: String, _ value: JSONValue) { members.append((name, value)) }

    mutating func add(_ name: String, _ text: String?) { add(name, text.map(JSONValue.string) ?? .null) }

    mutating func add(_ name: String, _ integer: Int64?) { add(name, integer.map { .number(String($0)) } ?? .null) }

    mutating func add(_ name: String, _ integer: Int?) { add(name, integer.map { .number(String($0)) } ?? .null) }

    mutating func add(_ name: String, _ flag: Bool?) { add(name, flag.map(JSONValue.bool) ?? .null) }

    mutating func add(_ name: String, _ object: ObjectBuilder?) { add(name, object?.value ?? .null) }

    mutating func add(_ name: String, strings: [String]) { add(name, .array(strings.map(JSONValue.string))) }

    mutating func add(_ name: String, objects: [ObjectBuilder]) { add(name, .array(objects.map(\.value))) }

    /// A Shopify money string in the currency's minor-unit digits (`"409.94"`).
    mutating func add(_ name: String, decimal minorUnits: Int64?, currency: CurrencyCode) {
        add(name, minorUnits.map { DecimalMoney.decimalString(minorUnits: $0, currency: currency) })
    }

    /// A Shopify time in the shop's offset.
    mutating func add(_ name: String, instant: Timestamp?, offsetMinutes: Int) {
        add(name, instant.map { InstantText.iso8601($0, offsetMinutes: offsetMinutes) })
    }

    /// A Stripe time in Unix seconds.
    mutating func add(_ name: String, unixSeconds instant: Timestamp?) {
        add(name, instant.map(InstantText.unixSeconds))
    }
}

import CredenceProtocol

/// Typed access to one JSON object of an export, with the object's path so every error names the field
/// (`refunds[0].transactions[1].amount`). Absent and `null` members mean the same (Shopify writes `null`
/// for redacted and unset fields alike); unknown members are ignored, as exports carry many we do not read.
struct FieldReader {
    let object: JSONObject
    /// Where the object sits in its export object, empty at the top.
    let path: String

    init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// The reader of `value` when it is an object, or a `wrongType` error naming `path`.
    init(_ value: JSONValue, path: String) throws(CommerceFormatError) {
        guard case .object(let object) = value else {
            throw CommerceFormatError(
                .wrongType, "\(path.isEmpty ? "the value" : path): expected a JSON object, found \(value.typeName)")
        }
        self.init(object, path: path)
    }

    func fieldPath(_ name: String) -> String { path.isEmpty ? name : path + "." + name }

    /// The member's value, nil when absent or null.
    func value(_ name: String) -> JSONValue? {
        guard let value = object.member(name) else { return nil }
        if case .null = value { return nil }
        return value
    }

    func has(_ name: String) -> Bool { value(name) != nil }

    func string(_ name: String) throws(CommerceFormatError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else { throw wrongType(name, expected: "a string", found: value) }
        return text
    }

    func requiredString(_ name: String) throws(CommerceFormatError) -> String { try required(name, string) }

    /// A non-negative integer written as a JSON integer or as a string of digits (Shopify ids are numbers;
    /// some tools quote them).
    func identifier(_ name: String) throws(CommerceFormatError) -> Int64? {
        guard let value = value(name) else { return nil }
        let text: String
        switch value {
        case .number(let literal): text = literal
        case .string(let quoted): text = quoted
        default: throw wrongType(name, expected: "an integer id", found: value)
        }
        guard let id = Int64(text), id >= 0, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw CommerceFormatError(.wrongType, "\(fieldPath(name)): '\(text.prefix(40))' is not an integer id")
        }
        return id
    }

    func requiredIdentifier(_ name: String) throws(CommerceFormatError) -> Int64 { try required(name, identifier) }

    /// A JSON integer (no fraction, no exponent).
    func integer(_ name: String) throws(CommerceFormatError) -> Int64? {
        guard let value = value(name) else { return nil }
        guard case .number(let literal) = value, let integer = Int64(literal) else {
            throw wrongType(name, expected: "an integer", found: value)
        }
        return integer
    }

    func bool(_ name: String) throws(CommerceFormatError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else { throw wrongType(name, expected: "true or false", found: value) }
        return flag
    }

    /// An ISO 8601 time with an offset, converted to UTC.
    func instant(_ name: String) throws(CommerceFormatError) -> Timestamp? {
        guard let text = try string(name) else { return nil }
        return try located(name) { () throws(CommerceFormatError) in try InstantText.utc(fromISO8601: text) }
    }

    func requiredInstant(_ name: String) throws(CommerceFormatError) -> Timestamp { try required(name, instant) }

    /// Unix seconds (Stripe's `created`), converted to UTC.
    func unixInstant(_ name: String) throws(CommerceFormatError) -> Timestamp? {
        guard let seconds = try integer(name) else { return nil }
        return InstantText.utc(fromUnixSeconds: seconds)
    }

    func requiredUnixInstant(_ name: String) throws(CommerceFormatError) -> Timestamp {
        try required(name, unixInstant)
    }

    /// An ISO 4217 code in either case (Stripe writes `usd`), upper-cased.
    func currency(_ name: String) throws(CommerceFormatError) -> CurrencyCode? {
        guard let text = try string(name) else { return nil }
        guard let code = try? CurrencyCode(text.uppercased()) else {
            throw CommerceFormatError(
                .unknownCurrency, "\(fieldPath(name)): '\(text.prefix(16))' is not an active ISO 4217 currency code")
        }
        return code
    }

    func requiredCurrency(_ name: String) throws(CommerceFormatError) -> CurrencyCode { try required(name, currency) }

    /// A Shopify decimal amount (a string like `"409.94"`, or a JSON number written the same way) in minor
    /// units of `currency`.
    func decimalAmount(_ name: String, currency: CurrencyCode) throws(CommerceFormatError) -> Int64? {
        guard let value = value(name) else { return nil }
        let text: String
        switch value {
        case .string(let quoted): text = quoted
        case .number(let literal): text = literal
        default: throw wrongType(name, expected: "a decimal amount", found: value)
        }
        return try located(name) { () throws(CommerceFormatError) in
            try DecimalMoney.minorUnits(fromDecimal: text, currency: currency)
        }
    }

    func requiredDecimalAmount(_ name: String, currency: CurrencyCode) throws(CommerceFormatError) -> Int64 {
        try required(name) { name throws(CommerceFormatError) in try decimalAmount(name, currency: currency) }
    }

    /// A Stripe amount: a non-negative JSON integer, already in minor units.
    func minorUnits(_ name: String) throws(CommerceFormatError) -> Int64? {
        guard let amount = try integer(name) else { return nil }
        guard amount >= 0 else {
            throw CommerceFormatError(
                .badAmount, "\(fieldPath(name)): \(amount) is negative; amounts are never negative")
        }
        return amount
    }

    func requiredMinorUnits(_ name: String) throws(CommerceFormatError) -> Int64 { try required(name, minorUnits) }

    func object(_ name: String) throws(CommerceFormatError) -> FieldReader? {
        guard let value = value(name) else { return nil }
        return try FieldReader(value, path: fieldPath(name))
    }

    /// The elements of an array member, each an object (an absent or null array is empty).
    func objects(_ name: String) throws(CommerceFormatError) -> [FieldReader] {
        guard let value = value(name) else { return [] }
        guard case .array(let elements) = value else { throw wrongType(name, expected: "an array", found: value) }
        var readers: [FieldReader] = []
        readers.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            readers.append(try FieldReader(element, path: "\(fieldPath(name))[\(index)]"))
        }
        return readers
    }

    func strings(_ name: String) throws(CommerceFormatError) -> [String] {
        guard let value = value(name) else { return [] }
        guard case .array(let elements) = value else { throw wrongType(name, expected: "an array", found: value) }
        var texts: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw CommerceFormatError(
                    .wrongType, "\(fieldPath(name))[\(index)]: expected a string, found \(element.typeName)")
            }
            texts.append(text)
        }
        return texts
    }

    /// The value `read` finds for `name`, or a `missingField` error when it is absent or null.
    private func required<T>(_ name: String, _ read: (String) throws(CommerceFormatError) -> T?)
        throws(CommerceFormatError) -> T
    {
        guard let value = try read(name) else { throw missing(name) }
        return value
    }

    /// The error for a required member that is absent or null.
    func missing(_ name: String) -> CommerceFormatError {
        CommerceFormatError(.missingField, "\(fieldPath(name)): required, but absent or null")
    }

    private func wrongType(_ name: String, expected: String, found: JSONValue) -> CommerceFormatError {
        CommerceFormatError(.wrongType, "\(fieldPath(name)): expected \(expected), found \(found.typeName)")
    }

    /// Runs a value conversion and prefixes its error with the field's path.
    private func located<T>(_ name: String, _ convert: () throws(CommerceFormatError) -> T) throws(CommerceFormatError)
        -> T
    {
        do {
            return try convert()
        } catch {
            throw CommerceFormatError(error.code, "\(fieldPath(name)): \(error.message)")
        }
    }
}

extension JSONObject {
    /// The member named `name`. Export member names are ASCII, for which String equality is byte equality,
    /// and it compares short names as two machine words: every field of every object is looked up here.
    func member(_ name: String) -> JSONValue? {
        for member in members where member.name == name { return member.value }
        return nil
    }
}

import CredenceProtocol

/// A JSON object being decoded into a model, with its place in the document, so that every error names
/// the field at fault and the kind of value found, never the value.
///
/// A member that is absent and a member that is `null` mean the same (OpenID Connect says claims without
/// a value are omitted; some providers write `null` instead).
struct JSONFields {
    let object: JSONObject
    let pointer: JSONPointer

    init(_ value: JSONValue, at pointer: JSONPointer) throws(SocialExportError) {
        guard case .object(let object) = value else {
            throw SocialExportError(.malformed, field: pointer, "expected an object, found \(value.typeName)")
        }
        self.object = object
        self.pointer = pointer
    }

    /// The member's value, or nil when it is absent or `null`.
    func value(_ name: String) -> JSONValue? {
        switch object[name] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    func malformed(_ name: String, _ message: String) -> SocialExportError {
        SocialExportError(.malformed, field: pointer.appending(name), message)
    }

    func missing(_ name: String, _ why: String = "") -> SocialExportError {
        malformed(name, "required member is missing" + (why.isEmpty ? "" : " (\(why))"))
    }

    func string(_ name: String) throws(SocialExportError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else {
            throw malformed(name, "expected a string, found \(value.typeName)")
        }
        return text
    }

    func requiredString(_ name: String, _ why: String = "") throws(SocialExportError) -> String {
        guard let text = try string(name) else { throw missing(name, why) }
        return text
    }

    /// An identifier that exports write as a string and some tools as an integer literal (`accountId`).
    func identifier(_ name: String) throws(SocialExportError) -> String? {
        switch value(name) {
        case nil: return nil
        case .string(let text)?:
            guard !text.isEmpty else { throw malformed(name, "expected a non-empty identifier, found an empty string") }
            return text
        case .number(let literal)? where literal.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }:
            return literal
        case let value?:
            throw malformed(name, "expected an identifier string, found \(value.typeName)")
        }
    }

    func bool(_ name: String) throws(SocialExportError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else {
            throw malformed(name, "expected true or false, found \(value.typeName)")
        }
        return flag
    }

    func object(_ name: String) throws(SocialExportError) -> JSONFields? {
        guard let value = value(name) else { return nil }
        return try JSONFields(value, at: pointer.appending(name))
    }

    func requiredObject(_ name: String) throws(SocialExportError) -> JSONFields {
        guard let fields = try object(name) else { throw missing(name) }
        return fields
    }

    /// The elements of an array member with their pointers; nil when the member is absent.
    func array(_ name: String) throws(SocialExportError) -> [(value: JSONValue, pointer: JSONPointer)]? {
        guard let value = value(name) else { return nil }
        guard case .array(let elements) = value else {
            throw malformed(name, "expected an array, found \(value.typeName)")
        }
        let base = pointer.appending(name)
        return elements.enumerated().map { ($0.element, base.appending(index: $0.offset)) }
    }

    /// An ISO 8601 time with a zone (`2023-08-30T23:20:03.000Z`, `2012-04-23T18:25+02:00`).
    func isoTime(_ name: String) throws(SocialExportError) -> Timestamp? {
        guard let text = try string(name) else { return nil }
        guard let time = ExportTime.iso8601(text) else {
            throw malformed(
                name,
                "expected an ISO 8601 time with a zone like 2023-08-30T23:20:03.000Z, found a string of "
                    + "\(text.count) characters that is not one")
        }
        return time
    }

    /// A time as seconds since the epoch (OpenID Connect NumericDate), or as an ISO 8601 string, which
    /// some providers write instead.
    func numericOrISOTime(_ name: String) throws(SocialExportError) -> Timestamp? {
        switch value(name) {
        case nil: return nil
        case .number(let literal)?:
            guard let time = ExportTime.epochSeconds(literal) else {
                throw malformed(name, "expected seconds since 1970 between 0 and the year 9999, found another number")
            }
            return time
        case .string?: return try isoTime(name)
        case let value?:
            throw malformed(name, "expected seconds since 1970 (a number), found \(value.typeName)")
        }
    }

    /// A non-negative count that X writes as a string of digits (`"count" : "12"`).
    func count(_ name: String) throws(SocialExportError) -> Int? {
        let literal: String
        switch value(name) {
        case nil: return nil
        case .string(let text)?: literal = text
        case .number(let text)?: literal = text
        case let value?: throw malformed(name, "expected a count, found \(value.typeName)")
        }
        guard !literal.isEmpty, literal.utf8.count <= 18, literal.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let count = Int(literal)
        else { throw malformed(name, "expected a count of digits, found something else") }
        return count
    }
}

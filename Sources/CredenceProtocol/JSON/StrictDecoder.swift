/// Decodes `Decodable` types from a ``JSONValue`` strictly: a member the type does not know is an error,
/// integers must be integer literals that fit, and every error names the failing field by JSON Pointer.
/// Swift's camelCase coding keys are looked up as snake_case members (`batchSeq` reads `batch_seq`),
/// the same mapping as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`.
///
/// `JSONDecoder` ignores unknown members and reports paths as coding keys; for a signed wire format an
/// unexpected member is as wrong as a missing one, and a partner needs to know exactly where.
public enum StrictDecoder {
    /// Parses `json` strictly and decodes it. With `allowUnknownMembers`, members the type does not know
    /// are ignored: for documents from a newer peer (receipts), never for signed batches.
    public static func decode<T: Decodable>(_ type: T.Type, fromJSON json: [UInt8], allowUnknownMembers: Bool = false)
        throws(ProtocolError) -> T
    {
        try decode(type, from: try StrictJSONParser.parse(json), allowUnknownMembers: allowUnknownMembers)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, allowUnknownMembers: Bool = false)
        throws(ProtocolError) -> T
    {
        let tracker = MemberTracker()
        let decoder = ValueDecoder(value: value, codingPath: [], tracker: tracker)
        let result: T
        do {
            result = try T(from: decoder)
        } catch let error as ProtocolError {
            throw error
        } catch let error as DecodingError {
            throw ProtocolError(decodingError: error)
        } catch {
            throw ProtocolError(.schemaInvalid, "\(error)")
        }
        if !allowUnknownMembers, let unknown = tracker.firstUnknownMember() {
            throw ProtocolError(.schemaInvalid, "'\(unknown)' is not a member of the schema", pointer: unknown)
        }
        return result
    }
}

extension ProtocolError {
    /// A schema error at the decoder's current field.
    public static func schema(_ message: String, at codingPath: [any CodingKey]) -> ProtocolError {
        let pointer = JSONPointer(codingPath: codingPath)
        return ProtocolError(.schemaInvalid, "\(pointer): \(message)", pointer: pointer)
    }

    init(decodingError: DecodingError) {
        switch decodingError {
        case .keyNotFound(let key, let context):
            self = .schema("required member '\(snakeCase(key.stringValue))' is missing", at: context.codingPath + [key])
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            self = .schema(context.debugDescription, at: context.codingPath)
        @unknown default:
            self = ProtocolError(.schemaInvalid, "\(decodingError)")
        }
    }
}

extension JSONPointer {
    init(codingPath: [any CodingKey]) {
        self.init(tokens: codingPath.map { key in key.intValue.map(String.init) ?? snakeCase(key.stringValue) })
    }
}

/// `batchSeq` → `batch_seq`, `recordID` → `record_id`: Foundation's `convertToSnakeCase` rule.
func snakeCase(_ name: String) -> String {
    let characters = Array(name)
    var result = ""
    for (index, character) in characters.enumerated() {
        guard character.isUppercase else {
            result.append(character)
            continue
        }
        let previous = index > 0 ? characters[index - 1] : nil
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        let afterLowerOrDigit = previous.map { $0.isLowercase || $0.isNumber } ?? false
        let endsAcronym = (previous?.isUppercase ?? false) && (next?.isLowercase ?? false)
        if afterLowerOrDigit || endsAcronym { result += "_" }
        result += character.lowercased()
    }
    return result
}

/// Remembers, per decoded object, which members the types asked for, to find the ones nobody asked for.
private final class MemberTracker {
    private var objects: [(pointer: JSONPointer, object: JSONObject, requested: Set<String>)] = []

    func register(_ object: JSONObject, at pointer: JSONPointer) -> Int {
        objects.append((pointer, object, []))
        return objects.count - 1
    }

    func markRequested(_ name: String, in index: Int) {
        objects[index].requested.insert(name)
    }

    func firstUnknownMember() -> JSONPointer? {
        for entry in objects {
            if let name = entry.object.names.first(where: { !entry.requested.contains($0) }) {
                return entry.pointer.appending(name)
            }
        }
        return nil
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let tracker: MemberTracker
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw ProtocolError.schema("expected an object, found \(value.typeName)", at: codingPath)
        }
        let index = tracker.register(object, at: JSONPointer(codingPath: codingPath))
        return KeyedDecodingContainer(
            KeyedContainer<Key>(object: object, codingPath: codingPath, tracker: tracker, trackerIndex: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw ProtocolError.schema("expected an array, found \(value.typeName)", at: codingPath)
        }
        return UnkeyedContainer(elements: elements, codingPath: codingPath, tracker: tracker)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath, tracker: tracker)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]
    let tracker: MemberTracker
    let trackerIndex: Int

    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool {
        let name = snakeCase(key.stringValue)
        tracker.markRequested(name, in: trackerIndex)
        return object[name] != nil
    }

    private func member(_ key: Key) throws -> JSONValue {
        let name = snakeCase(key.stringValue)
        tracker.markRequested(name, in: trackerIndex)
        guard let value = object[name] else {
            throw ProtocolError.schema("required member '\(name)' is missing", at: codingPath + [key])
        }
        return value
    }

    private func decoder(for key: Key) throws -> ValueDecoder {
        ValueDecoder(value: try member(key), codingPath: codingPath + [key], tracker: tracker)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let name = snakeCase(key.stringValue)
        tracker.markRequested(name, in: trackerIndex)
        return object[name] == nil || object[name] == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder(for: key).decodeSingle(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        if try decodeNil(forKey: key) { return nil }
        return try decode(type, forKey: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder(for: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        throw ProtocolError.schema("class inheritance is not supported", at: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try decoder(for: key)
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    let tracker: MemberTracker
    var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey], tracker: MemberTracker) {
        self.elements = elements
        self.codingPath = codingPath
        self.tracker = tracker
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func nextDecoder() throws -> ValueDecoder {
        guard !isAtEnd else { throw ProtocolError.schema("array ended early", at: codingPath) }
        defer { currentIndex += 1 }
        return ValueDecoder(
            value: elements[currentIndex], codingPath: codingPath + [IndexKey(intValue: currentIndex)],
            tracker: tracker)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try nextDecoder().decodeSingle(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try nextDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try nextDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        try nextDecoder()
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let tracker: MemberTracker

    func decodeNil() -> Bool { value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try ValueDecoder(value: value, codingPath: codingPath, tracker: tracker).decodeSingle(type)
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch("a boolean") }
        return bool
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let string) = value else { throw mismatch("a string") }
        return string
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .number(let text) = value, let number = Double(text), number.isFinite else {
            throw mismatch("a number")
        }
        return number
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    private func integer<T: FixedWidthInteger>() throws -> T {
        guard case .number(let text) = value else { throw mismatch("an integer") }
        guard let number = T(text) else {
            throw ProtocolError.schema("expected an integer in \(T.min)...\(T.max), found \(text)", at: codingPath)
        }
        return number
    }

    private func mismatch(_ expected: String) -> ProtocolError {
        ProtocolError.schema("expected \(expected), found \(value.typeName)", at: codingPath)
    }
}

extension ValueDecoder {
    /// Routes primitives through ``SingleValueContainer`` so that their checks apply everywhere.
    func decodeSingle<T: Decodable>(_ type: T.Type) throws -> T {
        let container = SingleValueContainer(value: value, codingPath: codingPath, tracker: tracker)
        switch type {
        case is String.Type: return try container.decode(String.self) as! T
        case is Bool.Type: return try container.decode(Bool.self) as! T
        case is Int.Type: return try container.decode(Int.self) as! T
        case is Int64.Type: return try container.decode(Int64.self) as! T
        case is Int32.Type: return try container.decode(Int32.self) as! T
        case is UInt64.Type: return try container.decode(UInt64.self) as! T
        case is Double.Type: return try container.decode(Double.self) as! T
        default: return try T(from: self)
        }
    }
}

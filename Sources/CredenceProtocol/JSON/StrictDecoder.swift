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
        let decoder = ValueDecoder(value: value, path: nil, tracker: tracker)
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
    // Every coding key is ASCII and this runs for every member decoded: the byte loop gives the same
    // result as the Character loop for ASCII (where upper, lower and digit are A-Z, a-z and 0-9, and CR LF,
    // one Character but two bytes, is none of them), without a Unicode property lookup per character.
    var name = name
    return name.withUTF8(snakeCaseASCII) ?? snakeCaseUnicode(name)
}

/// The snake_case of an ASCII name, or nil when `bytes` are not all ASCII.
private func snakeCaseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    func isLowerOrDigit(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    guard bytes.contains(where: isUpper) else { return String(decoding: bytes, as: UTF8.self) }
    // At most one underscore per byte; a stack buffer, so that a name of up to 15 bytes (a small string)
    // allocates nothing.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2) { result in
        var count = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard isUpper(byte) else {
                result[count] = byte
                count += 1
                continue
            }
            let previous = index > 0 ? bytes[index - 1] : nil
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            let afterLowerOrDigit = previous.map(isLowerOrDigit) ?? false
            let endsAcronym = (previous.map(isUpper) ?? false) && (next.map { $0 >= 0x61 && $0 <= 0x7A } ?? false)
            if afterLowerOrDigit || endsAcronym {
                result[count] = UInt8(ascii: "_")
                count += 1
            }
            result[count] = byte + 0x20
            count += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: result[..<count]), as: UTF8.self)
    }
}

private func snakeCaseUnicode(_ name: String) -> String {
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
    private var objects: [RequestedMembers] = []

    /// The path is kept rather than its JSON Pointer: the pointer is only needed for an error.
    func register(_ object: JSONObject, at path: CodingPathNode?) -> RequestedMembers {
        let requested = RequestedMembers(object: object, path: path)
        objects.append(requested)
        return requested
    }

    func firstUnknownMember() -> JSONPointer? {
        for entry in objects {
            if let name = entry.firstUnrequestedName {
                return JSONPointer(codingPath: entry.path?.codingPath ?? []).appending(name)
            }
        }
        return nil
    }
}

/// One decoded object and which of its members the type asked for. The keyed container holds it, so a
/// lookup reads the object directly instead of through the tracker's list.
private final class RequestedMembers {
    let object: JSONObject
    let path: CodingPathNode?
    /// Member i was asked for: bit i, or `extra[i - 64]` for larger objects.
    private var bits: UInt64 = 0
    private var extra: [Bool]

    init(object: JSONObject, path: CodingPathNode?) {
        self.object = object
        self.path = path
        self.extra = object.members.count > 64 ? Array(repeating: false, count: object.members.count - 64) : []
    }

    /// Marks every member named `name` as asked for (String equality, as a set of requested names would
    /// compare) and returns the value of the first whose name has exactly `name`'s UTF-8 bytes.
    func request(_ name: String) -> JSONValue? {
        var found: JSONValue?
        let members = object.members
        // String equality first: for the short names of a batch (small strings) it compares two words.
        for position in members.indices where members[position].name == name {
            if position < 64 {
                bits |= 1 << UInt64(position)
            } else {
                extra[position - 64] = true
            }
            if found == nil, sameUTF8(members[position].name, name) { found = members[position].value }
        }
        return found
    }

    var firstUnrequestedName: String? {
        for (position, member) in object.members.enumerated() {
            let requested = position < 64 ? bits & (1 << UInt64(position)) != 0 : extra[position - 64]
            if !requested { return member.name }
        }
        return nil
    }
}

/// A coding path as a linked list from the leaf: extending it allocates one node instead of copying the
/// whole array, and the `[any CodingKey]` form is built only when asked for (errors).
private final class CodingPathNode {
    let parent: CodingPathNode?
    let key: any CodingKey

    init(parent: CodingPathNode?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: CodingPathNode? = self
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

extension Optional where Wrapped == CodingPathNode {
    fileprivate var codingPath: [any CodingKey] { self?.codingPath ?? [] }

    fileprivate func appending(_ key: any CodingKey) -> CodingPathNode {
        CodingPathNode(parent: self, key: key)
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
    let path: CodingPathNode?
    let tracker: MemberTracker
    var codingPath: [any CodingKey] { path.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw ProtocolError.schema("expected an object, found \(value.typeName)", at: codingPath)
        }
        let members = tracker.register(object, at: path)
        return KeyedDecodingContainer(KeyedContainer<Key>(path: path, tracker: tracker, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw ProtocolError.schema("expected an array, found \(value.typeName)", at: codingPath)
        }
        return UnkeyedContainer(elements: elements, path: path, tracker: tracker)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, path: path, tracker: tracker)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let path: CodingPathNode?
    let tracker: MemberTracker
    let members: RequestedMembers

    var codingPath: [any CodingKey] { path.codingPath }
    var allKeys: [Key] { [] }

    /// Looks the member up and records that the type asked for it.
    private func lookUp(_ key: Key) -> (name: String, value: JSONValue?) {
        let name = snakeCase(key.stringValue)
        return (name, members.request(name))
    }

    func contains(_ key: Key) -> Bool {
        lookUp(key).value != nil
    }

    private func member(_ key: Key) throws -> JSONValue {
        let (name, value) = lookUp(key)
        guard let value else {
            throw ProtocolError.schema("required member '\(name)' is missing", at: codingPath + [key])
        }
        return value
    }

    private func decoder(for key: Key) throws -> ValueDecoder {
        ValueDecoder(value: try member(key), path: path.appending(key), tracker: tracker)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let value = lookUp(key).value
        return value == nil || value == .null
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
    let path: CodingPathNode?
    let tracker: MemberTracker
    var currentIndex = 0

    init(elements: [JSONValue], path: CodingPathNode?, tracker: MemberTracker) {
        self.elements = elements
        self.path = path
        self.tracker = tracker
    }

    var codingPath: [any CodingKey] { path.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func nextDecoder() throws -> ValueDecoder {
        guard !isAtEnd else { throw ProtocolError.schema("array ended early", at: codingPath) }
        defer { currentIndex += 1 }
        return ValueDecoder(
            value: elements[currentIndex], path: path.appending(IndexKey(intValue: currentIndex)), tracker: tracker)
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
    let path: CodingPathNode?
    let tracker: MemberTracker

    var codingPath: [any CodingKey] { path.codingPath }

    func decodeNil() -> Bool { value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try ValueDecoder(value: value, path: path, tracker: tracker).decodeSingle(type)
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
        // Metatype identity rather than `is X.Type` casts: the same answer for these value types, without
        // a dynamic cast for every non-primitive member.
        let container = SingleValueContainer(value: value, path: path, tracker: tracker)
        if T.self == String.self { return try container.decode(String.self) as! T }
        if T.self == Bool.self { return try container.decode(Bool.self) as! T }
        if T.self == Int.self { return try container.decode(Int.self) as! T }
        if T.self == Int64.self { return try container.decode(Int64.self) as! T }
        if T.self == Int32.self { return try container.decode(Int32.self) as! T }
        if T.self == UInt64.self { return try container.decode(UInt64.self) as! T }
        if T.self == Double.self { return try container.decode(Double.self) as! T }
        return try T(from: self)
    }
}

import CredenceProtocol
public import Foundation

/// Reads moov-io/metro2's JSON rendering of a Metro 2 file
/// (`{"header": {...}, "data": [{"base": {...}, "j1": [...], ...}], "trailer": {...}}`) into the same typed
/// records as the character reader, through the same field tables (each field's `jsonName`).
///
/// moov omits zero values, so a missing member reads as blank, zero or "not available"; dates are RFC 3339
/// (only the calendar day counts), amounts integers, SSNs and phones integers without leading zeros. The
/// whole document is parsed at once (moov itself holds a file in memory); records are decoded one at a time.
public struct Metro2MoovJSONReader: Metro2RecordSource {
    public let header: Metro2Header
    public private(set) var trailer: Metro2Trailer?
    public private(set) var warnings: [String] = []
    private let data: [JSONValue]
    private var nextIndex = 0

    public init(contentsOf url: URL) throws(Metro2FileError) {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw Metro2FileError("cannot read the file: \(error.localizedDescription)")
        }
        try self.init(json: bytes)
    }

    public init(json bytes: some Collection<UInt8>) throws(Metro2FileError) {
        let document: JSONValue
        do {
            document = try StrictJSONParser.parse(bytes)
        } catch {
            throw Metro2FileError("not valid JSON: \(error.message)")
        }
        guard case .object(let file) = document else {
            throw Metro2FileError("not a moov Metro 2 JSON file: the document is a \(document.typeName), not an object")
        }
        guard case .object(let header)? = file["header"] else {
            throw Metro2FileError("not a moov Metro 2 JSON file: no \"header\" object")
        }
        do {
            var decoder = MoovJSONDecoder(object: header)
            self.header = try Metro2Header.decode(with: &decoder)
        } catch {
            throw Metro2FileError("the header: \(error.description)")
        }
        switch file["data"] {
        case .array(let records)?: data = records
        case nil, .null?: data = []
        case let other?: throw Metro2FileError("\"data\" is a \(other.typeName), expected an array of data records")
        }
        switch file["trailer"] {
        case .object(let object)?:
            do {
                var decoder = MoovJSONDecoder(object: object)
                trailer = try Metro2Trailer.decode(with: &decoder)
            } catch {
                throw Metro2FileError("the trailer: \(error.description)")
            }
        case nil, .null?:
            trailer = nil
        case let other?:
            throw Metro2FileError("\"trailer\" is a \(other.typeName), expected an object")
        }
    }

    public mutating func next() throws(Metro2FileError) -> Metro2Item? {
        guard nextIndex < data.count else {
            finish()
            return nil
        }
        let index = nextIndex
        nextIndex += 1
        return Metro2Item(position: .index(index), result: Self.dataRecord(data[index]))
    }

    private mutating func finish() {
        guard nextIndex == data.count else { return }
        nextIndex += 1
        if let trailer {
            if let warning = trailer.countWarning(dataRecordsRead: data.count) { warnings.append(warning) }
        } else {
            warnings.append(Metro2Trailer.missingWarning(dataRecordsRead: data.count))
        }
    }

    private static func dataRecord(_ value: JSONValue) -> Result<Metro2DataRecord, Metro2RecordError> {
        guard case .object(let object) = value else {
            return .failure(Metro2RecordError("the data record is a \(value.typeName), expected an object"))
        }
        guard case .object(let base)? = object["base"] else {
            return .failure(Metro2RecordError("the data record has no \"base\" object"))
        }
        do throws(Metro2FieldError) {
            var decoder = MoovJSONDecoder(object: base)
            var record = Metro2DataRecord(base: try Metro2BaseSegment.decode(with: &decoder))
            for segment in Metro2Segment.appended {
                let key = segment.rawValue.lowercased()
                let members: [JSONValue]
                switch object[key] {
                case nil, .null?: continue
                case .array(let list)?: members = list
                case let single?: members = [single]
                }
                for member in members {
                    guard case .object(let fields) = member else {
                        return .failure(
                            Metro2RecordError("\"\(key)\" holds a \(member.typeName), expected a segment object"))
                    }
                    var decoder = MoovJSONDecoder(object: fields)
                    if let duplicate = try record.append(segment, with: &decoder) {
                        return .failure(Metro2RecordError(duplicate))
                    }
                }
            }
            return .success(record)
        } catch {
            return .failure(Metro2RecordError(error.description))
        }
    }
}

/// Reads fields from one moov JSON segment object by their `jsonName`.
struct MoovJSONDecoder: Metro2FieldCoder {
    let object: JSONObject

    private func member(_ field: Metro2Field) -> JSONValue? {
        switch object[field.jsonName] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    mutating func code(_ value: inout String, _ field: Metro2Field) throws(Metro2FieldError) {
        switch member(field) {
        case nil:
            value = ""
        case .string(let text)?:
            value = text.trimmingCharacters(in: .whitespaces)
            if field.kind == .digits {
                guard value.utf8.allSatisfy(ASCIIText.isDigit), value.utf8.count <= field.length else {
                    throw Metro2FieldError(field, found: value, expected: "\(field.length) digits")
                }
                value = Self.digitString(value, field)
            }
        case .number(let literal)?:
            guard let number = Int64(literal), number >= 0 else {
                throw Metro2FieldError(field, found: literal, expected: "a non-negative integer")
            }
            value = field.kind == .digits ? Self.digitString(String(number), field) : String(number)
        case let other?:
            throw Metro2FieldError(field, found: other.typeName, expected: "a string")
        }
    }

    /// Left-pads a digit string to the field's width (moov writes SSNs and phones as integers, losing
    /// leading zeros); all zeros is "not available".
    private static func digitString(_ text: String, _ field: Metro2Field) -> String {
        guard !text.utf8.allSatisfy({ $0 == ASCIIText.zero }) else { return "" }
        return String(repeating: "0", count: max(0, field.length - text.utf8.count)) + text
    }

    mutating func code(_ value: inout Int64, _ field: Metro2Field) throws(Metro2FieldError) {
        switch member(field) {
        case nil:
            value = 0
        case .number(let literal)?:
            guard let number = Int64(literal), number >= 0 else {
                throw Metro2FieldError(field, found: literal, expected: "a non-negative integer")
            }
            value = number
        case .string(let text)? where text.trimmingCharacters(in: .whitespaces).isEmpty:
            value = 0
        case .string(let text)?:
            guard let number = ASCIIText.number(Array(text.utf8)) else {
                throw Metro2FieldError(field, found: text, expected: "a non-negative integer")
            }
            value = number
        case let other?:
            throw Metro2FieldError(field, found: other.typeName, expected: "an integer")
        }
    }

    mutating func code(_ value: inout Metro2Date?, _ field: Metro2Field) throws(Metro2FieldError) {
        value = try rfc3339(field)?.date
    }

    mutating func code(_ value: inout Metro2Timestamp?, _ field: Metro2Field) throws(Metro2FieldError) {
        value = try rfc3339(field)
    }

    /// The day and wall-clock time written in an RFC 3339 member, as written (Metro 2 has no time zone);
    /// Go's zero time `0001-01-01T00:00:00Z` is "not available".
    private func rfc3339(_ field: Metro2Field) throws(Metro2FieldError) -> Metro2Timestamp? {
        guard let member = member(field) else { return nil }
        guard case .string(let text) = member else {
            throw Metro2FieldError(field, found: member.typeName, expected: "an RFC 3339 date-time string")
        }
        let bytes = Array(text.utf8)
        let invalid = Metro2FieldError(field, found: text, expected: "an RFC 3339 date-time like 2024-01-31T00:00:00Z")
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"),
            let year = ASCIIText.number(bytes[0..<4]), let month = ASCIIText.number(bytes[5..<7]),
            let day = ASCIIText.number(bytes[8..<10]), let hour = ASCIIText.number(bytes[11..<13]),
            let minute = ASCIIText.number(bytes[14..<16]), let second = ASCIIText.number(bytes[17..<19])
        else { throw invalid }
        if year == 1 && month == 1 && day == 1 { return nil }
        guard let date = Metro2Date(year: Int(year), month: Int(month), day: Int(day)),
            let stamp = Metro2Timestamp(date: date, hour: Int(hour), minute: Int(minute), second: Int(second))
        else { throw invalid }
        return stamp
    }
}

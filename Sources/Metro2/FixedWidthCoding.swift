/// Reads fields of one segment from character-format bytes.
struct FixedWidthDecoder: Metro2FieldCoder {
    /// The bytes of the whole record; the segment starts at ``segmentStart``.
    let bytes: UnsafeBufferPointer<UInt8>
    let segmentStart: Int

    private func slice(_ field: Metro2Field) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(
            rebasing: bytes[(segmentStart + field.offset)..<(segmentStart + field.offset + field.length)])
    }

    mutating func code(_ value: inout String, _ field: Metro2Field) throws(Metro2FieldError) {
        let raw = slice(field)
        guard field.kind == .digits else {
            value = ASCIIText.trimmed(raw)
            return
        }
        if raw.allSatisfy({ $0 == ASCIIText.zero || $0 == ASCIIText.blank }) {
            value = ""
        } else if raw.allSatisfy(ASCIIText.isDigit) {
            value = String(decoding: raw, as: UTF8.self)
        } else {
            throw Metro2FieldError(field, found: ASCIIText.shown(raw), expected: "\(field.length) digits")
        }
    }

    mutating func code(_ value: inout Int64, _ field: Metro2Field) throws(Metro2FieldError) {
        let raw = slice(field)
        if raw.allSatisfy({ $0 == ASCIIText.blank }) {
            value = 0
            return
        }
        guard let number = ASCIIText.number(raw) else {
            throw Metro2FieldError(field, found: ASCIIText.shown(raw), expected: "a whole number, zero-filled")
        }
        value = number
    }

    mutating func code(_ value: inout Metro2Date?, _ field: Metro2Field) throws(Metro2FieldError) {
        let raw = slice(field)
        if ASCIIText.isNotAvailable(raw) {
            value = nil
        } else if let date = Self.date(raw) {
            value = date
        } else {
            throw Metro2FieldError(field, found: ASCIIText.shown(raw), expected: "a date MMDDYYYY (00000000 if none)")
        }
    }

    mutating func code(_ value: inout Metro2Timestamp?, _ field: Metro2Field) throws(Metro2FieldError) {
        let raw = slice(field)
        if ASCIIText.isNotAvailable(raw) {
            value = nil
        } else if let date = Self.date(raw), let hour = ASCIIText.number(raw[8..<10]),
            let minute = ASCIIText.number(raw[10..<12]), let second = ASCIIText.number(raw[12..<14]),
            let stamp = Metro2Timestamp(date: date, hour: Int(hour), minute: Int(minute), second: Int(second))
        {
            value = stamp
        } else {
            throw Metro2FieldError(field, found: ASCIIText.shown(raw), expected: "a time stamp MMDDYYYYHHMMSS")
        }
    }

    /// The day of an `MMDDYYYY...` field, or nil when it is not a real day.
    private static func date(_ raw: UnsafeBufferPointer<UInt8>) -> Metro2Date? {
        guard let month = ASCIIText.number(raw[0..<2]), let day = ASCIIText.number(raw[2..<4]),
            let year = ASCIIText.number(raw[4..<8])
        else { return nil }
        return Metro2Date(year: Int(year), month: Int(month), day: Int(day))
    }
}

/// Writes fields of one segment into a character-format record buffer that starts out blank-filled.
struct FixedWidthEncoder: Metro2FieldCoder {
    var bytes: [UInt8]
    var segmentStart: Int

    /// 10^0 ... 10^18: the first number too wide for a field of that many digits.
    private static let powersOfTen: [Int64] = (0...18).map { exponent in
        (0..<exponent).reduce(1) { product, _ in product * 10 }
    }

    /// Writes `text` left-justified in the field (the rest stays blank).
    private mutating func put(_ text: some Collection<UInt8>, _ field: Metro2Field) {
        var index = segmentStart + field.offset
        for byte in text {
            bytes[index] = byte
            index += 1
        }
    }

    /// Writes `value` right-justified and zero-filled over the whole field.
    private mutating func putZeroFilled(_ value: UInt64, _ field: Metro2Field) {
        var remaining = value
        var index = segmentStart + field.offset + field.length
        while index > segmentStart + field.offset {
            index -= 1
            bytes[index] = ASCIIText.zero + UInt8(remaining % 10)
            remaining /= 10
        }
    }

    mutating func code(_ value: inout String, _ field: Metro2Field) throws(Metro2FieldError) {
        let utf8 = value.utf8
        if field.kind == .digits {
            guard utf8.count <= field.length, utf8.allSatisfy(ASCIIText.isDigit) else {
                throw Metro2FieldError(field, found: value, expected: "at most \(field.length) digits")
            }
            putZeroFilled(UInt64(value) ?? 0, field)
            return
        }
        guard utf8.count <= field.length else {
            throw Metro2FieldError(field, found: value, expected: "at most \(field.length) characters")
        }
        guard !utf8.contains(where: { $0 == ASCIIText.lineFeed || $0 == ASCIIText.carriageReturn }) else {
            throw Metro2FieldError(field, found: nil, expected: "text without line breaks")
        }
        put(utf8, field)
    }

    mutating func code(_ value: inout Int64, _ field: Metro2Field) throws(Metro2FieldError) {
        guard value >= 0, value < Self.powersOfTen[min(field.length, 18)] else {
            throw Metro2FieldError(
                field, found: String(value), expected: "a whole number from 0 to \(field.length) digits")
        }
        putZeroFilled(UInt64(value), field)
    }

    mutating func code(_ value: inout Metro2Date?, _ field: Metro2Field) throws(Metro2FieldError) {
        put((value?.metro2Text ?? "00000000").utf8, field)
    }

    mutating func code(_ value: inout Metro2Timestamp?, _ field: Metro2Field) throws(Metro2FieldError) {
        put((value?.metro2Text ?? String(repeating: "0", count: 14)).utf8, field)
    }
}

/// Byte-level helpers for the character format (ASCII; other bytes pass through as UTF-8 text).
enum ASCIIText {
    static let blank = UInt8(ascii: " ")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    /// The text without leading and trailing blanks (and NULs, which some exports pad with).
    static func trimmed(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var start = raw.startIndex
        var end = raw.endIndex
        while start < end && (raw[start] == blank || raw[start] == 0) { start += 1 }
        while end > start && (raw[end - 1] == blank || raw[end - 1] == 0) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
    }

    /// The decimal value of an all-digit slice, or nil.
    static func number(_ raw: some Collection<UInt8>) -> Int64? {
        guard !raw.isEmpty, raw.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in raw {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int64(byte - zero)
        }
        return value
    }

    /// All zeros or all blanks: Metro 2's "not available" for dates.
    static func isNotAvailable(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        raw.allSatisfy { $0 == zero } || raw.allSatisfy { $0 == blank }
    }

    /// The bytes as text for a message, with anything unprintable shown as `?`.
    static func shown(_ raw: some Collection<UInt8>) -> String {
        String(decoding: raw.map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}

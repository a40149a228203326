public import CredenceProtocol

/// The time notations of social exports, turned into the batch's UTC ``Timestamp`` (whole seconds).
///
/// X writes `2023-08-30T23:20:03.000Z`; OpenID Connect writes `updated_at` as seconds since the epoch and
/// Identity Assurance times as ISO 8601 with any offset and optional seconds (`2012-04-23T18:25Z`). All
/// become one spelling, so that equal instants compare equal as text.
///
/// ```swift
/// ExportTime.iso8601("2012-04-23T20:25+02:00")?.rawValue  // "2012-04-23T18:25:00Z"
/// ExportTime.epochSeconds("1700000000")?.rawValue        // "2023-11-14T22:13:20Z"
/// ```
public enum ExportTime {
    /// The latest instant a batch timestamp can name (9999-12-31T23:59:59Z).
    static let latestSecond: Int64 = 253_402_300_799

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an offset `±HH:MM` (or `±HHMM`). A time
    /// without a zone is refused: it names no instant. The fraction is dropped.
    public static func iso8601(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"),
            let day = CalendarDate.daysSinceEpoch(of: String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2), hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let value = digits(bytes, index + 1, 2), value < 60 else { return nil }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let start = index
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                guard index > start else { return nil }
            }
        }
        guard let offsetSeconds = zoneOffset(bytes, from: index) else { return nil }
        let seconds = Int64(day) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        return timestamp(seconds)
    }

    /// Parses a JSON number of seconds since 1970-01-01T00:00:00Z (OpenID Connect's NumericDate). A
    /// fraction is dropped; exponents, negative times and times after 9999 are refused.
    public static func epochSeconds(_ literal: String) -> Timestamp? {
        var integerPart = Substring(literal)
        if let dot = literal.firstIndex(of: ".") {
            let fraction = literal[literal.index(after: dot)...]
            guard !fraction.isEmpty, fraction.utf8.allSatisfy(isDigit) else { return nil }
            integerPart = literal[..<dot]
        }
        guard !integerPart.isEmpty, integerPart.utf8.count <= 12, integerPart.utf8.allSatisfy(isDigit),
            let seconds = Int64(integerPart)
        else { return nil }
        return timestamp(seconds)
    }

    /// The instant as X's archives write it: milliseconds, always `.000` here, and `Z`.
    public static func xArchiveText(_ timestamp: Timestamp) -> String {
        let whole = Timestamp(secondsSinceEpoch: timestamp.secondsSinceEpoch).rawValue
        return whole.dropLast() + ".000Z"
    }

    private static func timestamp(_ seconds: Int64) -> Timestamp? {
        guard (0...latestSecond).contains(seconds) else { return nil }
        return Timestamp(secondsSinceEpoch: seconds)
    }

    /// The offset east of UTC in seconds of the zone designator that must end the text at `index`.
    private static func zoneOffset(_ bytes: [UInt8], from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return index + 1 == bytes.count ? 0 : nil
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "+") ? 1 : -1
            let rest = bytes.count - index - 1
            guard let hours = digits(bytes, index + 1, 2), hours < 24 else { return nil }
            let minutes: Int?
            if rest == 5, bytes[index + 3] == UInt8(ascii: ":") {
                minutes = digits(bytes, index + 4, 2)
            } else if rest == 4 {
                minutes = digits(bytes, index + 3, 2)
            } else {
                minutes = nil
            }
            guard let minutes, minutes < 60 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension CalendarDate {
    /// Days since 1970-01-01 of a real `YYYY-MM-DD` day, or nil.
    fileprivate static func daysSinceEpoch(of text: String) -> Int? {
        guard let date = try? CalendarDate(text) else { return nil }
        return date.daysSinceEpoch
    }
}

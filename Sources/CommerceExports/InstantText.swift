public import CredenceProtocol

/// Conversions between the ways exports write an instant and the batch's UTC ``Timestamp``: Shopify's
/// ISO 8601 with the shop's offset (`2008-01-10T11:00:00-05:00`) and Stripe's Unix seconds.
///
/// ```swift
/// try InstantText.utc(fromISO8601: "2008-01-10T11:00:00-05:00").rawValue   // "2008-01-10T16:00:00Z"
/// InstantText.iso8601(Timestamp(secondsSinceEpoch: 0), offsetMinutes: 480)  // "1970-01-01T08:00:00+08:00"
/// ```
public enum InstantText {
    /// The UTC instant of `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`. The fraction (1-9 digits) is
    /// kept; a leap second, a missing offset (local time of an unknown zone) or a day that does not exist
    /// is refused.
    public static func utc(fromISO8601 text: String) throws(CommerceFormatError) -> Timestamp {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let date = try? CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
            let second = number(bytes[17..<19]), hour < 24, minute < 60, second < 60
        else { throw notAnInstant(text) }
        var index = 19
        var fraction = ""
        if bytes[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard (1...9).contains(index - start) else { throw notAnInstant(text) }
            fraction = "." + String(decoding: bytes[start..<index], as: UTF8.self)
        }
        let offsetSeconds: Int
        let rest = bytes[index...]
        if rest.elementsEqual([UInt8(ascii: "Z")]) {
            offsetSeconds = 0
        } else if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let digits = rest.dropFirst().filter { $0 != UInt8(ascii: ":") }
            let colonForm = rest.count == 6 && rest[index + 3] == UInt8(ascii: ":")
            guard digits.count == 4, colonForm || rest.count == 5, let hours = number(digits.prefix(2)),
                let minutes = number(digits.suffix(2)), hours < 24, minutes < 60
            else { throw notAnInstant(text) }
            offsetSeconds = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            throw notAnInstant(text)
        }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return withFraction(Timestamp(secondsSinceEpoch: local - Int64(offsetSeconds)), fraction)
    }

    /// `seconds` since the Unix epoch, as Stripe writes `created`.
    public static func utc(fromUnixSeconds seconds: Int64) -> Timestamp {
        Timestamp(secondsSinceEpoch: seconds)
    }

    /// The instant written in local time at `offsetMinutes` east of UTC, as a shop in that zone would
    /// write it (`Z` for offset 0). The fraction, if any, is kept.
    public static func iso8601(_ instant: Timestamp, offsetMinutes: Int) -> String {
        let utcText = instant.rawValue
        let fraction = utcText.firstIndex(of: ".").map { String(utcText[$0..<utcText.index(before: utcText.endIndex)]) }
        let local = Timestamp(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(offsetMinutes) * 60).rawValue
        let wholeSeconds = String(local.dropLast())
        guard offsetMinutes != 0 else { return wholeSeconds + (fraction ?? "") + "Z" }
        let magnitude = abs(offsetMinutes)
        let sign = offsetMinutes < 0 ? "-" : "+"
        return wholeSeconds + (fraction ?? "") + sign + twoDigits(magnitude / 60) + ":" + twoDigits(magnitude % 60)
    }

    /// Whole seconds since the epoch of a UTC timestamp, as Stripe writes them.
    public static func unixSeconds(_ instant: Timestamp) -> Int64 { instant.secondsSinceEpoch }

    private static func withFraction(_ timestamp: Timestamp, _ fraction: String) -> Timestamp {
        guard !fraction.isEmpty else { return timestamp }
        return Timestamp(unchecked: String(timestamp.rawValue.dropLast()) + fraction + "Z")
    }

    private static func notAnInstant(_ text: String) -> CommerceFormatError {
        CommerceFormatError(
            .badTime, "'\(text.prefix(40))' is not an ISO 8601 time with an offset like 2008-01-10T11:00:00-05:00")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func number(_ digits: some Collection<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return digits.isEmpty ? nil : value
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

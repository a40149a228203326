/// A UTC instant in RFC 3339 form with a `Z` offset: `2026-01-31T12:00:00Z`, optionally with 1-9
/// fraction digits. Local offsets are refused so that equal instants are written alike.
public struct Timestamp: ValidatedString, Comparable {
    public static let formatDescription = "RFC 3339 UTC time like 2026-01-31T12:00:00Z"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func isValid(_ text: String) -> Bool { parse(text) != nil }

    /// Seconds since 1970-01-01T00:00:00Z (the fraction is dropped).
    public var secondsSinceEpoch: Int64 { Self.parse(rawValue) ?? 0 }

    /// The timestamp for a number of whole seconds since the epoch.
    public init(secondsSinceEpoch seconds: Int64) {
        let days = Int(seconds.floorDivided(by: 86_400))
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let date = CalendarDate(daysSinceEpoch: days)
        let time = [secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60].map(twoDigits).joined(separator: ":")
        self.init(unchecked: "\(date.rawValue)T\(time)Z")
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    private static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes.last == UInt8(ascii: "Z"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let date = CalendarDate.parse(Array(bytes[0..<10])),
            let hour = ASCII.number(bytes, 11..<13), let minute = ASCII.number(bytes, 14..<16),
            let second = ASCII.number(bytes, 17..<19), hour < 24, minute < 60, second < 60
        else { return nil }
        if bytes.count > 20 {
            let fraction = bytes[19..<(bytes.count - 1)]
            guard fraction.first == UInt8(ascii: "."), (2...10).contains(fraction.count),
                fraction.dropFirst().allSatisfy(ASCII.isDigit)
            else { return nil }
        }
        return Int64(date) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

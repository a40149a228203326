import CredencePrimitives

/// A calendar day as Metro 2 reports it (`MMDDYYYY` in the character format, RFC 3339 in moov's JSON).
///
/// Metro 2 writes "not available" as an all-zero date, so an absent date is `nil` where a value of this type
/// is expected, never a sentinel day.
public struct Metro2Date: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Accepts only days that exist in the proleptic Gregorian calendar (years 0001-9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), GregorianCalendar.isValid(year: year, month: month, day: day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var iso8601: String { "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))" }

    /// `MMDDYYYY`, the character format's layout.
    public var metro2Text: String { digits(month, 2) + digits(day, 2) + digits(year, 4) }

    public var description: String { iso8601 }

    public static func < (lhs: Metro2Date, rhs: Metro2Date) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A Metro 2 time stamp (`MMDDYYYYHHMMSS`): when the furnisher produced the record.
public struct Metro2Timestamp: Sendable, Hashable, CustomStringConvertible {
    public let date: Metro2Date
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init?(date: Metro2Date, hour: Int, minute: Int, second: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// `MMDDYYYYHHMMSS`.
    public var metro2Text: String { date.metro2Text + digits(hour, 2) + digits(minute, 2) + digits(second, 2) }

    /// `YYYY-MM-DDTHH:MM:SSZ` (Metro 2 has no zone; moov writes it as UTC).
    public var rfc3339: String { "\(date.iso8601)T\(digits(hour, 2)):\(digits(minute, 2)):\(digits(second, 2))Z" }

    public var description: String { rfc3339 }
}

/// `value` in decimal, left-padded with zeros to `width` digits.
func digits(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

import CredencePrimitives

/// A calendar day, `YYYY-MM-DD` (ISO 8601), checked against the proleptic Gregorian calendar.
public struct CalendarDate: ValidatedString, Comparable {
    public static let formatDescription = "date like 2026-01-31"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func isValid(_ text: String) -> Bool { parse(Array(text.utf8)) != nil }

    public var daysSinceEpoch: Int { Self.parse(Array(rawValue.utf8)) ?? 0 }

    /// The UTC day of a time given in seconds since the epoch.
    public init(utcDayOf secondsSinceEpoch: Int64) {
        let (days, remainder) = secondsSinceEpoch.quotientAndRemainder(dividingBy: 86_400)
        self.init(daysSinceEpoch: Int(days) - (remainder < 0 ? 1 : 0))
    }

    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        self.init(unchecked: "\(yearText)-\(twoDigits(month))-\(twoDigits(day))")
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Days since 1970-01-01 for `YYYY-MM-DD`, or nil when it is not a real day.
    static func parse(_ bytes: [UInt8]) -> Int? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = ASCII.number(bytes, 0..<4), let month = ASCII.number(bytes, 5..<7),
            let day = ASCII.number(bytes, 8..<10),
            GregorianCalendar.isValid(year: year, month: month, day: day)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A calendar month, `YYYY-MM`: the period of one payment-history entry.
public struct YearMonth: ValidatedString, Comparable {
    public static let formatDescription = "month like 2026-01"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), ASCII.number(bytes, 0..<4) != nil,
            let month = ASCII.number(bytes, 5..<7)
        else { return false }
        return (1...12).contains(month)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.rawValue < rhs.rawValue }
}

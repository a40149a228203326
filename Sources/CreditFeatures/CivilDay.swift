import CredenceProtocol

/// A UTC calendar day as plain integers, read straight from the bytes of an already validated `CalendarDate`
/// or `Timestamp`: feature computation compares thousands of dates per second and must not allocate for each.
struct CivilDay: Comparable, Hashable, Sendable {
    let year: Int
    let month: Int
    let day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day of a `YYYY-MM-DD` date (the protocol types have checked the format and the calendar).
    init(_ date: CalendarDate) {
        self = Self.leadingDay(of: date.rawValue)
    }

    /// The UTC day of an RFC 3339 `...Z` timestamp.
    init(_ timestamp: Timestamp) {
        self = Self.leadingDay(of: timestamp.rawValue)
    }

    /// Months counted from year 0: consecutive calendar months differ by one.
    var monthNumber: Int { year * 12 + month - 1 }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whole calendar months from `self` to `later` (a month is complete on the same day of the month, as
    /// anniversaries count): 2024-01-31 to 2024-02-29 is 0, to 2024-03-31 is 2. Negative when `later` is earlier.
    func wholeMonths(until later: CivilDay) -> Int {
        let months = later.monthNumber - monthNumber
        if months > 0 && later.day < day { return months - 1 }
        if months < 0 && later.day > day { return months + 1 }
        return months
    }

    static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD` at the start of `text`, whose format the protocol types have validated.
    private static func leadingDay(of text: String) -> CivilDay {
        var text = text
        return text.withUTF8 { bytes in
            CivilDay(
                year: Digits.number(bytes, 0, 4), month: Digits.number(bytes, 5, 2), day: Digits.number(bytes, 8, 2))
        }
    }
}

/// Month numbers (``CivilDay/monthNumber``) of `YYYY-MM` values, and seconds of timestamps, without allocating.
enum Digits {
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int {
        var value = 0
        for index in start..<(start + count) { value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
        return value
    }

    /// The month number of a validated `YYYY-MM`.
    static func monthNumber(_ month: YearMonth) -> Int {
        var text = month.rawValue
        return text.withUTF8 { bytes in number(bytes, 0, 4) * 12 + number(bytes, 5, 2) - 1 }
    }

    /// Whole seconds since the epoch of a validated `YYYY-MM-DDTHH:MM:SS[.F]Z` (the fraction is dropped, as the
    /// protocol compares timestamps).
    static func seconds(_ timestamp: Timestamp) -> Int64 {
        var text = timestamp.rawValue
        return text.withUTF8 { bytes in
            let day = CivilDay(year: number(bytes, 0, 4), month: number(bytes, 5, 2), day: number(bytes, 8, 2))
            let secondOfDay = number(bytes, 11, 2) * 3600 + number(bytes, 14, 2) * 60 + number(bytes, 17, 2)
            return Int64(day.dayNumber) * 86_400 + Int64(secondOfDay)
        }
    }
}

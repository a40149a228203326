import CredencePrimitives

/// A day as a count of days since 1970-01-01, with its civil year, month and day kept beside it: the
/// simulation compares and adds days constantly and writes them in four different layouts (`MMDDYYYY`,
/// `YYYY-MM-DD`, RFC 3339, unix seconds).
public struct SimulationDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int
    public let year: Int
    public let month: Int
    public let day: Int

    /// Cumulative days before each month in a common year.
    private static let daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

    public init(year: Int, month: Int, day: Int) {
        precondition(GregorianCalendar.isValid(year: year, month: month, day: day), "\(year)-\(month)-\(day)")
        self.year = year
        self.month = month
        self.day = day
        let leapDay = month > 2 && GregorianCalendar.isLeapYear(year) ? 1 : 0
        ordinal = Self.januaryFirst(of: year) + Self.daysBeforeMonth[month - 1] + leapDay + day - 1
    }

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) {
        var year = 1970 + Int((Double(ordinal) / 365.2425).rounded(.down))
        while Self.januaryFirst(of: year + 1) <= ordinal { year += 1 }
        while Self.januaryFirst(of: year) > ordinal { year -= 1 }
        var dayOfYear = ordinal - Self.januaryFirst(of: year)
        var month = 1
        while dayOfYear >= Self.daysInMonth(year: year, month: month) {
            dayOfYear -= Self.daysInMonth(year: year, month: month)
            month += 1
        }
        self.year = year
        self.month = month
        self.day = dayOfYear + 1
        self.ordinal = ordinal
    }

    /// Days from 1970-01-01 to January 1 of `year` (proleptic Gregorian; 719,162 days separate 0001-01-01
    /// from 1970-01-01).
    private static func januaryFirst(of year: Int) -> Int {
        let previous = year - 1
        return 365 * previous + previous / 4 - previous / 100 + previous / 400 - 719_162
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        GregorianCalendar.daysInMonth(year: year, month: month)
    }

    public func adding(days: Int) -> SimulationDay { SimulationDay(ordinal: ordinal + days) }

    public var simulationMonth: SimulationMonth { SimulationMonth(year: year, month: month) }

    /// Whole years from this day to `other` (an age when this is a birth date).
    public func years(until other: SimulationDay) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    /// `YYYY-MM-DD`.
    public var description: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }

    /// Seconds since the epoch at `secondOfDay` seconds after midnight UTC.
    public func unixSeconds(at secondOfDay: Int = 0) -> Int64 { Int64(ordinal) * 86_400 + Int64(secondOfDay) }

    public static func < (lhs: SimulationDay, rhs: SimulationDay) -> Bool { lhs.ordinal < rhs.ordinal }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

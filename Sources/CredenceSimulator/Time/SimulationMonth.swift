/// A calendar month as a count of months since January of year 0, so that month arithmetic (24 months of
/// payment history, 6 monthly files) is integer arithmetic.
///
/// ```swift
/// let end = SimulationMonth(year: 2024, month: 12)
/// end.adding(-5).description  // "2024-07"
/// ```
public struct SimulationMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Months since January of year 0.
    public let index: Int

    public init(index: Int) { self.index = index }

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month \(month) is not 1-12")
        index = year * 12 + month - 1
    }

    public var year: Int { index / 12 }
    public var month: Int { index % 12 + 1 }

    public func adding(_ months: Int) -> SimulationMonth { SimulationMonth(index: index + months) }

    /// Number of days in this month.
    public var dayCount: Int { SimulationDay.daysInMonth(year: year, month: month) }

    /// The given day of this month (1-based).
    public func day(_ day: Int) -> SimulationDay { SimulationDay(year: year, month: month, day: day) }

    public var lastDay: SimulationDay { day(dayCount) }

    /// `YYYY-MM`.
    public var description: String { "\(SimulationDay.padded(year, 4))-\(SimulationDay.padded(month, 2))" }

    public static func < (lhs: SimulationMonth, rhs: SimulationMonth) -> Bool { lhs.index < rhs.index }
}

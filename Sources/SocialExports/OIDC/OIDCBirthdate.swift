import CredencePrimitives

/// The OpenID Connect `birthdate` claim: `YYYY-MM-DD`, `YYYY` alone, or `0000-MM-DD` when the year is
/// withheld (OpenID Connect Core 1.0 §5.1).
///
/// ```swift
/// OIDCBirthdate(claim: "1985-03-14")  // .date(year: 1985, month: 3, day: 14)
/// OIDCBirthdate(claim: "0000-03-14")  // .yearWithheld(month: 3, day: 14)
/// ```
public enum OIDCBirthdate: Sendable, Equatable {
    case date(year: Int, month: Int, day: Int)
    case year(Int)
    case yearWithheld(month: Int, day: Int)

    /// Parses the claim's text; nil when it is none of the three forms or names no real day.
    public init?(claim: String) {
        let parts = claim.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            parts.map(\.utf8.count) == [4] || parts.map(\.utf8.count) == [4, 2, 2],
            let year = Int(parts[0])
        else { return nil }
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]) else {
            guard year > 0 else { return nil }
            self = .year(year)
            return
        }
        // Year 0000 stands for "withheld": check the day in a leap year, which allows 29 February.
        guard (1...12).contains(month), GregorianCalendar.isValid(year: year == 0 ? 2000 : year, month: month, day: day)
        else { return nil }
        self = year == 0 ? .yearWithheld(month: month, day: day) : .date(year: year, month: month, day: day)
    }

    /// The claim's text.
    public var claim: String {
        func digits(_ value: Int, _ count: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        switch self {
        case .date(let year, let month, let day): return "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))"
        case .year(let year): return digits(year, 4)
        case .yearWithheld(let month, let day): return "0000-\(digits(month, 2))-\(digits(day, 2))"
        }
    }
}

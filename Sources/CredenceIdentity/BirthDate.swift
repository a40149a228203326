import CredencePrimitives

/// A birth date, possibly partial (year, or year and month), in the proleptic Gregorian calendar, years 1850-2100.
///
/// ```swift
/// try BirthDate(parsing: "19850314").normalized                  // "1985-03-14"
/// try BirthDate(parsing: "1985-03").normalized                   // "1985-03"
/// try BirthDate(parsing: "03141985", format: .metro2).normalized  // "1985-03-14"
/// ```
public struct BirthDate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How the input text is laid out.
    public enum Format: String, Sendable, Codable {
        /// `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM` or `YYYY`.
        case iso
        /// Metro 2 `MMDDYYYY`; `00000000` means absent.
        case metro2
    }

    /// Four-digit year, 1850...2100.
    public let year: Int
    /// Month 1...12, or nil for a year-only date.
    public let month: Int?
    /// Day of month, or nil when only year or year and month are known.
    public let day: Int?

    /// Creates a date from its parts, checking the calendar (a day needs a month).
    public init(year: Int, month: Int? = nil, day: Int? = nil) throws(IdentifierError) {
        guard (1850...2100).contains(year) else {
            throw IdentifierError(.badDate, "birth year \(year) is outside 1850-2100")
        }
        if let month, !(1...12).contains(month) {
            throw IdentifierError(.badDate, "birth month \(month) is not 1-12")
        }
        if let day {
            guard let month else { throw IdentifierError(.badDate, "a birth day needs a month") }
            guard GregorianCalendar.isValid(year: year, month: month, day: day) else {
                throw IdentifierError(.badDate, "\(year)-\(month)-\(day) is not a calendar date")
            }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses text after trimming and NFKC (full-width digits and hyphens are accepted).
    public init(parsing raw: String, format: Format = .iso) throws(IdentifierError) {
        if format == .iso, let (year, month, day) = Self.asciiISOParts(raw) {
            try self.init(year: year, month: month, day: day)
            return
        }
        let text = TextFolding.nfkc(TextFolding.trim(raw))
        if text.isEmpty { throw IdentifierError(.empty, "birth date is empty") }
        let parts: [String]
        switch format {
        case .iso:
            let pieces = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            let lengths = pieces.map(\.count)
            if lengths == [8] {
                parts = [String(text.prefix(4)), String(text.dropFirst(4).prefix(2)), String(text.suffix(2))]
            } else if lengths == [4] || lengths == [4, 2] || lengths == [4, 2, 2] {
                parts = pieces
            } else {
                throw IdentifierError(.badDate, "birth date '\(text)' is not YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY")
            }
        case .metro2:
            guard text.count == 8 else {
                throw IdentifierError(.badDate, "Metro 2 birth date '\(text)' is not MMDDYYYY")
            }
            if text == "00000000" { throw IdentifierError(.absentValue, "Metro 2 birth date 00000000 means absent") }
            parts = [String(text.suffix(4)), String(text.prefix(2)), String(text.dropFirst(2).prefix(2))]
        }
        var numbers: [Int] = []
        for part in parts {
            guard part.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(part) else {
                throw IdentifierError(.badDate, "birth date '\(text)' contains a non-digit")
            }
            numbers.append(number)
        }
        try self.init(
            year: numbers[0],
            month: numbers.count > 1 ? numbers[1] : nil,
            day: numbers.count > 2 ? numbers[2] : nil
        )
    }

    /// The numbers of an ASCII `YYYY-MM-DD` (the usual form), read byte by byte; nil for any other text, which the
    /// general parsing then reads or rejects with its message. The numbers are those the general parsing finds.
    private static func asciiISOParts(_ raw: String) -> (Int, Int, Int)? {
        let bytes = raw.utf8
        guard bytes.count == 10 else { return nil }
        var numbers = (0, 0, 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case 0..<4: numbers.0 = numbers.0 * 10 + digit
            case 5..<7: numbers.1 = numbers.1 * 10 + digit
            default: numbers.2 = numbers.2 * 10 + digit
            }
        }
        return numbers
    }

    /// ISO 8601 `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var normalized: String {
        var text = String(year)
        if let month { text += "-" + Self.twoDigits(month) }
        if let day { text += "-" + Self.twoDigits(day) }
        return text
    }

    public var description: String { normalized }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Decodes from the normalized string form, validating it.
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes as the normalized string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(normalized)
    }
}

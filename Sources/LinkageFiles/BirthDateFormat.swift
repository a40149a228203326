import CSVFiles
public import CredenceIdentity
import Foundation

/// A `--date-format` for birth dates written other than `YYYY-MM-DD` / `YYYYMMDD`, in strftime notation.
///
/// Directives: `%Y` a four-digit year; `%m` a month of one or two digits; `%d` a day of one or two digits;
/// `%b` or `%B` an English month name, full or abbreviated to three letters, any case; `%%` a percent sign.
/// Every other character must appear as written. `%y` (two-digit years) is refused: a birth year's century
/// cannot be guessed. One- or two-digit numbers are read greedily, so formats without separators need two
/// digits (`%d%m%Y` reads `01021985`, not `1021985`).
///
/// ```swift
/// let format = try BirthDateFormat("%d/%m/%Y")
/// try format.parse("14/3/1985").normalized  // "1985-03-14"
/// ```
public struct BirthDateFormat: Sendable, Equatable {
    enum Element: Sendable, Equatable {
        case year, month, day, monthName
        case literal(UInt8)
    }

    public let pattern: String
    let elements: [Element]

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    public init(_ pattern: String) throws(LinkError) {
        func refuse(_ reason: String) -> LinkError {
            LinkError(.usage, "--date-format '\(pattern)': \(reason) (directives: %Y %m %d %b %B %%)")
        }
        var elements: [Element] = []
        var bytes = Array(pattern.utf8).makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else {
                elements.append(.literal(byte))
                continue
            }
            switch bytes.next() {
            case UInt8(ascii: "Y"): elements.append(.year)
            case UInt8(ascii: "m"): elements.append(.month)
            case UInt8(ascii: "d"): elements.append(.day)
            case UInt8(ascii: "b"), UInt8(ascii: "B"): elements.append(.monthName)
            case UInt8(ascii: "%"): elements.append(.literal(UInt8(ascii: "%")))
            case UInt8(ascii: "y"): throw refuse("two-digit years are ambiguous for birth dates; use %Y")
            case let other?: throw refuse("unknown directive %\(Character(Unicode.Scalar(other)))")
            case nil: throw refuse("a lone % at the end")
            }
        }
        let count = { (wanted: Element) in elements.count(where: { $0 == wanted }) }
        guard count(.year) == 1 else { throw refuse("it needs %Y exactly once") }
        guard count(.month) + count(.monthName) <= 1, count(.day) <= 1 else {
            throw refuse("the month and the day may appear once each")
        }
        guard count(.day) == 0 || count(.month) + count(.monthName) == 1 else {
            throw refuse("a day needs a month")
        }
        self.pattern = pattern
        self.elements = elements
    }

    /// The date the text holds, after trimming and NFKC (full-width digits are accepted, as in
    /// `BirthDate(parsing:)`). Fails with `bad_date` (or `empty`), like the ISO parser.
    public func parse(_ raw: String) throws(IdentifierError) -> BirthDate {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = Array(trimmed.precomposedStringWithCompatibilityMapping.utf8)
        if text.isEmpty { throw IdentifierError(.empty, "birth date is empty") }
        let mismatch = IdentifierError(.badDate, "birth date does not have the form \(pattern)")
        var position = 0
        var year: Int?
        var month: Int?
        var day: Int?
        func number(maximumDigits: Int, minimumDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            let digitRange = UInt8(ascii: "0")...UInt8(ascii: "9")
            while digits < maximumDigits, position < text.count, digitRange.contains(text[position]) {
                value = value * 10 + Int(text[position] - UInt8(ascii: "0"))
                digits += 1
                position += 1
            }
            return digits >= minimumDigits ? value : nil
        }
        for element in elements {
            switch element {
            case .year: year = number(maximumDigits: 4, minimumDigits: 4)
            case .month: month = number(maximumDigits: 2, minimumDigits: 1)
            case .day: day = number(maximumDigits: 2, minimumDigits: 1)
            case .monthName:
                var letters = ""
                while position < text.count, text[position] < 0x80, Character(Unicode.Scalar(text[position])).isLetter {
                    letters.append(Character(Unicode.Scalar(text[position])).lowercased())
                    position += 1
                }
                month = Self.monthNames.firstIndex { $0 == letters || (letters.count == 3 && $0.hasPrefix(letters)) }
                    .map { $0 + 1 }
                if month == nil { throw mismatch }
            case .literal(let byte):
                guard position < text.count, text[position] == byte else { throw mismatch }
                position += 1
            }
            if element == .year && year == nil || element == .month && month == nil || element == .day && day == nil {
                throw mismatch
            }
        }
        guard position == text.count, let year else { throw mismatch }
        return try BirthDate(year: year, month: month, day: day)
    }

    /// Reads a birth date cell: the ISO forms adapters accept, or the format when one is given. The format is
    /// tried first, so a text that reads both ways (`%Y-%d-%m`) means what the file's owner said.
    static func parse(_ raw: String, format: BirthDateFormat?) throws(IdentifierError) -> BirthDate {
        guard let format else { return try BirthDate(parsing: raw) }
        do {
            return try format.parse(raw)
        } catch {
            if error.code == .empty { throw error }
            return try BirthDate(parsing: raw)
        }
    }
}

import Foundation
import Testing

@testable import CredenceIdentity

@Suite struct BirthDateTests {
    @Test(arguments: [
        ("1985-03-14", "1985-03-14"),
        ("19850314", "1985-03-14"),
        (" 1985-03 ", "1985-03"),
        ("1985", "1985"),
        ("２０００－０２－２９", "2000-02-29"),
        ("1850-01-01", "1850-01-01"),
        ("2100-12-31", "2100-12-31"),
    ])
    func parsesISO(raw: String, expected: String) throws {
        #expect(try BirthDate(parsing: raw).normalized == expected)
    }

    @Test(arguments: [("03141985", "1985-03-14"), ("02292000", "2000-02-29"), ("12311850", "1850-12-31")])
    func parsesMetro2(raw: String, expected: String) throws {
        #expect(try BirthDate(parsing: raw, format: .metro2).normalized == expected)
    }

    @Test(arguments: [
        ("", BirthDate.Format.iso, IdentifierError.Code.empty),
        ("1900-02-29", .iso, .badDate),
        ("2001-02-29", .iso, .badDate),
        ("1985-13-01", .iso, .badDate),
        ("1985-00", .iso, .badDate),
        ("1985-04-31", .iso, .badDate),
        ("1849-12-31", .iso, .badDate),
        ("2101", .iso, .badDate),
        ("85-03-14", .iso, .badDate),
        ("1985/03/14", .iso, .badDate),
        ("1985-3-14", .iso, .badDate),
        ("198503", .iso, .badDate),
        ("1985-03-1a", .iso, .badDate),
        ("00000000", .metro2, .absentValue),
        ("14031985", .metro2, .badDate),
        ("0314198", .metro2, .badDate),
        ("00001985", .metro2, .badDate),
    ])
    func rejects(raw: String, format: BirthDate.Format, code: IdentifierError.Code) {
        #expect(throws: IdentifierError(code, "")) { try BirthDate(parsing: raw, format: format) }
    }

    @Test func dayNeedsMonth() {
        #expect(throws: IdentifierError(.badDate, "")) { try BirthDate(year: 1985, day: 3) }
    }

    @Test func codableUsesTheNormalizedString() throws {
        let date = try BirthDate(parsing: "19850314")
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == "[\"1985-03-14\"]")
        #expect(try JSONDecoder().decode([BirthDate].self, from: json) == [date])
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([BirthDate].self, from: Data("[\"1985-02-30\"]".utf8))
        }
    }
}

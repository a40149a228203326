import Testing

@testable import CredenceIdentity

@Suite struct USSocialSecurityNumberTests {
    @Test(arguments: [
        ("123-45-6789", "123456789"),
        (" 123 45 6789 ", "123456789"),
        ("１２３－４５－６７８９", "123456789"),
        ("665-01-0001", "665010001"),
        ("899-99-9998", "899999998"),
    ])
    func accepts(raw: String, expected: String) throws {
        #expect(try USSocialSecurityNumber.normalize(raw) == expected)
    }

    @Test(arguments: [
        ("", IdentifierError.Code.empty),
        ("000000000", .absentValue),
        ("999999999", .absentValue),
        ("999-99-9999", .absentValue),
        ("111111111", .absentValue),
        ("000-12-3456", .reservedNumber),
        ("666-12-3456", .reservedNumber),
        ("900-12-3456", .reservedNumber),
        ("987-65-4321", .reservedNumber),
        ("123-00-4567", .reservedNumber),
        ("123-45-0000", .reservedNumber),
        ("078-05-1120", .reservedNumber),
        ("12345678", .badLength),
        ("1234567890", .badLength),
        ("123-45-678O", .badCharacter),
        ("123.45.6789", .badCharacter),
    ])
    func rejects(raw: String, code: IdentifierError.Code) {
        #expect(throws: IdentifierError(code, "")) { try USSocialSecurityNumber.normalize(raw) }
    }
}

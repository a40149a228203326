import CommerceExports
import CredenceProtocol
import Testing

@Suite("Decimal money to minor units")
struct DecimalMoneyTests {
    @Test(
        "converts by the currency's ISO 4217 exponent",
        arguments: [
            ("409.94", "USD", 40_994), ("409.9", "USD", 40_990), ("409", "USD", 40_900), ("0.01", "USD", 1),
            ("1500", "JPY", 1_500), ("1500.00", "JPY", 1_500), ("12.345", "KWD", 12_345), ("12.3", "KWD", 12_300),
            ("598.00", "CNY", 59_800), ("0", "EUR", 0), ("12.340", "USD", 1_234),
        ] as [(String, String, Int64)])
    func converts(text: String, code: String, expected: Int64) throws {
        #expect(try DecimalMoney.minorUnits(fromDecimal: text, currency: currency(code)) == expected)
    }

    @Test(
        "refuses fraction digits the currency does not have",
        arguments: [("12.345", "USD"), ("1500.5", "JPY"), ("1.2345", "KWD"), ("0.001", "EUR")])
    func refusesPrecision(text: String, code: String) {
        #expect(throws: CommerceFormatError(.precisionExceeded, "")) {
            try DecimalMoney.minorUnits(fromDecimal: text, currency: currency(code))
        }
    }

    @Test(
        "refuses what is not a plain non-negative decimal",
        arguments: [
            "-10.00", "", ".", "1.", ".5", "1e3", "+1.00", "1,000.00", " 1.00", "1.2.3", "ten", "99999999999999999999",
        ])
    func refusesMalformed(text: String) {
        #expect(throws: CommerceFormatError(.badAmount, "")) {
            try DecimalMoney.minorUnits(fromDecimal: text, currency: currency("USD"))
        }
    }

    @Test("names the currency and its exponent when refusing precision")
    func precisionMessage() {
        #expect {
            try DecimalMoney.minorUnits(fromDecimal: "12.345", currency: currency("USD"))
        } throws: { error in
            (error as? CommerceFormatError)?.message == "'12.345' has more fraction digits than USD allows (2)"
        }
    }

    @Test(
        "writes exactly the currency's fraction digits",
        arguments: [
            (40_994, "USD", "409.94"), (5, "USD", "0.05"), (1_500, "JPY", "1500"), (12_345, "KWD", "12.345"),
            (12, "KWD", "0.012"), (0, "USD", "0.00"),
        ] as [(Int64, String, String)])
    func writes(minorUnits: Int64, code: String, expected: String) throws {
        let text = DecimalMoney.decimalString(minorUnits: minorUnits, currency: currency(code))
        #expect(text == expected)
        #expect(try DecimalMoney.minorUnits(fromDecimal: text, currency: currency(code)) == minorUnits)
    }
}

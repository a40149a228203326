import CredencePrimitives
import Testing

@testable import CredenceIdentity

@Suite struct PRCResidentIDTests {
    @Test(arguments: [
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        ("440524188001010014", "440524188001010014"),
        ("360426199101010071", "360426199101010071"),
        (" 110105 19491231 002X ", "11010519491231002X"),
        ("110105-19491231-002X", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
        ("110105491231002", "11010519491231002X"),
        ("810000199408230021", "810000199408230021"),
    ])
    func accepts(raw: String, expected: String) throws {
        #expect(try PRCResidentID.normalize(raw) == expected)
    }

    @Test(arguments: [
        ("", IdentifierError.Code.empty),
        ("  - ", .empty),
        ("110105194912310021", .badCheckDigit),
        ("11010519491231002", .badLength),
        ("1101051949123100211", .badLength),
        ("11010519491231002Y", .badCharacter),
        ("1101051949123100X2", .badCharacter),
        ("01010519491231002X", .badCharacter),
        ("110105194902300020", .badDate),
        ("110105184912310020", .badDate),
        ("110105190002290020", .badDate),
        ("11010549123100X", .badCharacter),
        ("110105491331002", .badDate),
    ])
    func rejects(raw: String, code: IdentifierError.Code) {
        #expect(throws: IdentifierError(code, "")) { try PRCResidentID.normalize(raw) }
    }

    @Test func leapDayBirthDates() throws {
        let body2000 = Array("11010520000229002")
        let id2000 = String(body2000) + String(PRCResidentID.checkCharacter(forBody: body2000))
        #expect(try PRCResidentID.normalize(id2000) == id2000)
        let body1900 = Array("11010519000229002")
        let id1900 = String(body1900) + String(PRCResidentID.checkCharacter(forBody: body1900))
        #expect(throws: IdentifierError(.badDate, "")) { try PRCResidentID.normalize(id1900) }
    }

    @Test func weightsArePowersOfTwoModEleven() {
        let powers = (1...17).map { index in (0..<(18 - index)).reduce(1) { value, _ in value * 2 % 11 } }
        #expect(PRCResidentID.weights == powers)
    }

    /// The weight-table check character equals the recursive ISO 7064 MOD 11-2 form over 100,000 random bodies.
    @Test func checkCharacterMatchesRecursiveISO7064() {
        var generator = SplitMix64(seed: 0x1264_4D0D)
        for _ in 0..<100_000 {
            let body = (0..<17).map { _ in Character(String(generator.next() % 10)) }
            let check = PRCResidentID.checkCharacter(forBody: body)
            var c = 0
            for character in body + [check] {
                c = (2 * c + (character == "X" ? 10 : character.wholeNumberValue!)) % 11
            }
            #expect(c == 1)
            if c != 1 { return }
        }
    }
}

import Testing

@testable import CredenceIdentity

@Suite struct IdentifierNormalizerTests {
    @Test(arguments: [
        (TokenType.cnRIC, "110105491231002", "11010519491231002X"),
        (.usSSN, "123-45-6789", "123456789"),
        (.phoneE164, "+86 139 1234 5678", "+8613912345678"),
        (.email, "J.Smith+x@GMAIL.com", "j.smith+x@gmail.com"),
        (.emailMatch, "J.Smith+x@GMAIL.com", "jsmith@gmail.com"),
        (.platformAccount, " x:12345 ", "x:12345"),
        (.paymentFingerprint, "stripe:Xt5EWLLDS7FJjR1c", "stripe:Xt5EWLLDS7FJjR1c"),
        (.partnerSubject, "acme-lending:Cust/0042", "acme-lending:Cust/0042"),
        (.accountKey, "FURN01:0000123456789", "FURN01:0000123456789"),
        (.orderKey, "shop-7:#1001", "shop-7:#1001"),
        (.orderKey, "shop-7:a:b", "shop-7:a:b"),
    ])
    func dispatches(type: TokenType, raw: String, expected: String) throws {
        #expect(try IdentifierNormalizer.normalize(raw, as: type, defaultRegion: nil) == expected)
    }

    @Test func opaqueKeysAreNFCButKeepCase() throws {
        let decomposed = "shop:Cafe\u{0301}"
        #expect(try OpaqueKeyNormalizer.normalize(decomposed) == "shop:Caf\u{00E9}")
    }

    @Test(arguments: [
        ("", IdentifierError.Code.empty),
        ("   ", .empty),
        ("12345", .badShape),
        (":12345", .badShape),
        ("x:", .badShape),
        ("my shop:1", .badShape),
        ("x:12\u{0000}3", .badCharacter),
    ])
    func rejectsOpaqueKeys(raw: String, code: IdentifierError.Code) {
        #expect(throws: IdentifierError(code, "")) { try IdentifierNormalizer.normalize(raw, as: .orderKey) }
    }

    @Test func wireNamesAreStable() {
        #expect(
            TokenType.allCases.map(\.rawValue) == [
                "cn_ric", "us_ssn", "phone_e164", "email", "email_match", "platform_account", "payment_fingerprint",
                "partner_subject", "account_key", "order_key",
            ])
        #expect(TokenType.allCases.filter(\.isOpaqueKey).count == 5)
    }

    @Test func errorsCompareByCodeAndDescribeThemselves() {
        let error = IdentifierError(.badCheckDigit, "resident ID check character is 1, expected X")
        #expect(error == IdentifierError(.badCheckDigit, "other words"))
        #expect(error != IdentifierError(.badLength, "resident ID check character is 1, expected X"))
        #expect(error.description == "bad_check_digit: resident ID check character is 1, expected X")
    }
}

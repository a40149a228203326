import Testing

@testable import CredenceIdentity

@Suite struct EmailNormalizerTests {
    @Test(arguments: [
        ("John.Smith@Example.COM", "john.smith@example.com", "john.smith@example.com"),
        ("  anna@example.com.  ", "anna@example.com", "anna@example.com"),
        ("J.O.H.N+shop@gmail.com", "j.o.h.n+shop@gmail.com", "john@gmail.com"),
        ("john.smith+a+b@GoogleMail.com", "john.smith+a+b@googlemail.com", "johnsmith@gmail.com"),
        ("john.smith@company.com", "john.smith@company.com", "john.smith@company.com"),
        ("jane+news@outlook.com", "jane+news@outlook.com", "jane@outlook.com"),
        ("jane.doe+x@icloud.com", "jane.doe+x@icloud.com", "jane.doe@icloud.com"),
        ("jane+x@proton.me", "jane+x@proton.me", "jane@proton.me"),
        ("jane-news@yahoo.com", "jane-news@yahoo.com", "jane-news@yahoo.com"),
        ("jane+news@yahoo.com", "jane+news@yahoo.com", "jane+news@yahoo.com"),
        ("jane-x@outlook.com", "jane-x@outlook.com", "jane-x@outlook.com"),
        ("+tag@gmail.com", "+tag@gmail.com", "+tag@gmail.com"),
        ("Anna@Bücher.Example", "anna@xn--bcher-kva.example", "anna@xn--bcher-kva.example"),
        ("x@例え。テスト", "x@xn--r8jz45g.xn--zckzah", "x@xn--r8jz45g.xn--zckzah"),
        ("x@ＥＸＡＭＰＬＥ．ＣＯＭ", "x@example.com", "x@example.com"),
        ("x@xn--bcher-kva.example", "x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
        ("\"a@b\"@example.com", "\"a@b\"@example.com", "\"a@b\"@example.com"),
        ("ÉLODIE@example.fr", "élodie@example.fr", "élodie@example.fr"),
        ("123456@QQ.com", "123456@qq.com", "123456@qq.com"),
    ])
    func normalizes(raw: String, normalized: String, matchKey: String) throws {
        let email = try EmailNormalizer.normalize(raw)
        #expect(email.normalized == normalized)
        #expect(email.matchKey == matchKey)
        #expect(!email.isRelay)
    }

    @Test(arguments: [
        "abc123@privaterelay.appleid.com", "4tz9abcdefg1@marketplace.amazon.com", "x7@marketplace.amazon.co.uk",
        "a.b+c@mozmail.com", "zz@members.ebay.com",
    ])
    func flagsRelays(raw: String) throws {
        let email = try EmailNormalizer.normalize(raw)
        #expect(email.isRelay)
        #expect(email.matchKey == email.normalized)
    }

    static let longLabel = String(repeating: "b", count: 64)
    static let longDomain = Array(repeating: String(repeating: "c", count: 60), count: 5).joined(separator: ".")
    static let rejected: [(String, IdentifierError.Code)] = [
        ("", IdentifierError.Code.empty),
        ("   ", .empty),
        ("john.example.com", .badEmail),
        ("@example.com", .badEmail),
        ("john@", .badEmail),
        ("john@localhost", .badEmail),
        ("john@example..com", .badEmail),
        ("john@-example.com", .badEmail),
        ("john@exa_mple.com", .badEmail),
        ("john smith@example.com", .badEmail),
        ("john@192.168.0.1", .badEmail),
        ("john@[192.168.0.1]", .badEmail),
        ("\(String(repeating: "a", count: 65))@example.com", .badEmail),
        ("a@\(longLabel).com", .badEmail),
        ("a@\(longDomain).com", .badEmail),
    ]

    @Test(arguments: rejected)
    func rejects(raw: String, code: IdentifierError.Code) {
        #expect(throws: IdentifierError(code, "")) { try EmailNormalizer.normalize(raw) }
    }

    @Test func localPartLimitCountsBytes() throws {
        let local = String(repeating: "é", count: 32)
        #expect(try EmailNormalizer.normalize(local + "@example.com").normalized == local + "@example.com")
        #expect(throws: IdentifierError(.badEmail, "")) {
            try EmailNormalizer.normalize(local + "a@example.com")
        }
    }

    @Test func localPartIsNFC() throws {
        let decomposed = "Jose\u{0301}@example.com"
        #expect(try EmailNormalizer.normalize(decomposed).normalized == "jos\u{00E9}@example.com")
    }

    @Test func relaySubdomainsAreRelays() throws {
        #expect(try EmailNormalizer.normalize("a@mail.privaterelay.appleid.com").isRelay)
        #expect(try !EmailNormalizer.normalize("a@notprivaterelay.appleid.com").isRelay)
    }
}

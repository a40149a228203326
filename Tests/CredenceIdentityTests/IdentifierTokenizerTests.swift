import Crypto
import Foundation
import Testing

@testable import CredenceIdentity

@Suite struct IdentifierTokenizerTests {
    let key = try! LinkageKey(bytes: LinkageKeyTests.bytes)

    @Test func tokenIsBase64URLOfHMACOverTypeNulValue() {
        let tokenizer = IdentifierTokenizer(key: key)
        let message = Data("phone_e164".utf8) + Data([0]) + Data("+8613912345678".utf8)
        let mac = Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: LinkageKeyTests.bytes)))
        let expected = mac.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let token = tokenizer.token(.phoneE164, normalized: "+8613912345678")
        #expect(token == expected)
        #expect(token.count == 43)
    }

    @Test func typeSeparatesEqualValues() {
        let tokenizer = IdentifierTokenizer(key: key)
        #expect(tokenizer.token(.orderKey, normalized: "p:1") != tokenizer.token(.accountKey, normalized: "p:1"))
        #expect(tokenizer.token(.email, normalized: "a@b.c") != tokenizer.token(.emailMatch, normalized: "a@b.c"))
    }

    @Test func keySeparatesTokens() {
        let other = IdentifierTokenizer(key: LinkageKey.generate())
        #expect(
            IdentifierTokenizer(key: key).token(.email, normalized: "a@b.c") != other.token(.email, normalized: "a@b.c")
        )
    }

    @Test func rawFormsOfOneNumberShareAToken() throws {
        let tokenizer = IdentifierTokenizer(key: key)
        let tokens = try ["13912345678", "+86 139 1234 5678", "008613912345678", "86-139-1234-5678"].map {
            try tokenizer.token(.phoneE164, raw: $0, defaultRegion: .cn)
        }
        #expect(Set(tokens).count == 1)
        #expect(throws: IdentifierError(.ambiguousRegion, "")) { try tokenizer.token(.phoneE164, raw: "13912345678") }
    }
}

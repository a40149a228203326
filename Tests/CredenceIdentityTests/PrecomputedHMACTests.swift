import CredencePrimitives
import Crypto
import Foundation
import Testing

@testable import CredenceIdentity

/// The hand-rolled HMAC behind tokens and Bloom encodings must be HMAC-SHA256 bit for bit.
struct PrecomputedHMACTests {
    @Test(arguments: [0, 1, 16, 31, 32, 33, 64, 65, 100, 129])
    func matchesSwiftCryptoForEveryMessageLength(keyLength: Int) {
        var generator = SplitMix64(seed: UInt64(keyLength) + 1)
        let keyBytes = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = SymmetricKey(data: keyBytes)
        let mac = PrecomputedHMAC(key: key)
        for length in 0...200 {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
            #expect(mac.authenticationCode(for: message) == expected, "key \(keyLength) bytes, message \(length)")
            #expect(mac.authenticationCode(for: message[...]) == expected)
        }
        #expect(
            mac.authenticationCode(for: "ab".utf8)
                == Array(HMAC<SHA256>.authenticationCode(for: Array("ab".utf8), using: key)))
    }

    /// ASCII text takes a byte-level path through name and address folding; it must fold exactly as the
    /// Unicode path does (here forced by a trailing non-ASCII space that folding turns into a break).
    @Test(arguments: [
        "JOHN Q PUBLIC-SMITH", "o'Brien,  Mary-Kate", "Ann`s  #5 (Apt. 12/B)", "  x_y+z=w ~ 42 ", "A.B.C.", "",
    ])
    func asciiFoldingAgreesWithUnicodeFolding(text: String) {
        #expect(TextFolding.foldedWords(text) == TextFolding.foldedWords(text + "\u{3000}"))
    }

    @Test(arguments: ["", "   ", "\t a b \r\n", "abc", " abc", "abc\u{0B}", "\u{0C}x y\u{0D}"])
    func asciiTrimAgreesWithFoundation(text: String) {
        #expect(TextFolding.trim(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

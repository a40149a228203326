import Crypto
import Foundation
import Testing

@testable import CredenceIdentity

@Suite struct LinkageKeyTests {
    static let bytes = Array(SHA256.hash(data: Data("credence/vectors/v1/linkage-key".utf8)))

    @Test func fileFormRoundTrips() throws {
        let key = try LinkageKey(bytes: Self.bytes)
        #expect(key.fileContents.count == 65)
        #expect(key.fileContents.hasSuffix("\n"))
        #expect(key.fileContents == key.fileContents.lowercased())
        #expect(try LinkageKey(fileContents: key.fileContents) == key)
    }

    @Test func readsHexAndBase64Forms() throws {
        let key = try LinkageKey(bytes: Self.bytes)
        let hex = String(key.fileContents.dropLast())
        let base64 = Data(Self.bytes).base64EncodedString()
        let base64url = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        for text in [
            hex.uppercased(), "  \(hex)\n\n", base64, base64url, String(base64url.dropLast()), "\t\(base64)\r\n",
        ] {
            #expect(try LinkageKey(fileContents: text) == key, "\(text)")
        }
    }

    @Test(arguments: [
        "", "abc", String(repeating: "g", count: 64), String(repeating: "0", count: 64),
        String(repeating: "a", count: 62),
        String(repeating: "a", count: 66), "0123456789abcdef 0123456789abcdef0123456789abcdef0123456789abcdef",
        Data(repeating: 7, count: 31).base64EncodedString(), Data(repeating: 7, count: 33).base64EncodedString(),
        String(repeating: "A", count: 42) + "B=",
    ])
    func rejectsBadFiles(text: String) {
        #expect(throws: IdentifierError(.badKey, "")) { try LinkageKey(fileContents: text) }
    }

    @Test func rejectsBadBytes() {
        #expect(throws: IdentifierError(.badKey, "")) { try LinkageKey(bytes: Array(repeating: 0, count: 32)) }
        #expect(throws: IdentifierError(.badKey, "")) { try LinkageKey(bytes: Array(repeating: 1, count: 31)) }
        #expect(throws: IdentifierError(.badKey, "")) { try LinkageKey(bytes: Array(repeating: 1, count: 33)) }
    }

    @Test func fingerprintIsHMACOfTheLabel() throws {
        let key = try LinkageKey(bytes: Self.bytes)
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("credence/linkage-key/fingerprint/v1".utf8), using: SymmetricKey(data: Self.bytes)
        )
        let hex = mac.map { String(format: "%02x", $0) }.joined()
        #expect(key.fingerprint == "lk:" + hex.prefix(16))
        #expect(key.description == "LinkageKey(\(key.fingerprint))")
        #expect(!key.description.contains(String(key.fileContents.prefix(16))))
    }

    @Test func generatedKeysDiffer() {
        let a = LinkageKey.generate()
        let b = LinkageKey.generate()
        #expect(a != b)
        #expect(a.fingerprint != b.fingerprint)
    }
}

import CredencePrimitives
import CredenceProtocol
import Testing
import TransparencyLog

/// The `name+keyid+base64key` verifier key string of golang.org/x/mod/sumdb/note.
struct NoteVerifierKeyTests {
    struct KeyPair: Sendable, CustomTestStringConvertible {
        let signerKey: String
        let verifierKey: String
        var testDescription: String { verifierKey }
    }

    static let pairs = GoNoteVectors.keyPairs.map { KeyPair(signerKey: $0.0, verifierKey: $0.1) }

    /// Deriving the verifier key from each published signer key gives the published verifier key.
    @Test(arguments: pairs)
    func derivedKeyMatchesThePublishedOne(pair: KeyPair) throws {
        let (name, key) = GoNoteVectors.signer(pair.signerKey)
        let derived = try NoteVerifierKey(name: name, publicKey: key.publicKey)
        #expect(derived.description == pair.verifierKey)
        let parsed = try NoteVerifierKey(parsing: pair.verifierKey)
        #expect(parsed == derived)
        #expect(parsed.name == name)
        #expect(NoteVerifierKeyTests.hex(parsed.keyID) == pair.verifierKey.split(separator: "+")[1])
    }

    static func hex(_ value: UInt32) -> String {
        Hex.encode([UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    /// note_test.go's TestNewVerifier: every proper substring and every single-byte change is refused.
    @Test func manglingsAreRefused() throws {
        let key = Array(GoNoteVectors.peterKey.utf8)
        #expect(throws: Never.self) { try NoteVerifierKey(parsing: GoNoteVectors.peterKey) }
        for start in 0..<key.count {
            for end in (start + 1)...key.count {
                guard start != 0 || end != key.count else { continue }
                let text = String(decoding: key[start..<end], as: UTF8.self)
                #expect(throws: TransparencyLogError.self, "\(text)") { try NoteVerifierKey(parsing: text) }
            }
        }
        for index in key.indices {
            var changed = key
            changed[index] &+= 1
            let text = String(decoding: changed, as: UTF8.self)
            #expect(throws: TransparencyLogError.self, "\(text)") { try NoteVerifierKey(parsing: text) }
        }
    }

    @Test func refusalsSayWhy() throws {
        let cases = [
            // From note_test.go: wrong key length and unknown algorithm, each with a key ID that matches. Go's
            // lenient base64 reads the first; canonical base64 refuses its non-zero trailing bits already.
            ("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==", "unused bits"),
            // Canonical keys of 31 and 33 bytes, with matching key IDs (computed with Python).
            ("PeterNeumann+a3fe51bc+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10Q=", "32 bytes, got 31"),
            ("PeterNeumann+5bdbe860+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA==", "32 bytes, got 33"),
            ("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "signature type 0x65"),
            ("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "does not match"),
            ("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "8 hex digits"),
            ("PeterNeumann+c74f20a3", "three parts"),
            ("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "must not be empty"),
            ("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "white space"),
            ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq_LDE4izWy10TW", "base64"),
        ]
        for (text, fragment) in cases {
            do {
                _ = try NoteVerifierKey(parsing: text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.code == .malformedVerifierKey)
                #expect(error.message.contains(fragment), "\(error.message)")
            }
        }
    }

    @Test(arguments: ["", "a+b", "a b", "a\tb", "a\u{00A0}b", "a\u{2028}b", "a\u{1}b"])
    func invalidKeyNames(name: String) throws {
        do {
            _ = try NoteVerifierKey(name: name, publicKey: SigningKey().publicKey)
            Issue.record("accepted key name \(name.debugDescription)")
        } catch {
            #expect(error.code == .invalidKeyName)
        }
    }

    @Test func keyIDFollowsTheSpec() throws {
        // key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[0..<4], cross-checked with Python for seed 00...1f.
        let key = try SigningKey(seed: (0..<32).map { UInt8($0) })
        let verifier = try NoteVerifierKey(name: "log.credence.example", publicKey: key.publicKey)
        #expect(verifier.keyID == 0x2015_9127)
        #expect(verifier.description == "log.credence.example+20159127+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4")
        // Names may be any non-space Unicode.
        #expect(throws: Never.self) { try NoteVerifierKey(name: "Señor-1/log", publicKey: key.publicKey) }
    }
}

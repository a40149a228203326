import CredenceProtocol
import Testing
import TransparencyLog

/// C2SP signed notes against golang.org/x/mod/sumdb/note's published example (`note_test.go`).
struct SignedNoteTests {
    static let peter = try! SigningKey(seed: GoNoteVectors.peterSeed)
    static let peterKey = try! NoteVerifierKey(parsing: GoNoteVectors.peterKey)
    static let enochKey = try! NoteVerifierKey(parsing: GoNoteVectors.enochKey)
    static let both = GoNoteVectors.text + "\n" + GoNoteVectors.peterSignature + GoNoteVectors.enochSignature

    func expectError(
        _ code: TransparencyLogError.Code, _ fragment: String = "", sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) {
        do {
            try body()
            Issue.record("expected \(code)", sourceLocation: sourceLocation)
        } catch let error as TransparencyLogError {
            #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
            #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    /// TestSign: Ed25519 is deterministic, so signing the text gives the published note byte for byte.
    @Test func signingGivesThePublishedNote() throws {
        let note = try SignedNote.sign(text: GoNoteVectors.text, keyName: "PeterNeumann", key: Self.peter)
        #expect(note.encoded == GoNoteVectors.text + "\n" + GoNoteVectors.peterSignature)
        #expect(note.signatures.count == 1)
        #expect(note.signatures[0].keyID == 0xc74f_20a3)
        #expect(try note.verify(Self.peterKey) == GoNoteVectors.text)
    }

    /// TestOpen: a note signed by two keys verifies by either; the other line is ignored.
    @Test func eitherSignatureVerifies() throws {
        let note = try SignedNote(parsing: Self.both)
        #expect(note.text == GoNoteVectors.text)
        #expect(note.signatures.map(\.keyName) == ["PeterNeumann", "EnochRoot"])
        #expect(note.signatures.map(\.keyID) == [0xc74f_20a3, 0xaf0c_fe78])
        #expect(try note.verify(Self.peterKey) == GoNoteVectors.text)
        #expect(try note.verify(Self.enochKey) == GoNoteVectors.text)
        #expect(note.encoded == Self.both)
        // Repeated lines are fine: every line by the key must verify, and they do.
        let repeated =
            GoNoteVectors.text + "\n" + GoNoteVectors.peterSignature + GoNoteVectors.peterSignature
            + GoNoteVectors.enochSignature + GoNoteVectors.enochSignature
        #expect(try SignedNote(parsing: repeated).verify(Self.peterKey) == GoNoteVectors.text)
    }

    @Test func unknownSignersAreIgnoredButNeverTrusted() throws {
        let onlyEnoch = try SignedNote(parsing: GoNoteVectors.text + "\n" + GoNoteVectors.enochSignature)
        expectError(.unknownSigner, "not signed by PeterNeumann+c74f20a3; it is signed by: EnochRoot+af0cfe78") {
            _ = try onlyEnoch.verify(Self.peterKey)
        }
        // Same key ID under another name, and same name with another key ID: neither is Peter's line.
        let renamed = GoNoteVectors.peterSignature.replacing("PeterNeumann", with: "CarmenSandiego")
        let rehashed = GoNoteVectors.peterSignature.replacing("x08g", with: "xxxx")
        for line in [renamed, rehashed] {
            let note = try SignedNote(parsing: GoNoteVectors.text + "\n" + line)
            expectError(.unknownSigner) { _ = try note.verify(Self.peterKey) }
        }
    }

    @Test func badSignaturesAreRefused() throws {
        // note_test.go: four characters inserted into the base64 make a 68-byte signature.
        let line = Array(GoNoteVectors.peterSignature.utf8)
        let inserted = String(decoding: line[..<60] + Array("ABCD".utf8) + line[60...], as: UTF8.self)
        let note = try SignedNote(parsing: GoNoteVectors.text + "\n" + inserted)
        expectError(.invalidSignature, "PeterNeumann+c74f20a3 does not verify") { _ = try note.verify(Self.peterKey) }
        // A signature line by Peter that does not verify makes the whole note fail, even beside a good one.
        let mixed = try SignedNote(parsing: GoNoteVectors.text + "\n" + GoNoteVectors.peterSignature + inserted)
        expectError(.invalidSignature) { _ = try mixed.verify(Self.peterKey) }
        // The text changed under a good signature.
        let altered = try SignedNote(
            parsing: GoNoteVectors.text.replacing("answer", with: "Answer") + "\n"
                + GoNoteVectors.peterSignature)
        expectError(.invalidSignature) { _ = try altered.verify(Self.peterKey) }
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let bytes: [UInt8]
        let fragment: String
        let testDescription: String

        init(_ text: String, _ fragment: String, _ description: String) {
            self.init(Array(text.utf8), fragment, description)
        }

        init(_ bytes: [UInt8], _ fragment: String, _ description: String) {
            self.bytes = bytes
            self.fragment = fragment
            self.testDescription = description
        }
    }

    /// note_test.go's bad messages, and a few more.
    static let malformed: [Malformed] = {
        let text = GoNoteVectors.text
        let sig = GoNoteVectors.peterSignature
        return [
            Malformed(text, "no blank line", "text only"),
            Malformed(text + "\n", "no signature line", "text and blank line"),
            Malformed(text + "\n" + String(sig.dropLast()), "does not end in a newline", "missing final newline"),
            Malformed("\u{1}" + text + "\n" + sig, "control character 0x1", "control character"),
            Malformed([0xFF] + Array((text + "\n" + sig).utf8), "valid UTF-8", "invalid UTF-8"),
            Malformed(
                text + "\n"
                    + "\u{2014} Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                "canonical base64", "space in the key name"),
            Malformed(text + "\n" + sig + "Unexpected line.\n", "signature line 2 does not start", "trailing line"),
            Malformed(text + "\n" + String(repeating: sig, count: 101), "101 signature lines", "101 signatures"),
            Malformed(text + "\n" + sig.replacing("\u{2014}", with: "-"), "em dash", "hyphen"),
            Malformed(text.replacing("\n", with: "\r\n") + "\n" + sig, "0xd", "CRLF"),
            Malformed(text + "\n" + "\u{2014} PeterNeumann\n", "no space", "no signature"),
            Malformed(text + "\n" + "\u{2014} PeterNeumann \n", "too short", "empty signature"),
            Malformed(text + "\n" + "\u{2014} PeterNeumann x08gow==\n", "too short", "key ID only"),
            Malformed(text + "\n" + "\u{2014} a+b x08go/ZJ\n", "'+'", "plus in the key name"),
            Malformed(text + "\n" + sig + "\n", "no signature line", "blank line after the signatures"),
        ]
    }()

    @Test(arguments: malformed)
    func malformedNotesAreRefused(note: Malformed) throws {
        expectError(.malformedNote, note.fragment) { _ = try SignedNote(parsing: note.bytes) }
    }

    @Test func oneHundredSignaturesAreAccepted() throws {
        let note = try SignedNote(
            parsing: GoNoteVectors.text + "\n" + String(repeating: GoNoteVectors.peterSignature, count: 100))
        #expect(try note.verify(Self.peterKey) == GoNoteVectors.text)
    }

    /// The text may hold blank lines: the signatures start after the last one.
    @Test func textWithBlankLines() throws {
        let key = SigningKey()
        let text = "first\n\nthird\n\n"
        let note = try SignedNote.sign(text: text, keyName: "example.com/log", key: key)
        let parsed = try SignedNote(parsing: note.encoded)
        #expect(parsed == note)
        #expect(try parsed.verify(NoteVerifierKey(name: "example.com/log", publicKey: key.publicKey)) == text)
    }

    @Test func signingRefusesBadInput() throws {
        let key = SigningKey()
        expectError(.malformedNote, "end in a newline") { _ = try SignedNote.sign(text: "abc", keyName: "a", key: key) }
        expectError(.malformedNote, "end in a newline") { _ = try SignedNote.sign(text: "", keyName: "a", key: key) }
        expectError(.malformedNote, "control character 0x9") {
            _ = try SignedNote.sign(text: "a\tb\n", keyName: "a", key: key)
        }
        expectError(.invalidKeyName, "'+'") { _ = try SignedNote.sign(text: "a\n", keyName: "a+b", key: key) }
        expectError(.invalidKeyName, "white space") { _ = try SignedNote.sign(text: "a\n", keyName: "a b", key: key) }
    }

    /// Cosigning keeps the existing lines and replaces a line by the same key.
    @Test func addingSignatures() throws {
        let note = try SignedNote.sign(text: GoNoteVectors.text, keyName: "PeterNeumann", key: Self.peter)
        let second = SigningKey()
        let cosigned = try note.addingSignature(keyName: "witness.example", key: second)
        #expect(cosigned.signatures.map(\.keyName) == ["PeterNeumann", "witness.example"])
        #expect(try cosigned.verify(Self.peterKey) == GoNoteVectors.text)
        #expect(
            try cosigned.verify(NoteVerifierKey(name: "witness.example", publicKey: second.publicKey))
                == GoNoteVectors.text)
        let resigned = try cosigned.addingSignature(keyName: "PeterNeumann", key: Self.peter)
        #expect(resigned.signatures.map(\.keyName) == ["witness.example", "PeterNeumann"])
        #expect(resigned.signatures.count == 2)
    }
}

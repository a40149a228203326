import CredenceProtocol
import Testing
import TransparencyLog

/// Signed checkpoints: known answers (a real sum.golang.org checkpoint; notes cross-checked with an
/// independent Python implementation), round trips, and every way a forgery should fail.
struct SignedCheckpointTests {
    static let name = "log.credence.example"
    static let key = try! SigningKey(seed: (0..<32).map { UInt8($0) })
    static let root = try! MerkleHash(hex: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
    static let checkpoint = try! Checkpoint(origin: name, size: 8, rootHash: root)

    /// Written by Python (`cryptography`'s Ed25519, `hashlib`, `base64`) for seed 00...1f; the same script
    /// reproduces golang.org/x/mod/sumdb/note's published PeterNeumann note.
    static let expectedText = """
        log.credence.example
        8
        XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=

        \u{2014} log.credence.example IBWRJxc4s4OtypxgS902MyDh9HXoqugqZjUfyI/Np79va54n4lVJCLjVKMth0FXdfe2qW1khQm/OYQj1tdEAy7wLJQU=

        """
    static let expectedWithExtension = """
        log.credence.example
        8
        XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
        ext line one

        \u{2014} log.credence.example IBWRJ/Jafgn7FBFibs1yTLkdvhSPr4VOeV9YCFKXaEH/bGw0L4HLXsgUiK4AsWoTIUbGgKIDBjxcOUszwJhcJ84a0gw=

        """
    static let expectedEmptyTree = """
        log.credence.example
        0
        47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=

        \u{2014} log.credence.example IBWRJ7nIGr4gb8uW9XCzJF4rmvooy2brdmu4HkhkEkD049zdZbZCVSaSQ252CBvhlL+gReBfOX/I2eCIMi+U6pcHbwc=

        """

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

    @Test func signingMatchesTheIndependentImplementation() throws {
        let signed = try SignedCheckpoint.sign(Self.checkpoint, keyName: Self.name, key: Self.key)
        #expect(signed.text == Self.expectedText)
        let extended = try Checkpoint(origin: Self.name, size: 8, rootHash: Self.root, extensionLines: ["ext line one"])
        #expect(
            try SignedCheckpoint.sign(extended, keyName: Self.name, key: Self.key).text == Self.expectedWithExtension)
        let empty = try Checkpoint(origin: Self.name, size: 0, rootHash: MerkleTree().rootHash)
        #expect(try SignedCheckpoint.sign(empty, keyName: Self.name, key: Self.key).text == Self.expectedEmptyTree)
    }

    @Test func roundTrip() throws {
        let signed = try SignedCheckpoint.sign(Self.checkpoint, keyName: Self.name, key: Self.key)
        let parsed = try SignedCheckpoint(parsing: signed.text)
        #expect(parsed == signed)
        #expect(try parsed.verify(keyName: Self.name, publicKey: Self.key.publicKey) == Self.checkpoint)
        #expect(
            try parsed.verify(keyName: Self.name, publicKey: Self.key.publicKey, origin: Self.name) == Self.checkpoint)
        let verifierKey = try NoteVerifierKey(
            parsing: "log.credence.example+20159127+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4")
        #expect(try parsed.verify(verifierKey) == Self.checkpoint)
        #expect(try SignedCheckpoint(parsing: Array(signed.text.utf8)).verify(verifierKey) == Self.checkpoint)
        let extended = try SignedCheckpoint(parsing: Self.expectedWithExtension).verify(verifierKey)
        #expect(extended.extensionLines == ["ext line one"])
    }

    /// transparency-dev/formats `log/note_test.go`: a checkpoint sum.golang.org served and signed.
    @Test func verifiesARealSumDBCheckpoint() throws {
        let key = try NoteVerifierKey(parsing: GoNoteVectors.sumDBKey)
        let signed = try SignedCheckpoint(parsing: GoNoteVectors.sumDBCheckpoint)
        let checkpoint = try signed.verify(key, origin: "go.sum database tree")
        #expect(checkpoint.origin == "go.sum database tree")
        #expect(checkpoint.size == 6_476_701)
        #expect(checkpoint.rootHash.base64 == "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=")
        expectError(.originMismatch, "\"go.sum database tree\", not \"Go rocks\"") {
            _ = try signed.verify(key, origin: "Go rocks")
        }
        let bumped = GoNoteVectors.sumDBCheckpoint.replacing("6476701", with: "6476702")
        expectError(.invalidSignature) { _ = try SignedCheckpoint(parsing: bumped).verify(key) }
    }

    /// Every line of the body is covered by the signature.
    @Test(arguments: [
        ("log.credence.example\n8\n", "log.credence.example\n9\n"),
        ("log.credence.example\n8\n", "log.credence.example\n7\n"),
        ("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz", "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgA"),
        ("log.credence.example\n8", "log.credence.exampla\n8"),
        ("Qyg=\n\n", "Qyg=\nextra\n\n"),
    ])
    func changedBodiesFail(original: String, replacement: String) throws {
        let text = Self.expectedText.replacing(original, with: replacement)
        #expect(text != Self.expectedText)
        expectError(.invalidSignature) {
            _ = try SignedCheckpoint(parsing: text).verify(keyName: Self.name, publicKey: Self.key.publicKey)
        }
    }

    @Test func otherKeysFail() throws {
        let other = SigningKey()
        let signedByOther = try SignedCheckpoint.sign(Self.checkpoint, keyName: Self.name, key: other)
        // Another key under the same name has another key ID: its line is not the log's.
        expectError(.unknownSigner, "not signed by log.credence.example+20159127") {
            _ = try signedByOther.verify(keyName: Self.name, publicKey: Self.key.publicKey)
        }
        // A line claiming the log's key ID but signed by another key.
        let forgedSignature = try NoteSignature(
            keyName: Self.name, keyID: 0x2015_9127, signature: other.signature(for: Array(Self.checkpoint.body.utf8)))
        let forged = Self.checkpoint.body + "\n" + forgedSignature.line
        expectError(.invalidSignature, "does not verify") {
            _ = try SignedCheckpoint(parsing: forged).verify(keyName: Self.name, publicKey: Self.key.publicKey)
        }
        // The right key under another name.
        let signed = try SignedCheckpoint.sign(Self.checkpoint, keyName: Self.name, key: Self.key)
        expectError(.unknownSigner) { _ = try signed.verify(keyName: "other.example", publicKey: Self.key.publicKey) }
        expectError(.invalidKeyName) { _ = try signed.verify(keyName: "bad name", publicKey: Self.key.publicKey) }
    }

    /// A log key rotation: the note carries both signatures, and either key verifies it.
    @Test func cosignedCheckpoint() throws {
        let next = SigningKey()
        let signed = try SignedCheckpoint.sign(Self.checkpoint, keyName: Self.name, key: Self.key)
        let both = try SignedCheckpoint(note: signed.note.addingSignature(keyName: Self.name, key: next))
        #expect(both.note.signatures.count == 2)
        #expect(try both.verify(keyName: Self.name, publicKey: Self.key.publicKey) == Self.checkpoint)
        #expect(try both.verify(keyName: Self.name, publicKey: next.publicKey) == Self.checkpoint)
    }

    @Test func malformedNotesAndBodiesAreRefused() throws {
        let signed = try SignedCheckpoint.sign(Self.checkpoint, keyName: Self.name, key: Self.key)
        expectError(.malformedNote, "does not end in a newline") {
            _ = try SignedCheckpoint(parsing: String(signed.text.dropLast()))
        }
        expectError(.malformedNote, "valid UTF-8") {
            _ = try SignedCheckpoint(parsing: Array(signed.text.utf8) + [0xC3])
        }
        let note = try SignedNote.sign(text: "just some text\n", keyName: Self.name, key: Self.key)
        expectError(.malformedCheckpoint, "got 1 line(s)") { _ = try SignedCheckpoint(parsing: note.encoded) }
        expectError(.malformedCheckpoint) { _ = try SignedCheckpoint(note: note) }
    }
}

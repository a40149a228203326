import CredencePrimitives
public import CredenceProtocol

/// A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or more
/// signature lines `— <key name> base64(key ID ‖ signature)`, each signing the text (final newline included).
///
/// The text must be ignored until ``verify(_:)`` has checked a signature by a trusted key.
///
/// ```swift
/// let note = try SignedNote.sign(text: "hello\n", keyName: "example.com/log", key: signingKey)
/// print(note.encoded)   // "hello\n\n— example.com/log AbCd…\n"
/// let text = try SignedNote(parsing: note.encoded).verify(verifierKey)
/// ```
public struct SignedNote: Sendable, Hashable {
    /// The most signature lines a note may carry; more is refused before any signature is checked, as
    /// golang.org/x/mod/sumdb/note does (the spec requires accepting at least 16).
    public static let maximumSignatureCount = 100

    /// The signed text, final newline included. Untrusted until ``verify(_:)`` returns it.
    public let text: String
    /// The signature lines, in order, by known and unknown keys alike.
    public let signatures: [NoteSignature]

    private init(text: String, signatures: [NoteSignature]) {
        self.text = text
        self.signatures = signatures
    }

    /// Signs `text` (which must end in a newline and hold no control character but newlines) with Ed25519.
    public static func sign(text: String, keyName: String, key: SigningKey) throws(TransparencyLogError)
        -> SignedNote
    {
        try checkText(text)
        return SignedNote(text: text, signatures: [try signature(of: text, keyName: keyName, key: key)])
    }

    /// This note with one more signature (a second key during a rotation, say). A signature already there by
    /// the same key name and key ID is replaced.
    public func addingSignature(keyName: String, key: SigningKey) throws(TransparencyLogError) -> SignedNote {
        let new = try Self.signature(of: text, keyName: keyName, key: key)
        var kept = signatures.filter { $0.keyName != new.keyName || $0.keyID != new.keyID }
        kept.append(new)
        guard kept.count <= Self.maximumSignatureCount else {
            throw TransparencyLogError(
                .malformedNote, "a note carries at most \(Self.maximumSignatureCount) signatures")
        }
        return SignedNote(text: text, signatures: kept)
    }

    /// Reads a note from its text. A Swift `String` is always valid UTF-8 (decoding bytes into one replaces
    /// invalid sequences), so give bytes off the wire to the byte initializer, which refuses invalid UTF-8.
    public init(parsing text: String) throws(TransparencyLogError) {
        try self.init(utf8: Array(text.utf8))
    }

    /// Reads a note from its bytes, refusing invalid UTF-8.
    public init(parsing bytes: some Collection<UInt8>) throws(TransparencyLogError) {
        let utf8 = Array(bytes)
        guard String(validating: utf8, as: UTF8.self) != nil else {
            throw TransparencyLogError(.malformedNote, "a signed note must be valid UTF-8")
        }
        try self.init(utf8: utf8)
    }

    private init(utf8: [UInt8]) throws(TransparencyLogError) {
        func malformed(_ why: String) -> TransparencyLogError {
            TransparencyLogError(.malformedNote, "malformed signed note: \(why)")
        }
        try NoteSyntax.checkCharacters(utf8, allowingNewline: true, what: "the signed note", code: .malformedNote)
        // The text ends at the last blank line: the text may hold blank lines, the signature block may not.
        var split = utf8.count - 2
        while split >= 0 && !(utf8[split] == NoteSyntax.newline && utf8[split + 1] == NoteSyntax.newline) {
            split -= 1
        }
        guard split >= 0 else { throw malformed("no blank line separates the text from the signatures") }
        let block = utf8[(split + 2)...]
        guard let last = block.last else { throw malformed("no signature line after the blank line") }
        guard last == NoteSyntax.newline else { throw malformed("the last signature line does not end in a newline") }

        let lines = block.dropLast().split(separator: NoteSyntax.newline, omittingEmptySubsequences: false)
        guard lines.count <= Self.maximumSignatureCount else {
            throw malformed("\(lines.count) signature lines, more than the \(Self.maximumSignatureCount) accepted")
        }
        var signatures: [NoteSignature] = []
        for (number, line) in lines.enumerated() {
            let which = "signature line \(number + 1)"
            guard line.starts(with: NoteSyntax.signatureLinePrefix) else {
                throw malformed("\(which) does not start with an em dash (U+2014) and a space")
            }
            let rest = line.dropFirst(NoteSyntax.signatureLinePrefix.count)
            guard let space = rest.firstIndex(of: UInt8(ascii: " ")) else {
                throw malformed("\(which) has no space between the key name and the signature")
            }
            let name = String(decoding: rest[..<space], as: UTF8.self)
            let encoded = String(decoding: rest[(space + 1)...], as: UTF8.self)
            let decoded: [UInt8]
            do {
                decoded = try Base64.decode(encoded, strict: true)
            } catch {
                throw malformed("\(which) does not hold canonical base64: \(error)")
            }
            guard decoded.count > 4 else { throw malformed("\(which) is too short to hold a key ID and a signature") }
            do {
                signatures.append(
                    try NoteSignature(
                        keyName: name, keyID: decoded.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) },
                        signature: Array(decoded.dropFirst(4))))
            } catch {
                throw malformed("\(which): \(error.message)")
            }
        }
        self.init(text: String(decoding: utf8[...split], as: UTF8.self), signatures: signatures)
    }

    /// The note as it travels: text, blank line, signature lines.
    public var encoded: String {
        text + "\n" + signatures.map(\.line).joined()
    }

    /// Checks every signature line by `key` (same key name and key ID) and returns the text they sign.
    ///
    /// Lines by other keys are ignored, as the spec requires, even when they share the name or the key ID
    /// (but not both). Throws ``TransparencyLogError/Code/unknownSigner`` when no line is by `key`, and
    /// ``TransparencyLogError/Code/invalidSignature`` when one that is does not verify.
    public func verify(_ key: NoteVerifierKey) throws(TransparencyLogError) -> String {
        let mine = signatures.filter { $0.keyName == key.name && $0.keyID == key.keyID }
        guard !mine.isEmpty else {
            let others = signatures.map { "\($0.keyName)+\(NoteSyntax.hex($0.keyID))" }.joined(separator: ", ")
            throw TransparencyLogError(
                .unknownSigner,
                "the note is not signed by \(key.name)+\(NoteSyntax.hex(key.keyID)); it is signed by: \(others)")
        }
        let message = Array(text.utf8)
        for signature in mine where !key.publicKey.isValidSignature(signature.signature, for: message) {
            throw TransparencyLogError(
                .invalidSignature,
                "the signature by \(key.name)+\(NoteSyntax.hex(key.keyID)) does not verify: the note was altered "
                    + "or signed by another key")
        }
        return text
    }

    private static func checkText(_ text: String) throws(TransparencyLogError) {
        guard text.utf8.last == NoteSyntax.newline else {
            throw TransparencyLogError(.malformedNote, "a note's text must end in a newline")
        }
        try NoteSyntax.checkCharacters(text.utf8, allowingNewline: true, what: "the note text", code: .malformedNote)
    }

    private static func signature(of text: String, keyName: String, key: SigningKey) throws(TransparencyLogError)
        -> NoteSignature
    {
        try NoteSyntax.checkKeyName(keyName)
        let keyID = try NoteVerifierKey(name: keyName, publicKey: key.publicKey).keyID
        return try NoteSignature(keyName: keyName, keyID: keyID, signature: key.signature(for: Array(text.utf8)))
    }
}

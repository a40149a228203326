import CredencePrimitives
public import CredenceProtocol

/// A log's public key as clients are configured with it: the golang.org/x/mod/sumdb/note verifier key
/// `<name>+<key ID, 8 hex digits>+<base64(0x01 ‖ 32-byte Ed25519 key)>`.
///
/// ```swift
/// let key = try NoteVerifierKey(parsing: "log.credence.example+1a2b3c4d+AZ...")
/// let checkpoint = try SignedCheckpoint(parsing: text).verify(key)
/// print(try NoteVerifierKey(name: "log.credence.example", publicKey: signingKey.publicKey))
/// ```
public struct NoteVerifierKey: Sendable, Hashable, CustomStringConvertible {
    /// The key name the note's signature line carries (for a log: usually its origin).
    public let name: String
    public let publicKey: PublicKey
    /// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[0..<4], big-endian: with the name, it picks the signature line.
    public let keyID: UInt32

    /// The verifier key for `publicKey` under `name`.
    public init(name: String, publicKey: PublicKey) throws(TransparencyLogError) {
        try NoteSyntax.checkKeyName(name)
        self.name = name
        self.publicKey = publicKey
        self.keyID = NoteSyntax.keyID(
            name: name, typedKey: [NoteSyntax.ed25519SignatureType] + publicKey.rawRepresentation)
    }

    /// Reads `<name>+<hex key ID>+<base64 key>`, checking the key ID against the name and key.
    public init(parsing text: String) throws(TransparencyLogError) {
        func malformed(_ why: String) -> TransparencyLogError {
            TransparencyLogError(.malformedVerifierKey, "not a verifier key (name+keyid+base64key): \(why)")
        }
        // The name and the key ID hold no '+'; the base64 key may.
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw malformed("expected three parts separated by '+'") }
        let name = String(parts[0])
        do {
            try NoteSyntax.checkKeyName(name)
        } catch {
            throw malformed(error.message)
        }
        guard parts[1].utf8.count == 8, let idBytes = Hex.decode(parts[1]) else {
            throw malformed("the key ID must be 8 hex digits")
        }
        let keyID = idBytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let typedKey: [UInt8]
        do {
            typedKey = try Base64.decode(String(parts[2]), strict: true)
        } catch {
            throw malformed("the key is not canonical base64: \(error)")
        }
        guard !typedKey.isEmpty else { throw malformed("the key is empty") }
        guard NoteSyntax.keyID(name: name, typedKey: typedKey) == keyID else {
            throw malformed("the key ID \(parts[1]) does not match the name and key")
        }
        guard typedKey[0] == NoteSyntax.ed25519SignatureType else {
            throw malformed("signature type 0x\(String(typedKey[0], radix: 16)) is not Ed25519 (0x01)")
        }
        guard typedKey.count == 33 else {
            throw malformed("an Ed25519 key is 32 bytes, got \(typedKey.count - 1)")
        }
        let publicKey: PublicKey
        do {
            publicKey = try PublicKey(rawRepresentation: typedKey.dropFirst())
        } catch {
            throw malformed(error.message)
        }
        self.name = name
        self.publicKey = publicKey
        self.keyID = keyID
    }

    /// `<name>+<hex key ID>+<base64(0x01 ‖ key)>`.
    public var description: String {
        name + "+" + NoteSyntax.hex(keyID) + "+"
            + Base64.encode([NoteSyntax.ed25519SignatureType] + publicKey.rawRepresentation)
    }
}

import CredencePrimitives

/// One signature line of a signed note: `— <key name> base64(key ID ‖ signature)`.
///
/// A note may carry signatures by keys the reader does not know (witnesses, a rotated key); they are kept
/// as read and ignored by verification.
///
/// ```swift
/// for signature in note.signatures {
///     print(signature.keyName, String(signature.keyID, radix: 16))
/// }
/// ```
public struct NoteSignature: Sendable, Hashable {
    public let keyName: String
    /// The first four bytes of the decoded signature, big-endian.
    public let keyID: UInt32
    /// The signature bytes after the key ID (64 for Ed25519).
    public let signature: [UInt8]

    public init(keyName: String, keyID: UInt32, signature: [UInt8]) throws(TransparencyLogError) {
        try NoteSyntax.checkKeyName(keyName)
        guard !signature.isEmpty else {
            throw TransparencyLogError(.malformedNote, "a note signature must not be empty")
        }
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// The line as the note carries it, final newline included.
    public var line: String {
        "\u{2014} \(keyName) \(Base64.encode(NoteSyntax.bytes(keyID) + signature))\n"
    }
}

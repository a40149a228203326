public import CredenceProtocol

/// A checkpoint in its signed-note form, as the log serves it and clients verify it offline.
///
/// The checkpoint read from a note is ``unverifiedCheckpoint`` until ``verify(keyName:publicKey:origin:)``
/// (or ``verify(_:origin:)``) has checked the log's signature and returned it.
///
/// ```swift
/// let signed = try SignedCheckpoint.sign(checkpoint, keyName: "log.credence.example", key: logKey)
/// serve(signed.text)
/// // Client side, offline:
/// let verified = try SignedCheckpoint(parsing: text)
///     .verify(keyName: "log.credence.example", publicKey: logPublicKey, origin: "log.credence.example")
/// ```
public struct SignedCheckpoint: Sendable, Hashable {
    public let note: SignedNote
    /// The checkpoint the note's text holds, not yet checked against any key.
    public let unverifiedCheckpoint: Checkpoint

    /// A note whose text must be a well-formed checkpoint.
    public init(note: SignedNote) throws(TransparencyLogError) {
        self.note = note
        self.unverifiedCheckpoint = try Checkpoint(parsingBody: note.text)
    }

    /// Signs the checkpoint's body with the log's Ed25519 key under `keyName` (which should be the origin).
    public static func sign(_ checkpoint: Checkpoint, keyName: String, key: SigningKey) throws(TransparencyLogError)
        -> SignedCheckpoint
    {
        try SignedCheckpoint(note: SignedNote.sign(text: checkpoint.body, keyName: keyName, key: key))
    }

    /// Reads a signed checkpoint from its text.
    public init(parsing text: String) throws(TransparencyLogError) {
        try self.init(note: SignedNote(parsing: text))
    }

    /// Reads a signed checkpoint from bytes, refusing invalid UTF-8.
    public init(parsing bytes: some Collection<UInt8>) throws(TransparencyLogError) {
        try self.init(note: SignedNote(parsing: bytes))
    }

    /// The signed note: checkpoint body, blank line, signature lines.
    public var text: String { note.encoded }

    /// Checks the signature by the key `publicKey` named `keyName` and returns the checkpoint; with `origin`,
    /// also that the checkpoint is that log's.
    public func verify(keyName: String, publicKey: PublicKey, origin: String? = nil) throws(TransparencyLogError)
        -> Checkpoint
    {
        try verify(NoteVerifierKey(name: keyName, publicKey: publicKey), origin: origin)
    }

    /// Checks the signature by `key` and returns the checkpoint; with `origin`, also that the checkpoint is
    /// that log's.
    public func verify(_ key: NoteVerifierKey, origin: String? = nil) throws(TransparencyLogError) -> Checkpoint {
        _ = try note.verify(key)
        if let origin, origin != unverifiedCheckpoint.origin {
            throw TransparencyLogError(
                .originMismatch,
                "the checkpoint is for log \(unverifiedCheckpoint.origin.debugDescription), "
                    + "not \(origin.debugDescription)")
        }
        return unverifiedCheckpoint
    }
}

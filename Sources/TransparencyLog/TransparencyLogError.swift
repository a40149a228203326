/// Every error of the transparency log: a ``Code`` to compare by and a message a user can act on.
///
/// ```swift
/// do {
///     try MerkleProof.verifyInclusion(
///         leafHash: leaf, leafIndex: 3, treeSize: 8, proof: proof, rootHash: checkpoint.rootHash)
/// } catch {
///     print(error.code, error)  // inclusionProofInvalid, "the inclusion proof ..."
/// }
/// ```
public struct TransparencyLogError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// A hash is not 32 bytes, or its text is not canonical base64 or hex.
        case invalidHash
        /// A leaf index or tree size lies beyond the tree that was asked (or the arguments are out of order).
        case outOfRange
        /// An inclusion proof does not lead from the leaf to the root it was checked against.
        case inclusionProofInvalid
        /// A consistency proof does not show the first tree to be a prefix of the second.
        case consistencyProofInvalid
        /// The checkpoint text (origin, size, root hash, extension lines) is not well formed.
        case malformedCheckpoint
        /// The signed note is not well formed: encoding, blank line, signature lines, too many signatures.
        case malformedNote
        /// A key name is empty, or holds a space or a '+'.
        case invalidKeyName
        /// A verifier key string (`name+keyid+base64`) cannot be read.
        case malformedVerifierKey
        /// The note carries no signature by the expected key (name and key ID).
        case unknownSigner
        /// A signature by the expected key does not verify.
        case invalidSignature
        /// The checkpoint is signed by the expected key but names another log.
        case originMismatch
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

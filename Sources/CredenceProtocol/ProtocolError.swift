/// Every error of the wire layer: a ``Code`` to compare by, a message a user can act on, and, for
/// document errors, the JSON Pointer of the field at fault.
public struct ProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// Not JSON, or JSON this project refuses (see ``StrictJSONParser``).
        case malformedJSON
        /// A JSON object names the same member twice.
        case duplicateMember
        /// The DSSE envelope lacks a field, has one of the wrong type, or holds invalid base64.
        case malformedEnvelope
        /// The payload type is not the one the verifier requires.
        case unsupportedPayloadType
        /// Fewer distinct trusted keys signed the envelope than the threshold requires.
        case signatureNotVerified
        /// A key file or key text cannot be used: unreadable, malformed, or weak.
        case unusableKey
        /// The verification policy itself is wrong (threshold 0, more than the keys given, ...).
        case invalidPolicy
        /// The batch decoded from the verified payload does not follow the batch schema.
        case schemaInvalid
    }

    public let code: Code
    public let message: String
    /// The field at fault, for JSON documents.
    public let pointer: JSONPointer?

    public init(_ code: Code, _ message: String, pointer: JSONPointer? = nil) {
        self.code = code
        self.message = message
        self.pointer = pointer
    }

    public var description: String { message }
}

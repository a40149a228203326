/// The registry of RFC 9457 problem `type` URIs. They are identifiers: stable forever, documented in
/// `protocol/problems.md`, never reused for another meaning. Clients branch on ``slug`` or the URI,
/// never on `title` or `detail`.
public struct ProblemType: Sendable, Hashable, CustomStringConvertible {
    /// The last path segment of the URI, e.g. `sequence-conflict`.
    public let slug: String
    /// The HTTP status that goes with this problem.
    public let status: Int
    /// A short, human-readable summary that does not change between occurrences.
    public let title: String

    public static let baseURI = "https://credence.dev/problems/"

    public var uri: String { Self.baseURI + slug }
    public var description: String { uri }

    public static let malformedEnvelope = ProblemType(
        slug: "malformed-envelope", status: 400, title: "The request body is not a well-formed DSSE envelope")
    public static let malformedRequest = ProblemType(
        slug: "malformed-request", status: 400, title: "The request is malformed")
    public static let unauthenticated = ProblemType(
        slug: "unauthenticated", status: 401, title: "Authentication is required")
    public static let unknownKey = ProblemType(
        slug: "unknown-key", status: 403, title: "No registered key of this partner verifies the envelope")
    public static let revokedKey = ProblemType(
        slug: "revoked-key", status: 403, title: "The signing key has been revoked")
    public static let keyEpochMismatch = ProblemType(
        slug: "key-epoch-mismatch", status: 403, title: "The batch names a key epoch that did not sign it")
    public static let partnerMismatch = ProblemType(
        slug: "partner-mismatch", status: 403, title: "The batch names another partner than its signer")
    public static let wrongAudience = ProblemType(
        slug: "wrong-audience", status: 403, title: "The batch is addressed to another aggregator")
    public static let forbiddenPurpose = ProblemType(
        slug: "forbidden-purpose", status: 403, title: "The purpose is outside the key's permitted purposes")
    public static let revokedAPIKey = ProblemType(
        slug: "revoked-api-key", status: 403, title: "The API key has been revoked")
    public static let notFound = ProblemType(slug: "not-found", status: 404, title: "No such resource")
    public static let noMatchingPerson = ProblemType(
        slug: "no-matching-person", status: 404, title: "No person on file matches the identifiers")
    public static let methodNotAllowed = ProblemType(
        slug: "method-not-allowed", status: 405, title: "The resource does not answer this method")
    public static let alreadyExists = ProblemType(
        slug: "already-exists", status: 409, title: "The resource exists already")
    public static let sequenceConflict = ProblemType(
        slug: "sequence-conflict", status: 409, title: "Another batch was already accepted at this sequence number")
    public static let sequenceGap = ProblemType(
        slug: "sequence-gap", status: 409, title: "The batch skips sequence numbers")
    public static let ambiguousPerson = ProblemType(
        slug: "ambiguous-person", status: 409, title: "The identifiers match more than one person equally well")
    public static let payloadTooLarge = ProblemType(
        slug: "payload-too-large", status: 413, title: "The request body exceeds the size limit")
    public static let tooManyRecords = ProblemType(
        slug: "too-many-records", status: 413, title: "The batch holds more records than allowed")
    public static let unsupportedMediaType = ProblemType(
        slug: "unsupported-media-type", status: 415, title: "The request content type is not supported")
    public static let badSignature = ProblemType(
        slug: "bad-signature", status: 422, title: "The envelope's signature does not verify")
    public static let unsupportedPayloadType = ProblemType(
        slug: "unsupported-payload-type", status: 422, title: "The envelope's payloadType is not supported here")
    public static let schemaInvalid = ProblemType(
        slug: "schema-invalid", status: 422, title: "The batch does not follow the batch schema")
    public static let createdInFuture = ProblemType(
        slug: "created-in-future", status: 422, title: "The batch's created_at is too far in the future")
    public static let weakKey = ProblemType(
        slug: "weak-key", status: 422, title: "The public key is weak or not canonically encoded")
    public static let rateLimited = ProblemType(
        slug: "rate-limited", status: 429, title: "Too many requests; retry after the given delay")
    public static let internalError = ProblemType(
        slug: "internal-error", status: 500, title: "The server failed to handle the request")
    public static let overloaded = ProblemType(
        slug: "overloaded", status: 503, title: "The server is overloaded; retry after the given delay")

    /// Every registered problem type, in the order `protocol/problems.md` lists them.
    public static let all: [ProblemType] = [
        .malformedEnvelope, .malformedRequest, .unauthenticated, .unknownKey, .revokedKey, .keyEpochMismatch,
        .partnerMismatch, .wrongAudience, .forbiddenPurpose, .revokedAPIKey, .notFound, .noMatchingPerson,
        .methodNotAllowed, .alreadyExists, .sequenceConflict, .sequenceGap, .ambiguousPerson,
        .payloadTooLarge, .tooManyRecords, .unsupportedMediaType, .badSignature, .unsupportedPayloadType,
        .schemaInvalid, .createdInFuture, .weakKey, .rateLimited, .internalError, .overloaded,
    ]

    /// The problem type a wire-layer error becomes on the HTTP API.
    public static func forError(_ error: ProtocolError) -> ProblemType {
        switch error.code {
        case .malformedJSON, .duplicateMember, .malformedEnvelope: .malformedEnvelope
        case .unsupportedPayloadType: .unsupportedPayloadType
        case .signatureNotVerified: .badSignature
        case .unusableKey: .weakKey
        case .invalidPolicy: .internalError
        case .schemaInvalid: .schemaInvalid
        }
    }
}

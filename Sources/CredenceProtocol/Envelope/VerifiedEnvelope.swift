import Crypto

/// An envelope whose signatures met a ``VerificationPolicy``: the only way the application reaches a payload.
///
/// Only ``EnvelopeVerifier`` creates one, so code that takes a `VerifiedEnvelope` can rely on ``payload``
/// being exactly the bytes the signatures cover.
public struct VerifiedEnvelope: Sendable {
    public let payloadType: String
    /// The exact bytes the signatures cover.
    public let payload: [UInt8]
    /// The distinct trusted keys whose signatures verified, in policy order.
    public let signers: [PublicKey]

    init(payloadType: String, payload: [UInt8], signers: [PublicKey]) {
        self.payloadType = payloadType
        self.payload = payload
        self.signers = signers
    }

    /// Lower-case hex SHA-256 of the payload bytes: the `batch_id` of a batch envelope.
    public var payloadDigest: String { Envelope.digest(of: payload) }
}

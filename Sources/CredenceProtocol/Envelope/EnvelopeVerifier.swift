/// Verifies DSSE envelopes against a ``VerificationPolicy``.
///
/// A signature counts when it verifies over the PAE under one of the trusted keys; `keyid` hints are
/// ignored, unverifiable signatures are skipped, and each trusted key counts once however often it signed.
///
/// ```swift
/// let policy = try VerificationPolicy(trustedKeys: [partnerKey], requiredPayloadType: PayloadType.batchV1)
/// let verified = try EnvelopeVerifier.verify(envelopeBytes, policy: policy)
/// let batch = try Batch.decode(verified)
/// ```
public enum EnvelopeVerifier {
    /// More signatures than any honest signer needs; the cap bounds the work a hostile envelope can cause.
    public static let maximumSignatures = 16

    public static func verify(_ bytes: some Collection<UInt8>, policy: VerificationPolicy) throws(ProtocolError)
        -> VerifiedEnvelope
    {
        try verify(Envelope(parsing: bytes, strictBase64: policy.strictBase64), policy: policy)
    }

    public static func verify(_ envelope: Envelope, policy: VerificationPolicy) throws(ProtocolError)
        -> VerifiedEnvelope
    {
        if let required = policy.requiredPayloadType, !envelope.payloadType.utf8.elementsEqual(required.utf8) {
            throw ProtocolError(
                .unsupportedPayloadType,
                "payloadType is '\(envelope.payloadType)' but '\(required)' is required")
        }
        guard envelope.signatures.count <= maximumSignatures else {
            throw ProtocolError(
                .malformedEnvelope,
                "the envelope has \(envelope.signatures.count) signatures; at most \(maximumSignatures) are accepted")
        }
        let pae = PreAuthenticationEncoding.encode(payloadType: envelope.payloadType, payload: envelope.payload)
        var signers: [PublicKey] = []
        for signature in envelope.signatures {
            for key in policy.trustedKeys where !signers.contains(key) {
                if key.isValidSignature(signature.signature, for: pae) {
                    signers.append(key)
                    break
                }
            }
        }
        guard signers.count >= policy.threshold else {
            let message =
                policy.threshold == 1
                ? "no signature verifies under the trusted key(s)"
                : "signed by \(signers.count) of the \(policy.threshold) distinct trusted keys required"
            throw ProtocolError(.signatureNotVerified, message)
        }
        let ordered = policy.trustedKeys.filter { signers.contains($0) }
        return VerifiedEnvelope(payloadType: envelope.payloadType, payload: envelope.payload, signers: ordered)
    }
}

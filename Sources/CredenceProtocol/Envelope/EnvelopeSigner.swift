/// Signs payloads into DSSE envelopes.
///
/// ```swift
/// let envelope = EnvelopeSigner.sign(payload: batchBytes, payloadType: PayloadType.batchV1, with: [key])
/// try envelope.serialized().write(to: file)
/// ```
public enum EnvelopeSigner {
    public static func sign(payload: [UInt8], payloadType: String, with keys: [SigningKey]) -> Envelope {
        let pae = PreAuthenticationEncoding.encode(payloadType: payloadType, payload: payload)
        let signatures = keys.map { key in
            Envelope.Signature(keyID: key.publicKey.keyID, signature: key.signature(for: pae))
        }
        return Envelope(payloadType: payloadType, payload: payload, signatures: signatures)
    }
}

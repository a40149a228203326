/// What a verifier demands of an envelope: which keys it trusts, how many of them must have signed
/// (t-of-n over **distinct** keys), and optionally the payload type and canonical base64.
public struct VerificationPolicy: Sendable {
    public let trustedKeys: [PublicKey]
    public let threshold: Int
    public let requiredPayloadType: String?
    public let strictBase64: Bool

    /// Refuses a policy that no envelope could meet or that trusts nothing.
    public init(
        trustedKeys: [PublicKey], threshold: Int = 1, requiredPayloadType: String? = nil, strictBase64: Bool = false
    ) throws(ProtocolError) {
        var distinct: [PublicKey] = []
        for key in trustedKeys where !distinct.contains(key) { distinct.append(key) }
        guard !distinct.isEmpty else { throw ProtocolError(.invalidPolicy, "no trusted key given") }
        guard threshold >= 1 else { throw ProtocolError(.invalidPolicy, "the threshold must be at least 1") }
        guard threshold <= distinct.count else {
            throw ProtocolError(
                .invalidPolicy,
                "threshold \(threshold) exceeds the \(distinct.count) distinct trusted key(s) given")
        }
        self.trustedKeys = distinct
        self.threshold = threshold
        self.requiredPayloadType = requiredPayloadType
        self.strictBase64 = strictBase64
    }
}

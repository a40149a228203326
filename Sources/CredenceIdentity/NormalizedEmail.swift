/// The two forms of an email address that Credence uses, plus the relay flag.
///
/// ```swift
/// let email = try EmailNormalizer.normalize("John.Smith+shop@GoogleMail.com")
/// email.normalized  // "john.smith+shop@googlemail.com"
/// email.matchKey    // "johnsmith@gmail.com"
/// ```
public struct NormalizedEmail: Hashable, Sendable, Codable {
    /// Trimmed, NFC, local part lower-cased, domain lower-cased and IDNA-encoded: token type `email`.
    public let normalized: String
    /// Provider-specific canonical mailbox used only for matching: token type `email_match`.
    public let matchKey: String
    /// The address is a privacy relay that stands for one buyer-merchant pair. Adapters must not emit
    /// cross-partner tokens (`email`, `email_match`) for it: two partners never see the same relay address
    /// for the same person, and one relay address at two partners would be a coincidence of the relay.
    public let isRelay: Bool

    /// Creates the value from already normalized parts.
    public init(normalized: String, matchKey: String, isRelay: Bool) {
        self.normalized = normalized
        self.matchKey = matchKey
        self.isRelay = isRelay
    }
}

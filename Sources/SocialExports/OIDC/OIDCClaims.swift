public import CredenceProtocol

/// One account's OpenID Connect claims, as a UserInfo response or ID token carries them: the standard
/// claims of OpenID Connect Core 1.0 §5.1, the issuer, the Identity Assurance `verified_claims`, and one
/// extra claim, `created_at`.
///
/// `created_at` is not a standard claim: this project reads it as the account's creation time, written
/// like `updated_at` as seconds since 1970-01-01T00:00:00Z (an ISO 8601 string with a zone is accepted
/// too, as some providers write both claims that way).
///
/// ```swift
/// let claims = try OIDCClaims(json: StrictJSONParser.parse(Array(line.utf8)))
/// claims.subject                                   // "248289761001"
/// claims.verifiedClaims.first?.verification.trustFramework  // "de_aml"
/// ```
public struct OIDCClaims: Sendable, Equatable {
    /// `iss`: the provider. `sub` is unique only within its issuer.
    public var issuer: String?
    /// `sub`: the provider's stable id of the account.
    public var subject: String
    /// The unverified person claims at the top level.
    public var person: OIDCPersonClaims
    public var email: String?
    public var emailVerified: Bool?
    /// `phone_number`; E.164 is recommended, not required.
    public var phoneNumber: String?
    public var phoneNumberVerified: Bool?
    /// `updated_at`: when the claims last changed.
    public var updatedAt: Timestamp?
    /// `created_at` (extra claim): when the account was created.
    public var createdAt: Timestamp?
    public var verifiedClaims: [OIDCVerifiedClaims]

    public init(
        issuer: String? = nil, subject: String, person: OIDCPersonClaims = OIDCPersonClaims(), email: String? = nil,
        emailVerified: Bool? = nil, phoneNumber: String? = nil, phoneNumberVerified: Bool? = nil,
        updatedAt: Timestamp? = nil, createdAt: Timestamp? = nil, verifiedClaims: [OIDCVerifiedClaims] = []
    ) {
        self.issuer = issuer
        self.subject = subject
        self.person = person
        self.email = email
        self.emailVerified = emailVerified
        self.phoneNumber = phoneNumber
        self.phoneNumberVerified = phoneNumberVerified
        self.updatedAt = updatedAt
        self.createdAt = createdAt
        self.verifiedClaims = verifiedClaims
    }
}

/// The three kinds of partner, each with its own adapter and its own record kinds.
public enum PartnerKind: String, Codable, Sendable, CaseIterable {
    case lending, commerce, social

    /// The record kinds a partner of this kind may send.
    public var allowedRecordKinds: Set<RecordKind> {
        switch self {
        case .lending: [.tradelineSnapshot, .tradelineEvent, .accountKeyChange, .deletion]
        case .commerce: [.commerceEvent]
        case .social: [.socialAccountFact]
        }
    }
}

/// The partner export a batch was read from.
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    /// Metro 2 (CDIA CRRG) character format, 426-byte records, newline-delimited or RDW-framed.
    case metro2Character = "metro2-character"
    /// moov-io/metro2's JSON rendering of a Metro 2 file.
    case metro2MoovJSON = "metro2-moov-json"
    /// Shopify Admin REST orders, transactions and disputes (JSON Lines or `{"orders": [...]}`).
    case shopifyAdminREST = "shopify-admin-rest"
    /// Stripe charge, refund and dispute objects.
    case stripeAPI = "stripe-api"
    /// An X (Twitter) account archive, read through an allow-list.
    case xArchive = "x-archive"
    /// OpenID Connect claims with Identity Assurance `verified_claims`.
    case oidcClaims = "oidc-claims"

    public var partnerKind: PartnerKind {
        switch self {
        case .metro2Character, .metro2MoovJSON: .lending
        case .shopifyAdminREST, .stripeAPI: .commerce
        case .xArchive, .oidcClaims: .social
        }
    }
}

public enum RecordKind: String, Codable, Sendable, CaseIterable {
    case tradelineSnapshot = "tradeline_snapshot"
    case tradelineEvent = "tradeline_event"
    case accountKeyChange = "account_key_change"
    case deletion
    case commerceEvent = "commerce_event"
    case socialAccountFact = "social_account_fact"
}

/// A subject's role on a record. For lending, the Metro 2 ECOA code (kept in `role_raw`) maps onto it;
/// an authorized user is not liable for the debt.
public enum SubjectRole: String, Codable, Sendable, CaseIterable {
    case primary, joint
    case authorizedUser = "authorized_user"
    case comaker, maker, business, terminated, deceased
    /// ECOA `Z`: delete this consumer from the account.
    case remove
}

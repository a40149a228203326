/// The kinds of strong identifiers that travel as keyed tokens. Raw values are the wire names, and they are
/// also hashed into every token, so a phone number and an account key with the same text never collide.
///
/// ```swift
/// let type = TokenType(rawValue: "phone_e164")  // .phoneE164
/// ```
public enum TokenType: String, CaseIterable, Codable, Sendable {
    /// Every 18-character GB 11643 citizen number: PRC resident ID, Hong Kong / Macao / Taiwan residence permits
    /// (address codes 81, 82, 83) and the 2023 foreign permanent resident ID (first digit 9). They share one
    /// number space, so one type is correct and cannot collide.
    case cnRIC = "cn_ric"
    /// US Social Security Number, nine digits.
    case usSSN = "us_ssn"
    /// Phone number in E.164 form (`+8613912345678`).
    case phoneE164 = "phone_e164"
    /// Email address in normalized form (lower-case, IDNA domain).
    case email
    /// Email matching key (gmail dots and `+tags` removed); links the same mailbox written differently.
    case emailMatch = "email_match"
    /// Account on a platform, `platform:account_id` (`x:12345`).
    case platformAccount = "platform_account"
    /// Payment-instrument fingerprint scoped by its processor, `processor:fingerprint` (`stripe:Xt5EWLLDS7FJjR1c`).
    case paymentFingerprint = "payment_fingerprint"
    /// Partner-local subject key, `partner_id:local_key`.
    case partnerSubject = "partner_subject"
    /// Credit account, `furnisher_id:account_number`.
    case accountKey = "account_key"
    /// Order at a marketplace, `partner_id:order_id`.
    case orderKey = "order_key"

    /// Whether the value is an opaque `prefix:rest` key rather than a personal identifier with its own rules.
    public var isOpaqueKey: Bool {
        switch self {
        case .platformAccount, .paymentFingerprint, .partnerSubject, .accountKey, .orderKey: true
        case .cnRIC, .usSSN, .phoneE164, .email, .emailMatch: false
        }
    }
}

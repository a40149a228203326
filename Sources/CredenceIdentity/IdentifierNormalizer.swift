/// One entry point that normalizes any ``TokenType``'s raw value; the CLI and adapters call this.
///
/// ```swift
/// try IdentifierNormalizer.normalize("+86 139 1234 5678", as: .phoneE164, defaultRegion: nil)
/// // "+8613912345678"
/// try IdentifierNormalizer.normalize("J.Smith+x@gmail.com", as: .emailMatch, defaultRegion: nil)
/// // "jsmith@gmail.com"
/// ```
public enum IdentifierNormalizer {
    /// Normalizes `raw` by the rules of `type`. `defaultRegion` is used by phones only; for `email` the result
    /// is the normalized address and for `email_match` the matching key.
    public static func normalize(
        _ raw: String, as type: TokenType, defaultRegion: PhoneRegion? = nil
    ) throws(IdentifierError) -> String {
        switch type {
        case .cnRIC: try PRCResidentID.normalize(raw)
        case .usSSN: try USSocialSecurityNumber.normalize(raw)
        case .phoneE164: try PhoneNumberNormalizer.normalize(raw, defaultRegion: defaultRegion)
        case .email: try EmailNormalizer.normalize(raw).normalized
        case .emailMatch: try EmailNormalizer.normalize(raw).matchKey
        case .platformAccount, .paymentFingerprint, .partnerSubject, .accountKey, .orderKey:
            try OpaqueKeyNormalizer.normalize(raw)
        }
    }
}

/// Normalizes opaque keys (`platform_account`, `payment_fingerprint`, `partner_subject`, `account_key`,
/// `order_key`): values whose meaning belongs to their issuer, scoped by a prefix that names the issuer.
///
/// Only Unicode clean-up is applied, never case changes, because issuers' identifiers can be case-sensitive
/// (Stripe fingerprints are).
///
/// ```swift
/// try OpaqueKeyNormalizer.normalize("  x:12345 ")  // "x:12345"
/// ```
public enum OpaqueKeyNormalizer {
    /// Trim, NFC; then the value must be `prefix:rest` with a non-empty prefix free of whitespace (the first `:`
    /// splits), a non-empty rest, and no control characters anywhere.
    public static func normalize(_ raw: String) throws(IdentifierError) -> String {
        let text = TextFolding.nfc(TextFolding.trim(raw))
        if text.isEmpty { throw IdentifierError(.empty, "key is empty") }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw IdentifierError(.badCharacter, "key contains control characters")
        }
        guard let colon = text.firstIndex(of: ":") else {
            throw IdentifierError(.badShape, "key must look like prefix:value (for example x:12345)")
        }
        let prefix = text[..<colon]
        let rest = text[text.index(after: colon)...]
        if prefix.isEmpty || rest.isEmpty || prefix.contains(where: \.isWhitespace) {
            throw IdentifierError(.badShape, "key must look like prefix:value with both parts non-empty")
        }
        return text
    }
}

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
        if isValidASCII(text) { return text }
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

    /// The checks below, byte by byte, for ASCII text that passes them all (a partner's customer keys, nearly
    /// always): no control byte, and a `:` with a non-empty prefix free of spaces (the only ASCII white space
    /// that is not a control) and a non-empty rest.
    private static func isValidASCII(_ text: String) -> Bool {
        var colon: Int?
        var prefixHasSpace = false
        for (offset, byte) in text.utf8.enumerated() {
            guard byte >= 0x20, byte < 0x7F else { return false }
            if colon == nil {
                if byte == UInt8(ascii: ":") {
                    colon = offset
                } else if byte == UInt8(ascii: " ") {
                    prefixHasSpace = true
                }
            }
        }
        guard let colon else { return false }
        return colon > 0 && colon < text.utf8.count - 1 && !prefixHasSpace
    }
}

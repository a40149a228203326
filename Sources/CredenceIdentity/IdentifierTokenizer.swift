import CredencePrimitives

/// Turns normalized strong identifiers into keyed tokens:
/// base64url-without-padding(HMAC-SHA256(linkage_key, UTF8(type) ‖ 0x00 ‖ UTF8(normalized))), 43 characters.
///
/// The type name is hashed in, so equal text of two types (`12345` as an order and as an account) gives
/// unrelated tokens; the 0x00 byte separates it because no wire name contains NUL.
///
/// ```swift
/// let tokenizer = IdentifierTokenizer(key: key)
/// let token = try tokenizer.token(.phoneE164, raw: "139 1234 5678", defaultRegion: .cn)
/// ```
public struct IdentifierTokenizer: Sendable {
    private let key: LinkageKey

    /// A tokenizer keyed by the federation's linkage key.
    public init(key: LinkageKey) {
        self.key = key
    }

    /// The token of an already normalized value. The caller is responsible for normalizing: tokens of
    /// unnormalized values never match anything.
    public func token(_ type: TokenType, normalized: String) -> String {
        let typeName = type.rawValue.utf8
        let value = normalized.utf8
        let code = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: typeName.count + 1 + value.count) {
            message in
            var end = 0
            for byte in typeName {
                message[end] = byte
                end += 1
            }
            message[end] = 0x00
            end += 1
            for byte in value {
                message[end] = byte
                end += 1
            }
            return key.hmacCode(UnsafeBufferPointer(message))
        }
        return Base64.encodeURLSafe(code.bytes)
    }

    /// Normalizes with ``IdentifierNormalizer/normalize(_:as:defaultRegion:)`` and then tokenizes.
    public func token(
        _ type: TokenType, raw: String, defaultRegion: PhoneRegion? = nil
    ) throws(IdentifierError) -> String {
        token(type, normalized: try IdentifierNormalizer.normalize(raw, as: type, defaultRegion: defaultRegion))
    }
}

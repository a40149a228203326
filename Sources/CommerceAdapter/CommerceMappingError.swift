/// Why a Shopify or Stripe object cannot become commerce events: a ``Code`` to compare by and a message
/// for the partner's data team naming the field and what the reader expected. Messages never quote a
/// personal value or an order number; the rejected unit's file and line locate it.
public struct CommerceMappingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// Nothing identifies the buyer: no customer, no email, phone or card fingerprint.
        case noIdentity
        /// A transaction, refund or dispute whose order (or charge) was not read earlier in the same file,
        /// so its buyer is unknown.
        case unknownOrder
        /// A status, kind, type or reason code that has no v1 mapping (`protocol/batch.md` section 10):
        /// quarantined instead of guessed.
        case unmappedCode
        /// A Stripe object in a Shopify export or the other way round; a batch has one `source_format`.
        case mixedPlatforms
        /// A value the batch cannot carry (a code longer than 64 characters, an id that makes no key).
        case unusableValue
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// Errors compare by ``code`` so that callers and tests do not depend on the wording.
    public static func == (lhs: CommerceMappingError, rhs: CommerceMappingError) -> Bool { lhs.code == rhs.code }
}

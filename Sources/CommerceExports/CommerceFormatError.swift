/// Why part of a Shopify or Stripe export could not be read: a ``Code`` to compare by, and a message for
/// the partner's data team that names the field, what was found and what was expected.
///
/// Messages never quote a personal value (an email, a phone, a name): they name the field and describe
/// the shape of what is wrong, so reject files can be shared with support staff.
///
/// ```swift
/// do {
///     _ = try DecimalMoney.minorUnits(fromDecimal: "12.345", currency: CurrencyCode("USD"))
/// } catch {
///     print(error.code, error.message)  // precisionExceeded, "has 3 fraction digits; USD allows 2"
/// }
/// ```
public struct CommerceFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// The bytes are not JSON (or are JSON this project refuses: duplicate members, bad UTF-8, ...).
        case malformedJSON
        /// A JSON value is not an object this reader knows (a Shopify order, transaction, refund or dispute,
        /// or a Stripe charge, refund, dispute, payment intent or event).
        case unknownObject
        /// A required field is absent or null.
        case missingField
        /// A field has the wrong JSON type (a string where an integer belongs, ...).
        case wrongType
        /// An amount that is not a plain non-negative decimal or integer.
        case badAmount
        /// An amount with more fraction digits than its currency has minor-unit digits.
        case precisionExceeded
        /// A currency that is not an active ISO 4217 code.
        case unknownCurrency
        /// A time that is not an ISO 8601 instant with an offset, or not a Unix time in seconds.
        case badTime
        /// The file cannot be read at all (I/O error, a JSON value too large to hold).
        case unreadableFile
    }

    public let code: Code
    /// What is wrong, naming the field (`refunds[0].transactions[1].amount: ...`).
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// Errors compare by ``code`` so that callers and tests do not depend on the wording.
    public static func == (lhs: CommerceFormatError, rhs: CommerceFormatError) -> Bool { lhs.code == rhs.code }
}

/// The one error type of `CredenceIdentity`: a machine-readable ``Code`` plus a short message that names the
/// problem so a partner's operator can fix the input.
///
/// Errors compare by ``code`` only, so tests and callers can match on the class of failure without depending
/// on the wording of the message.
///
/// ```swift
/// do {
///     _ = try PRCResidentID.normalize("110105194912310021")
/// } catch {
///     print(error.code)  // badCheckDigit
/// }
/// ```
public struct IdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The class of failure. Raw values are the wire names used in `protocol/vectors/identifiers.json`.
    public enum Code: String, CaseIterable, Codable, Sendable {
        /// Nothing left after trimming and removing separators.
        case empty
        /// Too many or too few characters or digits.
        case badLength = "bad_length"
        /// A character that the identifier type never contains.
        case badCharacter = "bad_character"
        /// The check character does not match the body.
        case badCheckDigit = "bad_check_digit"
        /// Not a calendar date, or outside the accepted year range.
        case badDate = "bad_date"
        /// A phone country calling code that ITU has not assigned, or a bad ISO 3166 country code.
        case badCountryCode = "bad_country_code"
        /// A national phone number whose shape the country's numbering plan does not allow.
        case badNationalNumber = "bad_national_number"
        /// A phone number without a country code and no default region to interpret it.
        case ambiguousRegion = "ambiguous_region"
        /// An email address that cannot be normalized.
        case badEmail = "bad_email"
        /// A filler that means "no value" (Metro 2 zero or nine fills), not an identifier.
        case absentValue = "absent_value"
        /// A number in a range the issuer never assigns (SSN area 000, 666, 900-999 and the like).
        case reservedNumber = "reserved_number"
        /// An opaque key without the `prefix:rest` shape.
        case badShape = "bad_shape"
        /// A linkage key that is not 32 usable bytes.
        case badKey = "bad_key"
        /// Bytes or text in a binary encoding (base64url, hex) that cannot be decoded.
        case badEncoding = "bad_encoding"
    }

    /// The class of failure; equality compares this alone.
    public let code: Code
    /// A short explanation meant for the person who supplied the input.
    public let message: String

    /// Creates an error with a code and a message that says what is wrong with the input.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public static func == (lhs: IdentifierError, rhs: IdentifierError) -> Bool { lhs.code == rhs.code }
}

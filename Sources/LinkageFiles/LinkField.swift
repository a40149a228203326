/// What a CSV column can be mapped to with `--map COLUMN=FIELD`: the fields adapters encode.
public enum LinkField: String, CaseIterable, Sendable {
    case givenName = "given_name"
    case familyName = "family_name"
    /// A name in one column, in any order (`Smith, John` encodes like `John Smith`).
    case fullName = "full_name"
    /// `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM`, `YYYY`, or the `--date-format`.
    case birthDate = "birth_date"
    /// The house number, when the file keeps it apart from the street.
    case streetNumber = "street_number"
    case addressLine1 = "address_line1"
    case addressLine2 = "address_line2"
    case city
    case postalCode = "postal_code"
    case region
    /// ISO 3166 alpha-2 (or a common alpha-3); also the row's phone region.
    case country
    /// A PRC resident ID (18 characters, or the legacy 15 digits) or a US Social Security Number.
    case nationalID = "national_id"
    case phone
    case email

    /// Strong identifiers can come in several columns (mobile and home phone, work and private email); every
    /// other field describes one value per person.
    public var allowsSeveralColumns: Bool {
        switch self {
        case .nationalID, .phone, .email: true
        default: false
        }
    }

    /// The field names, for error messages and help.
    public static let nameList = allCases.map(\.rawValue).joined(separator: ", ")
}

/// The region whose national dialling rules interpret a phone number written without a country code,
/// keyed by ISO 3166-1 alpha-2. Each partner states its region; there is no guessing.
///
/// ```swift
/// let region = PhoneRegion(isoCode: "cn")  // .cn
/// try PhoneNumberNormalizer.normalize("139 1234 5678", defaultRegion: region)  // "+8613912345678"
/// ```
public enum PhoneRegion: String, CaseIterable, Codable, Sendable {
    /// Mainland China: country code 86, international prefix 00, trunk prefix 0.
    case cn = "CN"
    /// United States (NANP): country code 1, international prefix 011, trunk prefix 1.
    case us = "US"
    /// Canada (NANP): the same rules as ``us``.
    case ca = "CA"

    /// Looks up a region by its alpha-2 code, ignoring case and surrounding spaces.
    public init?(isoCode: String) {
        self.init(rawValue: TextFolding.trim(isoCode).uppercased())
    }

    /// The ITU E.164 country calling code, without `+`.
    public var countryCallingCode: String {
        switch self {
        case .cn: "86"
        case .us, .ca: "1"
        }
    }

    /// Whether the region belongs to the North American Numbering Plan.
    var isNANP: Bool { countryCallingCode == "1" }
}

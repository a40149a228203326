/// A name as one partner holds it.
struct ViewName: Sendable, Equatable {
    var given: String
    var middle: String?
    var family: String
    /// Written in Hanzi (no spaces, family name first when joined).
    var isHanzi: Bool

    /// The name in one string, as a free-text name box holds it.
    var full: String {
        if isHanzi { return family + given }
        return [given, middle, family].compactMap { $0 }.joined(separator: " ")
    }
}

/// What one partner knows about one person: the person's identity seen through that partner's data
/// capture, with its noise. Built once per person and partner and reused for every record there (a lender
/// reports the same misspelt name every month).
struct PartnerView: Sendable {
    /// When the person became a customer; the partner's data is as fresh as the last time they updated it.
    let since: SimulationDay
    var name: ViewName
    var birthDate: SimulationDay?
    var phone: PhoneNumber?
    var email: String?
    var address: Address?
    var noise: HardCaseSet
}

/// How a kind of partner captures identities: which fields exist in its format, how often they are empty,
/// how often names are typed by customers (nicknames, typos), and whether the partner keeps contact data up
/// to date when people move or change numbers.
struct ViewPolicy: Sendable {
    /// Share of PRC customers whose name the partner holds in Hanzi (the rest in Latin letters).
    var hanziShare: Double
    var nicknameRate: Double
    var typoRate: Double
    var keepsMiddleName: Bool
    /// Whether the format has a birth date, and how often it is empty.
    var birthDateMissingRate: Double?
    var phoneMissingRate: Double?
    /// How often the household's shared line is the phone given.
    var homePhoneRate: Double
    var emailMissingRate: Double?
    var emailVariantRate: Double
    var addressMissingRate: Double?
    /// Probability the partner still holds an address, phone or email the person gave up after becoming a
    /// customer.
    var staleRate: Double
    /// Share of Latin-script PRC names with family and given names swapped.
    var nameSwapRate: Double

    static func policy(for layout: PartnerExportLayout, currency: String?) -> ViewPolicy {
        switch layout {
        case .metro2NewlineDelimited, .metro2RecordDescriptorWords:
            ViewPolicy(
                hanziShare: 0, nicknameRate: 0.02, typoRate: 0.03, keepsMiddleName: true, birthDateMissingRate: 0.04,
                phoneMissingRate: 0.12, homePhoneRate: 0.3, emailMissingRate: nil, emailVariantRate: 0,
                addressMissingRate: 0, staleRate: 0.5, nameSwapRate: 0.12)
        case .shopifyJSONLines:
            ViewPolicy(
                hanziShare: currency == "CNY" ? 0.85 : 0.1, nicknameRate: 0.15, typoRate: 0.04, keepsMiddleName: false,
                birthDateMissingRate: nil, phoneMissingRate: 0.1, homePhoneRate: 0.1, emailMissingRate: 0,
                emailVariantRate: 0.12, addressMissingRate: 0.05, staleRate: 0.5, nameSwapRate: 0.1)
        case .stripeJSONLines:
            ViewPolicy(
                hanziShare: 0.3, nicknameRate: 0.15, typoRate: 0.04, keepsMiddleName: false, birthDateMissingRate: nil,
                phoneMissingRate: 0.4, homePhoneRate: 0.05, emailMissingRate: 0.05, emailVariantRate: 0.1,
                addressMissingRate: 0.3, staleRate: 0.5, nameSwapRate: 0.1)
        case .xArchiveZips:
            ViewPolicy(
                hanziShare: 0.45, nicknameRate: 0.3, typoRate: 0.02, keepsMiddleName: false, birthDateMissingRate: nil,
                phoneMissingRate: 0.4, homePhoneRate: 0.02, emailMissingRate: 0, emailVariantRate: 0.05,
                addressMissingRate: nil, staleRate: 0.3, nameSwapRate: 0.05)
        case .oidcClaimsJSONLines:
            ViewPolicy(
                hanziShare: 0.9, nicknameRate: 0.05, typoRate: 0.01, keepsMiddleName: false,
                birthDateMissingRate: 0.3, phoneMissingRate: 0.1, homePhoneRate: 0.02, emailMissingRate: 0.05,
                emailVariantRate: 0.05, addressMissingRate: 0.5, staleRate: 0.2, nameSwapRate: 0.05)
        }
    }
}

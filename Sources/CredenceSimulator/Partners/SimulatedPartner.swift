public import CredenceIdentity
public import CredenceProtocol

/// How a partner writes its exports, beyond the canonical `source_format`.
public enum PartnerExportLayout: String, Sendable, CaseIterable {
    /// Metro 2 character format, one record per line (LF).
    case metro2NewlineDelimited = "metro2-newline"
    /// Metro 2 character format as one RDW-framed byte stream.
    case metro2RecordDescriptorWords = "metro2-rdw"
    /// Shopify Admin REST orders, each followed by its transactions and dispute, as JSON Lines.
    case shopifyJSONLines = "shopify-jsonl"
    /// Stripe charges, each followed by its refund and dispute, as JSON Lines.
    case stripeJSONLines = "stripe-jsonl"
    /// One X account archive zip per consenting user.
    case xArchiveZips = "x-archive-zip"
    /// OpenID Connect claims as JSON Lines, one object per account.
    case oidcClaimsJSONLines = "oidc-claims-jsonl"
}

/// One simulated partner: its stable id, what kind of data it holds and how it exports it, and who its
/// customers are.
public struct SimulatedPartner: Sendable {
    public let id: PartnerID
    public let kind: PartnerKind
    public let sourceFormat: SourceFormat
    public let layout: PartnerExportLayout
    /// The region for phone numbers written without a country code (`nil`: the export has E.164 only).
    public let defaultRegion: PhoneRegion?
    public let summary: String
    /// The shop's currency (commerce partners).
    public let currency: CurrencyCode?
    /// Minutes east of UTC of the shop's clock (Shopify writes times in it).
    public let utcOffsetMinutes: Int
    /// Probability that a person of each nationality is a customer.
    let participation: [Nationality: Double]
    /// Position in ``PartnerCatalog/partners``: the random sub-stream of the partner's views.
    let ordinal: Int

    /// A lender's furnisher identification number, reported in every base segment and used as the bureau
    /// program identifiers of the file header (at most 10 characters).
    var furnisherID: String {
        String(id.rawValue.filter { $0 != "-" }.uppercased().prefix(8)) + "01"
    }
}

/// The partners of every simulation. Ids are stable: evaluations and adapters refer to them by name.
public enum PartnerCatalog {
    public static let partners: [SimulatedPartner] = [
        SimulatedPartner(
            id: PartnerID(unchecked: "sim-bank"), kind: .lending, sourceFormat: .metro2Character,
            layout: .metro2NewlineDelimited, defaultRegion: .us,
            summary: "US bank: credit cards (some with a joint holder or authorized user) and auto loans",
            currency: nil, utcOffsetMinutes: -300, participation: [.us: 0.5, .prc: 0], ordinal: 0),
        SimulatedPartner(
            id: PartnerID(unchecked: "sim-finance"), kind: .lending, sourceFormat: .metro2Character,
            layout: .metro2RecordDescriptorWords, defaultRegion: .us,
            summary:
                "consumer-finance and pay-later lender serving US and PRC customers (PRC customers have no SSN "
                + "and a CN address, so they are keyed by name and birth date)",
            currency: nil, utcOffsetMinutes: -480, participation: [.us: 0.3, .prc: 0.25], ordinal: 1),
        SimulatedPartner(
            id: PartnerID(unchecked: "sim-mall-cn"), kind: .commerce, sourceFormat: .shopifyAdminREST,
            layout: .shopifyJSONLines, defaultRegion: .cn,
            summary: "marketplace in China on Shopify (CNY), names mostly in Hanzi, pay-later terms",
            currency: CurrencyCode(unchecked: "CNY"), utcOffsetMinutes: 480, participation: [.prc: 0.55, .us: 0.04],
            ordinal: 2),
        SimulatedPartner(
            id: PartnerID(unchecked: "sim-shop-us"), kind: .commerce, sourceFormat: .shopifyAdminREST,
            layout: .shopifyJSONLines, defaultRegion: .us,
            summary: "US marketplace on Shopify (USD), BNPL gateways, pay-later terms",
            currency: CurrencyCode(unchecked: "USD"), utcOffsetMinutes: -300, participation: [.us: 0.5, .prc: 0.06],
            ordinal: 3),
        SimulatedPartner(
            id: PartnerID(unchecked: "sim-pay"), kind: .commerce, sourceFormat: .stripeAPI,
            layout: .stripeJSONLines, defaultRegion: .us,
            summary: "marketplace whose payments run on Stripe (USD): charges, refunds, disputes",
            currency: CurrencyCode(unchecked: "USD"), utcOffsetMinutes: 0, participation: [.us: 0.25, .prc: 0.1],
            ordinal: 4),
        SimulatedPartner(
            id: PartnerID(unchecked: "sim-social"), kind: .social, sourceFormat: .xArchive, layout: .xArchiveZips,
            defaultRegion: nil,
            summary: "X-style platform: account archives (zip) for the users who consented to share them",
            currency: nil, utcOffsetMinutes: 0, participation: [.us: 0.4, .prc: 0.3], ordinal: 5),
        SimulatedPartner(
            id: PartnerID(unchecked: "sim-id"), kind: .social, sourceFormat: .oidcClaims,
            layout: .oidcClaimsJSONLines, defaultRegion: .cn,
            summary: "identity platform: OpenID Connect claims, real-name verified_claims for many users",
            currency: nil, utcOffsetMinutes: 480, participation: [.prc: 0.6, .us: 0.2], ordinal: 6),
    ]

    /// The partner with this id.
    public static func partner(_ id: String) -> SimulatedPartner? {
        partners.first { $0.id.rawValue == id }
    }
}

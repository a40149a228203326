/// The OpenID Connect `address` claim (OpenID Connect Core 1.0 §5.1.1). `street_address` may hold several
/// lines separated by newlines.
public struct OIDCAddress: Sendable, Equatable {
    public var formatted: String?
    public var streetAddress: String?
    public var locality: String?
    public var region: String?
    public var postalCode: String?
    public var country: String?

    public init(
        formatted: String? = nil, streetAddress: String? = nil, locality: String? = nil, region: String? = nil,
        postalCode: String? = nil, country: String? = nil
    ) {
        self.formatted = formatted
        self.streetAddress = streetAddress
        self.locality = locality
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }
}

/// The claims that describe a person rather than an account: names, birth date and address. They appear
/// at the top level of a claims object and again inside each Identity Assurance `verified_claims.claims`,
/// where the provider vouches for them.
public struct OIDCPersonClaims: Sendable, Equatable {
    public var name: String?
    public var givenName: String?
    public var familyName: String?
    public var middleName: String?
    public var birthdate: OIDCBirthdate?
    public var address: OIDCAddress?

    public init(
        name: String? = nil, givenName: String? = nil, familyName: String? = nil, middleName: String? = nil,
        birthdate: OIDCBirthdate? = nil, address: OIDCAddress? = nil
    ) {
        self.name = name
        self.givenName = givenName
        self.familyName = familyName
        self.middleName = middleName
        self.birthdate = birthdate
        self.address = address
    }

    /// Whether no claim is present.
    public var isEmpty: Bool { self == OIDCPersonClaims() }
}

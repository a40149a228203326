public import CredenceIdentity
public import CredenceProtocol

/// A subject as a partner's export states it, in the clear. It exists only inside the adapter: a
/// ``RecordContext`` turns it into a ``SubjectReference`` of tokens and Bloom-filter encodings, and nothing
/// raw is kept.
public struct RawSubject: Sendable {
    /// The partner's own key for this person (customer id, account id, a hash of SSN and birth date...).
    public var localKey: String
    public var role: SubjectRole
    /// The partner's own role code (the Metro 2 ECOA code).
    public var roleRaw: String?
    public var identifiers: [RawIdentifier]
    public var name: RawName?
    public var birthDate: BirthDate?
    public var address: PostalAddress?

    public init(
        localKey: String, role: SubjectRole = .primary, roleRaw: String? = nil, identifiers: [RawIdentifier] = [],
        name: RawName? = nil, birthDate: BirthDate? = nil, address: PostalAddress? = nil
    ) {
        self.localKey = localKey
        self.role = role
        self.roleRaw = roleRaw
        self.identifiers = identifiers
        self.name = name
        self.birthDate = birthDate
        self.address = address
    }
}

/// A name in the form the source has it.
public enum RawName: Sendable, Equatable {
    case parts(given: String, middle: String?, family: String)
    case full(String)
}

/// A strong identifier in the clear, with what the partner knows about it.
public struct RawIdentifier: Sendable {
    /// What to do when the value does not normalize (a nine-digit SSN with a zero group, a phone that is
    /// not a number).
    public enum WhenInvalid: Sendable {
        /// Quarantine the whole unit: the field is one the source format defines strictly (Metro 2 SSN).
        case reject
        /// Leave this identifier out and keep the record: the field is free text in the source (a
        /// marketplace's phone box).
        case omit
    }

    /// A subject identifier type (`cn_ric`, `us_ssn`, `phone_e164`, `email`, `platform_account`,
    /// `payment_fingerprint`). An `email` also yields its `email_match` token, except for relay addresses,
    /// which name one buyer-merchant pair and are never sent.
    public var type: TokenType
    public var value: String
    public var verified: Bool?
    public var verifiedBy: String?
    public var firstSeen: CalendarDate?
    public var lastSeen: CalendarDate?
    public var whenInvalid: WhenInvalid

    public init(
        _ type: TokenType, _ value: String, verified: Bool? = nil, verifiedBy: String? = nil,
        firstSeen: CalendarDate? = nil, lastSeen: CalendarDate? = nil, whenInvalid: WhenInvalid = .reject
    ) {
        self.type = type
        self.value = value
        self.verified = verified
        self.verifiedBy = verifiedBy
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.whenInvalid = whenInvalid
    }
}

/// Facts about a platform account that bear on identity and stability, never on content: no posts,
/// messages, likes, contacts or social graph are read, let alone sent.
public struct SocialAccountFact: Codable, Sendable, Equatable {
    /// `x`, or `oidc:<issuer host>`.
    public var platform: RawCode
    /// Token of type `platform_account` over `platform:account_id`.
    public var platformAccountKey: Token
    /// When the partner's export was made (the archive's generation date).
    public var observedAt: Timestamp
    public var accountCreatedAt: Timestamp?
    public var accountState: AccountState?
    public var emailVerified: Bool?
    public var phoneVerified: Bool?
    /// From OpenID Connect Identity Assurance only; a paid badge is not identity verification.
    public var identityVerification: IdentityVerification?
    /// X's check mark (a subscription or legacy badge): recorded, never treated as identity.
    public var badgePaidOrLegacy: Bool?
    public var identifierChanges: [IdentifierChange]

    public init(
        platform: RawCode, platformAccountKey: Token, observedAt: Timestamp, accountCreatedAt: Timestamp? = nil,
        accountState: AccountState? = nil, emailVerified: Bool? = nil, phoneVerified: Bool? = nil,
        identityVerification: IdentityVerification? = nil, badgePaidOrLegacy: Bool? = nil,
        identifierChanges: [IdentifierChange] = []
    ) {
        self.platform = platform
        self.platformAccountKey = platformAccountKey
        self.observedAt = observedAt
        self.accountCreatedAt = accountCreatedAt
        self.accountState = accountState
        self.emailVerified = emailVerified
        self.phoneVerified = phoneVerified
        self.identityVerification = identityVerification
        self.badgePaidOrLegacy = badgePaidOrLegacy
        self.identifierChanges = identifierChanges
    }

    public enum AccountState: String, Codable, Sendable {
        case active, suspended, deactivated
    }

    public struct IdentityVerification: Codable, Sendable, Equatable {
        public var level: Level
        public var trustFramework: RawCode?
        public var verifiedAt: Timestamp?

        public init(level: Level, trustFramework: RawCode? = nil, verifiedAt: Timestamp? = nil) {
            self.level = level
            self.trustFramework = trustFramework
            self.verifiedAt = verifiedAt
        }

        public enum Level: String, Codable, Sendable, CaseIterable {
            case none, document, bank, eid
            case inPerson = "in_person"
            case electronicRecord = "electronic_record"
        }
    }

    /// A change of an identifier, dated; the values themselves are not sent.
    public struct IdentifierChange: Codable, Sendable, Equatable {
        public var type: ChangeType
        public var changedAt: Timestamp

        public init(type: ChangeType, changedAt: Timestamp) {
            self.type = type
            self.changedAt = changedAt
        }

        public enum ChangeType: String, Codable, Sendable {
            case email, handle, phone
        }
    }

    func validate(at pointer: @autoclosure () -> JSONPointer, into errors: inout [ProtocolError]) {
        if let accountCreatedAt, observedAt < accountCreatedAt {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/account_created_at: is after observed_at",
                    pointer: pointer().appending("account_created_at")))
        }
    }
}

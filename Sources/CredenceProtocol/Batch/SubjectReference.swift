public import CredenceIdentity

/// Who a record is about, without saying it in the clear: a partner-scoped subject key, keyed tokens of
/// strong identifiers, and Bloom-filter encodings of quasi-identifiers, all made by the adapter with the
/// federation linkage key (`protocol/identifiers.md`).
public struct SubjectReference: Codable, Sendable, Equatable {
    /// Token of type `partner_subject` over `partner_id:local_key`.
    public var subjectKey: Token
    public var role: SubjectRole
    /// The partner's own role code (Metro 2 ECOA code), when it has one.
    public var roleRaw: RawCode?
    public var identifiers: [IdentifierToken]
    public var encodings: SubjectEncodings?

    public init(
        subjectKey: Token, role: SubjectRole = .primary, roleRaw: RawCode? = nil, identifiers: [IdentifierToken] = [],
        encodings: SubjectEncodings? = nil
    ) {
        self.subjectKey = subjectKey
        self.role = role
        self.roleRaw = roleRaw
        self.identifiers = identifiers
        self.encodings = encodings
    }

    func validate(at pointer: @autoclosure () -> JSONPointer, into errors: inout [ProtocolError]) {
        // Filled only when there are several identifiers: a single one cannot repeat.
        var seen = Set<String>()
        for (index, identifier) in identifiers.enumerated() {
            func here() -> JSONPointer { pointer().appending("identifiers").appending(index: index) }
            if !IdentifierToken.subjectTypes.contains(identifier.type) {
                errors.append(
                    .init(
                        .schemaInvalid,
                        "\(here())/type: '\(identifier.type.rawValue)' is not a subject identifier type",
                        pointer: here().appending("type")))
            }
            if identifiers.count > 1, !seen.insert("\(identifier.type.rawValue):\(identifier.token.rawValue)").inserted
            {
                errors.append(.init(.schemaInvalid, "\(here()): the same identifier is listed twice", pointer: here()))
            }
            if identifier.containsName != nil, identifier.type != .email, identifier.type != .emailMatch {
                errors.append(
                    .init(
                        .schemaInvalid, "\(here())/contains_name: only email and email_match identifiers carry it",
                        pointer: here().appending("contains_name")))
            }
            if let first = identifier.firstSeen, let last = identifier.lastSeen, last < first {
                errors.append(
                    .init(
                        .schemaInvalid, "\(here())/last_seen: is before first_seen",
                        pointer: here().appending("last_seen"))
                )
            }
        }
    }
}

/// One strong identifier as a keyed token.
public struct IdentifierToken: Codable, Sendable, Equatable {
    public var type: TokenType
    public var token: Token
    /// Whether the partner verified the subject controls it: true, false, or null when unknown.
    public var verified: Bool?
    /// How it was verified (`sms_otp`, `document`, `bank`, ...), when verified.
    public var verifiedBy: RawCode?
    public var firstSeen: CalendarDate?
    public var lastSeen: CalendarDate?
    /// For `email` and `email_match`: the adapter found the subject's given or family name in the address's
    /// local part (`jane.smith@…`), so an agreeing email repeats the name's evidence and linkage must not
    /// count both. Sent only as `true`; absent means not found or not known.
    public var containsName: Bool?

    public init(
        type: TokenType, token: Token, verified: Bool? = nil, verifiedBy: RawCode? = nil,
        firstSeen: CalendarDate? = nil, lastSeen: CalendarDate? = nil, containsName: Bool? = nil
    ) {
        self.type = type
        self.token = token
        self.verified = verified
        self.verifiedBy = verifiedBy
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.containsName = containsName
    }

    /// Token types that identify a person; the others key accounts, orders and partner-local subjects.
    public static let subjectTypes: Set<TokenType> = [
        .cnRIC, .usSSN, .phoneE164, .email, .emailMatch, .platformAccount, .paymentFingerprint,
    ]
}

/// Keyed Bloom-filter encodings of quasi-identifiers, for fuzzy matching by Dice similarity.
public struct SubjectEncodings: Codable, Sendable, Equatable {
    public var name: BloomEncoding?
    public var birthDate: BloomEncoding?
    public var address: BloomEncoding?

    public init(name: BloomEncoding? = nil, birthDate: BloomEncoding? = nil, address: BloomEncoding? = nil) {
        self.name = name
        self.birthDate = birthDate
        self.address = address
    }
}

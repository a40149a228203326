public import CredenceIdentity
public import CredenceProtocol

/// One partner subject (or one CSV row) as the engine sees it: tokens and Bloom-filter encodings only.
///
/// The unit of linkage is what one partner says about one customer, not one batch record: several variants of
/// a field (an old and a new address, two spellings of a name) are all kept, and comparisons take the best.
public struct LinkageRecord: Sendable, Equatable {
    /// Unique within a run: the `subject_key` token, or the CSV id column.
    public var id: String
    /// The partner id, or `left` / `right` for CSV files.
    public var source: String
    public var identifiers: [LinkageIdentifier]
    /// Usually zero or one; several when the subject was seen with variants.
    public var names: [BloomFilter]
    public var birthDates: [BloomFilter]
    /// A person who moved may carry the old and the new address.
    public var addresses: [BloomFilter]

    public init(
        id: String, source: String, identifiers: [LinkageIdentifier] = [], names: [BloomFilter] = [],
        birthDates: [BloomFilter] = [], addresses: [BloomFilter] = []
    ) {
        self.id = id
        self.source = source
        self.identifiers = identifiers
        self.names = names
        self.birthDates = birthDates
        self.addresses = addresses
    }

    /// A record from the wire: the subject identifier tokens (account, order and partner keys are not evidence
    /// about the person and are left out), and the encodings that decode. `first_seen` / `last_seen` become
    /// days since 1970-01-01; a missing `contains_name` counts as false.
    public init(id: String, source: String, subject: SubjectReference) {
        let identifiers = subject.identifiers.compactMap { token -> LinkageIdentifier? in
            guard IdentifierToken.subjectTypes.contains(token.type) else { return nil }
            return LinkageIdentifier(
                type: token.type, token: token.token.rawValue, firstSeen: token.firstSeen?.daysSinceEpoch,
                lastSeen: token.lastSeen?.daysSinceEpoch, containsName: token.containsName ?? false)
        }
        func decode(_ encoding: BloomEncoding?) -> [BloomFilter] {
            guard let encoding, let filter = try? BloomFilter(base64url: encoding.rawValue) else { return [] }
            return [filter]
        }
        self.init(
            id: id, source: source, identifiers: identifiers, names: decode(subject.encodings?.name),
            birthDates: decode(subject.encodings?.birthDate), addresses: decode(subject.encodings?.address))
    }
}

/// One strong identifier of a record as a keyed token, with the period the partner saw it in use.
public struct LinkageIdentifier: Sendable, Hashable {
    /// `cn_ric`, `us_ssn`, `phone_e164`, `email`, `email_match`, `platform_account` or `payment_fingerprint`;
    /// other types are ignored by the engine.
    public var type: TokenType
    public var token: String
    /// Days since 1970-01-01. Phone numbers are recycled, so the period decides what a shared number means.
    public var firstSeen: Int?
    public var lastSeen: Int?
    /// For `email` / `email_match`: the adapter saw the subject's given or family name in the local part, so
    /// an agreeing email repeats the name's evidence and the name must not be counted again.
    public var containsName: Bool

    public init(type: TokenType, token: String, firstSeen: Int? = nil, lastSeen: Int? = nil, containsName: Bool = false)
    {
        self.type = type
        self.token = token
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.containsName = containsName
    }
}

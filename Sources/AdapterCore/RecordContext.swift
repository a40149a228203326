public import CredenceIdentity
public import CredenceProtocol

/// What a source reader needs to turn a partner's rows into canonical records: the partner's id, the
/// federation linkage key (as a tokenizer and a Bloom encoder) and the partner's default phone region.
///
/// Every personal identifier goes through here, so raw values end at this type: what it returns holds
/// tokens and encodings only.
public struct RecordContext: Sendable {
    public let partnerID: PartnerID
    public let defaultRegion: PhoneRegion?
    private let tokenizer: IdentifierTokenizer
    private let encoder: BloomEncoder

    public init(partnerID: PartnerID, linkageKey: LinkageKey, defaultRegion: PhoneRegion?) {
        self.partnerID = partnerID
        self.defaultRegion = defaultRegion
        self.tokenizer = IdentifierTokenizer(key: linkageKey)
        self.encoder = BloomEncoder(key: linkageKey)
    }

    /// The `partner_subject` token of the partner's own key for a person.
    public func subjectKey(localKey: String) throws(IdentifierError) -> Token {
        try opaqueToken(.partnerSubject, partnerID.rawValue + ":" + localKey)
    }

    /// The `account_key` token of a credit account (`furnisher_id:account_number`).
    public func accountKey(furnisherID: String, accountNumber: String) throws(IdentifierError) -> Token {
        try opaqueToken(.accountKey, furnisherID + ":" + accountNumber)
    }

    /// The `order_key` token of an order (`partner_id:order_id`); schedules use `order_id/schedule-N`.
    public func orderKey(orderID: String) throws(IdentifierError) -> Token {
        try opaqueToken(.orderKey, partnerID.rawValue + ":" + orderID)
    }

    /// The `platform_account` token of a platform account (`platform:account_id`).
    public func platformAccountKey(platform: String, accountID: String) throws(IdentifierError) -> Token {
        try opaqueToken(.platformAccount, platform + ":" + accountID)
    }

    /// The `payment_fingerprint` token of a payment instrument fingerprint.
    public func paymentFingerprint(_ fingerprint: String) throws(IdentifierError) -> Token {
        try opaqueToken(.paymentFingerprint, fingerprint)
    }

    /// Tokenizes and encodes a subject. Throws when a `.reject` identifier does not normalize; the
    /// message names the identifier type, never its value.
    public func subject(_ raw: RawSubject) throws(IdentifierError) -> SubjectReference {
        var identifiers: [IdentifierToken] = []
        var seen = Set<String>()
        func append(_ type: TokenType, _ normalized: String, like source: RawIdentifier, containsName: Bool? = nil) {
            let value = tokenizer.token(type, normalized: normalized)
            guard seen.insert(type.rawValue + ":" + value).inserted else { return }
            identifiers.append(
                IdentifierToken(
                    type: type, token: Token(unchecked: value), verified: source.verified,
                    verifiedBy: source.verifiedBy.flatMap { try? RawCode($0) }, firstSeen: source.firstSeen,
                    lastSeen: source.lastSeen, containsName: containsName))
        }
        for identifier in raw.identifiers {
            do {
                if identifier.type == .email {
                    let email = try EmailNormalizer.normalize(identifier.value)
                    if email.isRelay { continue }
                    let containsName = Self.emailContainsName(email, name: raw.name) ? true : nil
                    append(.email, email.normalized, like: identifier, containsName: containsName)
                    append(.emailMatch, email.matchKey, like: identifier, containsName: containsName)
                } else {
                    let normalized = try IdentifierNormalizer.normalize(
                        identifier.value, as: identifier.type, defaultRegion: defaultRegion)
                    append(identifier.type, normalized, like: identifier)
                }
            } catch {
                if identifier.whenInvalid == .reject {
                    throw IdentifierError(error.code, "\(identifier.type.rawValue): \(error.message)")
                }
            }
        }
        return SubjectReference(
            subjectKey: try subjectKey(localKey: raw.localKey), role: raw.role,
            roleRaw: raw.roleRaw.flatMap { try? RawCode($0) }, identifiers: identifiers,
            encodings: encodings(of: raw))
    }

    /// Whether a word of the subject's name (folded as for the name encoding, Latin letters, at least 3 of them)
    /// appears in the letters of the address's local part: `jane.smith84@…` repeats "jane" and "smith", so an
    /// agreeing email must not be counted on top of agreeing names (batch.md §7, `contains_name`).
    static func emailContainsName(_ email: NormalizedEmail, name: RawName?) -> Bool {
        let full: String
        switch name {
        case .parts(let given, _, let family)?: full = given + " " + family
        case .full(let text)?: full = text
        case nil: return false
        }
        guard let folded = try? NameNormalizer.normalize(full) else { return false }
        let localPart = email.matchKey.unicodeScalars.prefix { $0 != "@" }
        let isNameWord = { (word: Substring) in
            word.unicodeScalars.count >= 3
                && word.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        }
        guard localPart.allSatisfy(\.isASCII) else {
            let local = String(String.UnicodeScalarView(localPart.filter { $0.properties.isAlphabetic }))
            return folded.split(separator: " ").contains { word in isNameWord(word) && local.contains(word) }
        }
        // An ASCII local part: its letters and the name words are one byte per character, so the search for a
        // word among the letters is a byte search (the same answer as the character search above).
        let letters = localPart.compactMap { scalar in
            scalar.properties.isAlphabetic ? UInt8(truncatingIfNeeded: scalar.value) : nil
        }
        return folded.split(separator: " ").contains { word in
            guard isNameWord(word) else { return false }
            let bytes = Array(word.utf8)
            guard bytes.count <= letters.count else { return false }
            return (0...(letters.count - bytes.count)).contains { start in
                letters[start..<start + bytes.count].elementsEqual(bytes)
            }
        }
    }

    /// The Bloom-filter encodings of the quasi-identifiers that are present and usable; a name or address
    /// that normalizes to nothing is left out rather than encoded empty.
    private func encodings(of raw: RawSubject) -> SubjectEncodings? {
        var result = SubjectEncodings()
        switch raw.name {
        case .parts(let given, let middle, let family)?:
            result.name = try? encoding(encoder.encodeName(given: given, middle: middle, family: family))
        case .full(let full)?:
            result.name = try? encoding(encoder.encodeName(full: full))
        case nil: break
        }
        if let birthDate = raw.birthDate { result.birthDate = encoding(encoder.encodeBirthDate(birthDate)) }
        if let address = raw.address { result.address = try? encoding(encoder.encodeAddress(address)) }
        return result == SubjectEncodings() ? nil : result
    }

    private func encoding(_ filter: BloomFilter) -> BloomEncoding {
        BloomEncoding(unchecked: filter.base64url)
    }

    private func opaqueToken(_ type: TokenType, _ raw: String) throws(IdentifierError) -> Token {
        Token(unchecked: try tokenizer.token(type, raw: raw))
    }
}

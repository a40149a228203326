import AdapterCore
import CredenceIdentity
import CredenceProtocol

/// What one account's export says, gathered from an X archive or a claims object, with the place each
/// identifier came from; ``record(context:position:)`` checks it and turns it into the one
/// `social_account_fact` record, through ``RecordContext`` so that nothing raw leaves.
struct SocialRecordDraft {
    /// A raw identifier and the member or claim it was read from, for rejection messages.
    struct SourcedIdentifier {
        var identifier: RawIdentifier
        var source: String
    }

    /// `x`, or `oidc:<issuer host>`.
    var platform: String
    var accountID: String
    /// Where the account id was read, for rejection messages.
    var accountIDSource: String
    var observedAt: Timestamp
    var accountCreatedAt: Timestamp?
    var accountCreatedAtSource: String
    var identifiers: [SourcedIdentifier] = []
    var name: RawName?
    var birthDate: BirthDate?
    var address: PostalAddress?
    var emailVerified: Bool?
    var phoneVerified: Bool?
    var identityVerification: SocialAccountFact.IdentityVerification?
    var badgePaidOrLegacy: Bool?
    var identifierChanges: [SocialAccountFact.IdentifierChange] = []
    /// Keeps record ids unique when one file holds several units of the same account.
    var recordIDSuffix: String?

    init(
        platform: String, accountID: String, accountIDSource: String, observedAt: Timestamp,
        accountCreatedAt: Timestamp?, accountCreatedAtSource: String
    ) {
        self.platform = platform
        self.accountID = accountID
        self.accountIDSource = accountIDSource
        self.observedAt = observedAt
        self.accountCreatedAt = accountCreatedAt
        self.accountCreatedAtSource = accountCreatedAtSource
    }

    /// The day of ``observedAt``: the `last_seen` of every identifier the export holds.
    var observedDay: CalendarDate { CalendarDate(daysSinceEpoch: Int(observedAt.secondsSinceEpoch / 86_400)) }

    func record(context: RecordContext, position: SourcePosition) throws(SocialRecordFailure) -> Record {
        guard let platformCode = try? RawCode(platform) else {
            throw SocialRecordFailure(
                "\(accountIDSource): the platform name '\(platform.prefix(70))' is longer than the 64 characters a "
                    + "platform code may have")
        }
        if let accountCreatedAt, observedAt < accountCreatedAt {
            throw SocialRecordFailure(
                "\(accountCreatedAtSource): the account's creation time is after the time the export was made")
        }
        let platformAccount = platform + ":" + accountID
        let raw = RawSubject(
            localKey: platformAccount,
            identifiers: [RawIdentifier(.platformAccount, platformAccount)] + identifiers.map(\.identifier), name: name,
            birthDate: birthDate, address: address)
        let subject: SubjectReference
        do {
            subject = try context.subject(raw)
        } catch {
            // Only now find which identifier failed, so that the message names its member or claim.
            for sourced in identifiers { try Self.check(sourced, region: context.defaultRegion) }
            throw SocialRecordFailure("\(accountIDSource): \(error.message)")
        }
        // The subject's platform_account token is the fact's platform_account_key: one token, made once.
        guard let platformKey = subject.identifiers.first(where: { $0.type == .platformAccount })?.token else {
            throw SocialRecordFailure("\(accountIDSource): the account id gives no platform account token")
        }
        let fact = SocialAccountFact(
            platform: platformCode, platformAccountKey: platformKey, observedAt: observedAt,
            accountCreatedAt: accountCreatedAt, emailVerified: emailVerified, phoneVerified: phoneVerified,
            identityVerification: identityVerification, badgePaidOrLegacy: badgePaidOrLegacy,
            identifierChanges: identifierChanges.sorted { $0.changedAt < $1.changedAt })
        return Record(
            recordID: recordID(platformKey: platformKey), subjects: [subject], fact: .socialAccountFact(fact),
            provenance: position.provenance)
    }

    /// `<platform kind>-<16 characters of the platform account token>-<observed_at>[-<suffix>]`: stable
    /// across re-reads of the same export, and free of personal data. The token part is a piece of a
    /// keyed hash the record carries in full anyway; the raw account id would be a personal identifier.
    private func recordID(platformKey: Token) -> RawCode {
        let kind = platform.prefix { $0 != ":" }
        let time = Timestamp(secondsSinceEpoch: observedAt.secondsSinceEpoch).rawValue.filter { $0 != "-" && $0 != ":" }
        let suffix = recordIDSuffix.map { "-" + $0 } ?? ""
        return RawCode(unchecked: "\(kind)-\(platformKey.rawValue.prefix(16))-\(time)\(suffix)")
    }

    /// Normalizes one identifier again after ``RecordContext`` refused the subject, so that the bad one is
    /// reported with the member or claim it came from; ``RecordContext`` names only its type.
    private static func check(_ sourced: SourcedIdentifier, region: PhoneRegion?) throws(SocialRecordFailure) {
        let identifier = sourced.identifier
        guard identifier.whenInvalid == .reject else { return }
        do {
            _ = try IdentifierNormalizer.normalize(identifier.value, as: identifier.type, defaultRegion: region)
        } catch {
            throw SocialRecordFailure("\(sourced.source): \(error.message)")
        }
    }
}

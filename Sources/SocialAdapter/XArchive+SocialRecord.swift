import AdapterCore
import CredenceIdentity
import CredenceProtocol
import SocialExports

extension XArchive {
    /// The archive as a record draft, mapped as batch.md §10.7 says: the account id as platform account,
    /// the current email and phones as identifiers whose control X does not vouch for (`verified`
    /// absent), the display name for linkage only, the check mark as `badge_paid_or_legacy` and never as
    /// identity verification, and the dates of email and handle changes without the values.
    ///
    /// No birth date: X's `ageinfo.js` is partly inferred and is never opened.
    func socialRecordDraft() -> SocialRecordDraft {
        var draft = SocialRecordDraft(
            platform: "x", accountID: accountID, accountIDSource: "data/manifest.js: /userInfo/accountId",
            observedAt: generationDate, accountCreatedAt: account?.createdAt,
            accountCreatedAtSource: "data/account.js: /0/account/createdAt")
        let observedDay = draft.observedDay
        if let email = account?.email {
            draft.identifiers.append(
                .init(
                    identifier: RawIdentifier(
                        .email, email, firstSeen: emailHeldSince(email).flatMap { $0 <= observedDay ? $0 : nil },
                        lastSeen: observedDay),
                    source: "data/account.js: /0/account/email"))
        }
        for phone in phoneNumbers {
            draft.identifiers.append(
                .init(
                    identifier: RawIdentifier(.phoneE164, phone.phoneNumber, lastSeen: observedDay),
                    source: "data/phone-number.js: device.phoneNumber"))
        }
        if let displayName = account?.displayName ?? displayName { draft.name = .full(displayName) }
        draft.badgePaidOrLegacy = verifiedBadge?.verified
        draft.identifierChanges =
            emailAddressChanges.map { .init(type: .email, changedAt: $0.changedAt) }
            + screenNameChanges.map { .init(type: .handle, changedAt: $0.changedAt) }
        return draft
    }

    /// The day of the latest change to `email`, when the archive records one: how long the account has
    /// held its current address.
    private func emailHeldSince(_ email: String) -> CalendarDate? {
        guard let current = try? EmailNormalizer.normalize(email).normalized else { return nil }
        let changes = emailAddressChanges.filter { change in
            change.changedTo.flatMap { try? EmailNormalizer.normalize($0).normalized } == current
        }
        guard let latest = changes.map(\.changedAt).max() else { return nil }
        return CalendarDate(daysSinceEpoch: Int(latest.secondsSinceEpoch / 86_400))
    }
}

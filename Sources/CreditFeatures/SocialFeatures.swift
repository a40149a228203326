import CredenceProtocol

/// The social features of one file: identity verification from identity providers, platform account age, and
/// the stability of the email and phone on platform accounts. Never content, never the social graph: the
/// records carry neither.
struct SocialFeatures {
    let asOf: CivilDay
    let endOfDay: Int64
    let batches: BatchContext

    private struct ChangeKey: Hashable {
        let account: Int32
        let change: SocialFact.ContactChange
    }

    func compute(_ facts: [SocialFact], into features: inout PersonFeatures) {
        var strongest: Int?
        var verificationBatches = BatchSet()
        var oldest: (day: CivilDay, batch: Int32)?
        var archiveBatches = BatchSet()
        var oldestArchiveAccount: CivilDay?
        var changes = Set<ChangeKey>()
        var anyArchive = false
        for fact in facts where batches.isKnown(fact.stamp) && fact.observedAt <= endOfDay {
            let batch = fact.stamp.batch
            if let created = fact.createdOn, created <= asOf, oldest == nil || created < oldest!.day {
                oldest = (created, batch)
            }
            if fact.isIdentityProvider {
                let strength = fact.verification?.strength ?? 0
                if strength > (strongest ?? -1) { verificationBatches = BatchSet() }
                if strength >= (strongest ?? -1) {
                    strongest = strength
                    verificationBatches.insert(batch)
                }
                continue
            }
            anyArchive = true
            archiveBatches.insert(batch)
            if let created = fact.createdOn, created <= asOf {
                oldestArchiveAccount = min(oldestArchiveAccount ?? created, created)
            }
            for change in fact.contactChanges where change.changedAt <= endOfDay {
                changes.insert(ChangeKey(account: fact.account, change: change))
            }
        }
        if let strongest { features.set(.identityVerificationLevel, Double(strongest), from: verificationBatches) }
        if let oldest {
            var batches = BatchSet()
            batches.insert(oldest.batch)
            features.set(.platformAccountMonths, Double(max(0, oldest.day.wholeMonths(until: asOf))), from: batches)
        }
        guard anyArchive else { return }
        let recent = changes.filter { $0.change.changedOn.wholeMonths(until: asOf) < 12 }.count
        features.set(.contactChanges12m, Double(recent), from: archiveBatches)
        // Without a change the contact is as old as the account.
        if let stableSince = changes.map(\.change.changedOn).max() ?? oldestArchiveAccount {
            features.set(
                .monthsSinceContactChange, Double(max(0, stableSince.wholeMonths(until: asOf))), from: archiveBatches)
        }
    }
}

import CredenceProtocol
import CreditFeatures
import Testing

/// Amounts owed, length of history, new credit and mix, and how accounts are assembled: key changes,
/// deletions, repeated reports, roles, currencies and the as-of date.
struct AccountTests {
    let asOf = Make.date("2024-12-31")

    @Test func anEmptyFileHasEveryFeatureMissing() {
        let features = PersonFile(subjectKeys: [Make.person]).features(asOf: asOf)
        #expect(features.vector.values.allSatisfy { $0 == nil })
        #expect(features.vector.values.count == CreditFeature.allCases.count)
        #expect(features.contributingBatches.isEmpty)
    }

    @Test func utilizationIsSummedWithinOneCurrencyOnly() {
        let features = PersonFile.of([
            Make.snapshot(account: "a", asOf: "2024-12-15", limit: 10_000, balance: 5_000),
            Make.snapshot(account: "b", asOf: "2024-12-15", limit: 30_000, balance: 3_000),
            Make.snapshot(account: "c", asOf: "2024-12-15", limit: 1_000_000, balance: 100_000, currency: "CNY"),
            // Not revolving, closed, or without a limit: not in utilization.
            Make.snapshot(account: "d", asOf: "2024-12-15", portfolio: .installment, limit: 1_000, balance: 1_000),
            Make.snapshot(account: "e", asOf: "2024-12-15", limit: 1_000, balance: 900, closed: "2024-12-01"),
            Make.snapshot(account: "f", asOf: "2024-12-15", limit: nil, balance: 900),
        ]).features(asOf: asOf)
        // USD: 8,000 / 40,000; CNY: 100,000 / 1,000,000. Never (8,000 + 100,000) / (40,000 + 1,000,000).
        #expect(features[.revolvingUtilization] == 0.2)
        #expect(features[.maxLineUtilization] == 0.5)
    }

    @Test func accountAgeNewAccountsAndMix() {
        var file = PersonFile.of([
            Make.snapshot(account: "old", asOf: "2024-12-15", opened: "2014-12-31", portfolio: .mortgage),
            Make.snapshot(account: "new", asOf: "2024-12-15", opened: "2024-06-30"),
            Make.snapshot(account: "closed", asOf: "2020-05-15", opened: "2019-12-31", closed: "2020-05-01"),
        ])
        let features = file.features(asOf: asOf)
        #expect(features[.oldestAccountMonths] == 120)
        #expect(features[.averageAccountMonths] == Double(120 + 6 + 60) / 3)
        #expect(features[.accountsOpened12m] == 1)
        #expect(features[.creditMix] == 2)
        #expect(features[.inquiries12m] == nil)

        file.inquiries = [Make.date("2024-01-01"), Make.date("2023-12-31"), Make.date("2025-01-05")]
        #expect(file.features(asOf: asOf)[.inquiries12m] == 1)
        file.inquiries = []
        #expect(file.features(asOf: asOf)[.inquiries12m] == 0)
    }

    @Test func keyChangesChainOneAccountAcrossItsKeys() {
        let facts = [
            Make.snapshot(account: "k1", asOf: "2024-04-15", limit: 10_000, balance: 5_000),
            Make.snapshot(account: "k2", asOf: "2024-08-15", limit: 10_000, balance: 4_000),
            Make.snapshot(account: "k3", asOf: "2024-11-15", limit: 10_000, balance: 2_000),
            // Chains arrive in any order, even after the snapshots they join.
            Make.keyChange(from: "k2", to: "k3"),
            Make.keyChange(from: "k1", to: "k2"),
        ]
        let chained = PersonFile.of(facts).features(asOf: asOf)
        #expect(chained[.revolvingUtilization] == 0.2)
        #expect(chained[.accountsOpened12m] == 0)
        #expect(chained[.oldestAccountMonths] == chained[.averageAccountMonths])

        let unchained = PersonFile.of(Array(facts.prefix(3))).features(asOf: asOf)
        #expect(unchained[.revolvingUtilization] == 11_000.0 / 30_000)
    }

    @Test func aDeletionRemovesWhatCameBeforeItInThePartnersChain() {
        let card = Make.snapshot(account: "card", asOf: "2024-11-15", limit: 10_000, balance: 5_000)
        let deletion = Make.deletion(account: "card")
        var deleted = PersonFile(subjectKeys: [Make.person])
        // Added out of order: batch_seq, not arrival, decides what a deletion removes.
        deleted.add(Make.record(deletion), from: Make.batch("b2", seq: 2))
        deleted.add(Make.record(card), from: Make.batch("b1", seq: 1))
        #expect(deleted.features(asOf: asOf).vector.values.allSatisfy { $0 == nil })

        var reported = PersonFile(subjectKeys: [Make.person])
        reported.add(Make.record(deletion), from: Make.batch("b1", seq: 1))
        reported.add(Make.record(card), from: Make.batch("b2", seq: 2))
        #expect(reported.features(asOf: asOf)[.revolvingUtilization] == 0.5)

        // A deletion of the whole account also removes it under its other keys.
        let renamed = PersonFile.of([card, Make.keyChange(from: "card", to: "card2"), Make.deletion(account: "card2")])
        #expect(renamed.features(asOf: asOf)[.oldestAccountMonths] == nil)
    }

    @Test func aConsumerRemovedFromAnAccountLosesItAndNobodyElseDoes() {
        let card = Make.snapshot(account: "card", asOf: "2024-11-15", limit: 10_000, balance: 5_000)
        let removal = Make.deletion(account: "card", scope: .subjectOnAccount, reason: .consumerRemoved)
        var file = PersonFile(subjectKeys: [Make.person])
        let batch = Make.batch("b1")
        file.add(
            Make.record(card, subjects: [Make.subject(), Make.subject(Make.otherPerson, role: .joint)]), from: batch)
        let aboutOther = Make.record(removal, subjects: [Make.subject(Make.otherPerson, role: .remove)], id: "z1")
        let addedAboutOther = file.add(aboutOther, from: batch)
        #expect(!addedAboutOther)
        #expect(file.features(asOf: asOf)[.revolvingUtilization] == 0.5)
        let addedRemoval = file.add(
            Make.record(removal, subjects: [Make.subject(role: .remove)], id: "z2"), from: batch)
        #expect(addedRemoval)
        #expect(file.features(asOf: asOf)[.revolvingUtilization] == nil)
    }

    @Test func theSameAccountReportedTwiceCountsOnce() {
        let card = Make.snapshot(
            account: "card", asOf: "2024-11-15", opened: "2024-05-01", limit: 10_000, balance: 5_000)
        var file = PersonFile(subjectKeys: [Make.person])
        file.add(Make.record(card), from: Make.batch("b1", seq: 1))
        file.add(Make.record(card), from: Make.batch("b1", seq: 1))
        file.add(Make.record(card), from: Make.batch("b2", seq: 2))
        let features = file.features(asOf: asOf)
        #expect(features[.accountsOpened12m] == 1)
        #expect(features[.revolvingUtilization] == 0.5)
        #expect(file.batches.count == 2)

        // A correction of the same day in a later batch replaces the earlier report.
        let corrected = Make.snapshot(
            account: "card", asOf: "2024-11-15", opened: "2024-05-01", limit: 10_000, balance: 1_000)
        file.add(Make.record(corrected), from: Make.batch("b3", seq: 3))
        #expect(file.features(asOf: asOf)[.revolvingUtilization] == 0.1)
        #expect(file.features(asOf: asOf)[.accountsOpened12m] == 1)
    }

    @Test func onlyRecordsDatedByTheAsOfDateCount() {
        let file = PersonFile.of([
            Make.snapshot(account: "card", asOf: "2024-06-15", opened: "2024-01-10", limit: 10_000, balance: 2_000),
            Make.snapshot(
                account: "card", asOf: "2025-01-15", opened: "2024-01-10", status: .dpd30, limit: 10_000,
                balance: 9_000),
        ])
        let december = file.features(asOf: asOf)
        #expect(december[.revolvingUtilization] == 0.2)
        #expect(december[.months30DaysLate24m] == 0)
        let january = file.features(asOf: Make.date("2025-01-31"))
        #expect(january[.revolvingUtilization] == 0.9)
        #expect(january[.months30DaysLate24m] == 1)
        #expect(file.features(asOf: Make.date("2024-06-14")).vector.values.allSatisfy { $0 == nil })
    }

    @Test func aBatchAcceptedAfterTheAsOfDateIsNotYetKnown() {
        let card = Make.snapshot(account: "card", asOf: "2024-12-15", limit: 10_000, balance: 2_000)
        let file = PersonFile.of([card], batch: Make.batch("late", acceptedAt: "2025-01-02T08:00:00Z"))
        #expect(file.features(asOf: asOf)[.revolvingUtilization] == nil)
        #expect(file.features(asOf: Make.date("2025-01-02"))[.revolvingUtilization] == 0.2)
    }

    @Test func rolesDecideWhoseAccountItIs() {
        let card = Make.snapshot(
            account: "card", asOf: "2024-12-15", opened: "2020-12-01", limit: 10_000, balance: 2_000)
        func features(as role: SubjectRole) -> PersonFeatures {
            var file = PersonFile(subjectKeys: [Make.person])
            file.add(Make.record(card, subjects: [Make.subject(role: role)]), from: Make.batch("b1"))
            return file.features(asOf: asOf)
        }
        for role in [SubjectRole.primary, .joint, .comaker, .maker] {
            #expect(features(as: role)[.revolvingUtilization] == 0.2)
        }
        // Not liable, or not a consumer account: nothing of it counts, good or bad.
        for role in [SubjectRole.authorizedUser, .business] {
            #expect(features(as: role).vector.values.allSatisfy { $0 == nil })
        }
        // Association terminated: the history counts, the balance is no longer theirs.
        let terminated = features(as: .terminated)
        #expect(terminated[.oldestAccountMonths] == 48)
        #expect(terminated[.revolvingUtilization] == nil)

        // Two of the person's subjects on one record: the role that makes them liable counts.
        var both = PersonFile(subjectKeys: [Make.person, Make.otherPerson])
        let record = Make.record(
            card, subjects: [Make.subject(role: .authorizedUser), Make.subject(Make.otherPerson, role: .joint)])
        both.add(record, from: Make.batch("b1"))
        #expect(both.features(asOf: asOf)[.revolvingUtilization] == 0.2)
    }
}

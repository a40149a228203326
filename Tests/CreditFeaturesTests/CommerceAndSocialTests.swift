import CredenceProtocol
import CreditFeatures
import Testing

/// Pay-later behaviour, chargebacks and payments (commerce), identity and contact stability (social).
struct CommerceAndSocialTests {
    let asOf = Make.date("2024-12-31")
    let shop = Make.batch("shop", partner: "sim-shop-us", kind: .commerce)

    @Test func onlyChargebacksTheConsumerLostAreCounted() {
        let file = PersonFile.of(
            [
                Make.commerce(.orderPlaced, at: "2023-01-10T09:00:00Z", order: "o1"),
                // `won` is the merchant's win: the consumer lost.
                Make.commerce(.chargebackClosed, at: "2024-05-01T10:00:00Z", order: "o2", outcome: .won),
                Make.commerce(.chargebackClosed, at: "2024-07-01T10:00:00Z", order: "o9", outcome: .won),
                Make.commerce(.chargebackClosed, at: "2024-05-02T10:00:00Z", order: "o3", outcome: .lost),
                Make.commerce(.chargebackClosed, at: "2024-05-03T10:00:00Z", order: "o4", outcome: .accepted),
                Make.commerce(.chargebackClosed, at: "2024-05-04T10:00:00Z", order: "o5", outcome: .prevented),
                Make.commerce(.chargebackOpened, at: "2024-04-01T10:00:00Z", order: "o6"),
                // Older than 24 months.
                Make.commerce(.chargebackClosed, at: "2022-10-01T10:00:00Z", order: "o7", outcome: .won),
                // After the as-of date.
                Make.commerce(.chargebackClosed, at: "2025-01-01T00:00:00Z", order: "o8", outcome: .won),
            ], batch: shop)
        let features = file.features(asOf: asOf)
        #expect(features[.chargebacksLost24m] == 2)
        #expect(features[.commerceHistoryMonths] == 26)
        #expect(features[.failedPayments24m] == 0)
        // No instalment: no pay-later behaviour to speak of, which is not the same as none late.
        #expect(features[.payLaterInstallmentsPaidLate24m] == nil)
        #expect(features[.payLaterInstallmentsMissed24m] == nil)
        #expect(features[.worstStatus24m] == nil)
    }

    @Test func aReplayedEventCountsOnce() {
        let failed = Make.commerce(.paymentFailed, at: "2024-03-01T12:00:00Z", order: "o1")
        var file = PersonFile(subjectKeys: [Make.person])
        file.add(Make.record(failed), from: shop)
        file.add(Make.record(failed), from: Make.batch("shop2", partner: "sim-shop-us", kind: .commerce, seq: 2))
        file.add(
            Make.record(Make.commerce(.paymentFailed, at: "2024-03-01T12:05:00Z", order: "o1")), from: shop)
        #expect(file.features(asOf: asOf)[.failedPayments24m] == 2)
    }

    @Test func instalmentsArePaidOnTimeLateOrMissedAsOfTheDate() {
        func due(_ order: String, _ sequence: Int, _ day: String) -> Record.Fact {
            Make.commerce(.installmentDue, at: day, order: order, due: day, sequence: sequence)
        }
        func paid(_ order: String, _ sequence: Int, due: String, paid: String) -> Record.Fact {
            Make.commerce(.installmentPaid, at: paid, order: order, due: due, paid: paid, sequence: sequence)
        }
        let file = PersonFile.of(
            [
                due("s1", 1, "2024-02-01T00:00:00Z"),
                paid("s1", 1, due: "2024-02-01T00:00:00Z", paid: "2024-02-01T10:00:00Z"),
                due("s1", 2, "2024-03-01T00:00:00Z"),
                paid("s1", 2, due: "2024-03-01T00:00:00Z", paid: "2024-03-05T00:00:00Z"),
                due("s1", 3, "2024-04-01T00:00:00Z"),
                due("s2", 1, "2024-12-20T00:00:00Z"),
                due("s2", 2, "2024-11-01T00:00:00Z"),
                paid("s2", 2, due: "2024-11-01T00:00:00Z", paid: "2025-01-10T00:00:00Z"),
            ], batch: shop)
        let december = file.features(asOf: asOf)
        #expect(december[.payLaterInstallmentsOnTime24m] == 1)
        #expect(december[.payLaterInstallmentsPaidLate24m] == 1)
        // s1/3 never paid, s2/2 not paid by the as-of date; s2/1 is only 11 days overdue.
        #expect(december[.payLaterInstallmentsMissed24m] == 2)

        let february = file.features(asOf: Make.date("2025-02-28"))
        #expect(february[.payLaterInstallmentsPaidLate24m] == 2)
        #expect(february[.payLaterInstallmentsMissed24m] == 2)
    }

    @Test func platformAccountsGiveAgeAndContactStabilityNeverContent() {
        let social = Make.batch("x", partner: "sim-social", kind: .social)
        let archive = Make.social(
            observed: "2024-10-01T00:00:00Z", created: "2015-03-01T00:00:00Z", badge: true,
            changes: [
                (.email, "2024-06-01T00:00:00Z"), (.handle, "2024-09-01T00:00:00Z"), (.phone, "2023-01-01T00:00:00Z"),
            ])
        let features = PersonFile.of([archive], batch: social).features(asOf: asOf)
        #expect(features[.platformAccountMonths] == 117)
        #expect(features[.contactChanges12m] == 1)
        #expect(features[.monthsSinceContactChange] == 6)
        // An X badge is bought, not verified.
        #expect(features[.identityVerificationLevel] == nil)

        let unchanged = Make.social(account: "quiet", observed: "2024-10-01T00:00:00Z", created: "2020-12-31T00:00:00Z")
        let quiet = PersonFile.of([unchanged], batch: social).features(asOf: asOf)
        #expect(quiet[.contactChanges12m] == 0)
        #expect(quiet[.monthsSinceContactChange] == 48)

        // The same archive in two batches, and one generated after the as-of date.
        var file = PersonFile(subjectKeys: [Make.person])
        file.add(Make.record(archive), from: social)
        file.add(Make.record(archive), from: Make.batch("x2", partner: "sim-social", kind: .social, seq: 2))
        let later = Make.social(
            observed: "2025-02-01T00:00:00Z", created: "2015-03-01T00:00:00Z",
            changes: [(.phone, "2025-01-15T00:00:00Z")])
        file.add(Make.record(later, id: "later"), from: social)
        #expect(file.features(asOf: asOf)[.contactChanges12m] == 1)
        #expect(file.features(asOf: Make.date("2025-02-01"))[.contactChanges12m] == 2)
    }

    @Test func identityVerificationIsTheStrongestAnIdentityProviderReports() {
        let idp = Make.batch("id", partner: "sim-id", kind: .social)
        func level(_ levels: [SocialAccountFact.IdentityVerification.Level?]) -> Double? {
            let facts = levels.enumerated().map { index, level in
                Make.social(
                    platform: "oidc:id.example.cn", account: "a\(index)", observed: "2024-09-01T00:00:00Z",
                    verification: level)
            }
            return PersonFile.of(facts, batch: idp).features(asOf: asOf)[.identityVerificationLevel]
        }
        #expect(level([nil]) == 0)
        #expect(level([.bank, .document]) == 2)
        #expect(level([.electronicRecord]) == 1)
        #expect(level([.inPerson, nil]) == 3)
        // Identity providers have no change history: no contact features from them.
        let facts = [Make.social(platform: "oidc:id.example.cn", observed: "2024-09-01T00:00:00Z", verification: .eid)]
        let features = PersonFile.of(facts, batch: idp).features(asOf: asOf)
        #expect(features[.contactChanges12m] == nil)
        #expect(features[.monthsSinceContactChange] == nil)
    }

    @Test func eachFeatureNamesTheBatchesItWasComputedFrom() {
        let bank = Make.batch("bank")
        var file = PersonFile(subjectKeys: [Make.person])
        file.add(
            Make.record(Make.snapshot(account: "card", asOf: "2024-12-15", limit: 10_000, balance: 2_000)),
            from: bank)
        file.add(
            Make.record(Make.commerce(.chargebackClosed, at: "2024-05-01T10:00:00Z", order: "o1", outcome: .won)),
            from: shop)
        let features = file.features(asOf: asOf)
        #expect(features.contributingBatches(to: .revolvingUtilization).map(\.batchID) == [bank.batchID])
        #expect(features.contributingBatches(to: .chargebacksLost24m).map(\.batchID) == [shop.batchID])
        #expect(features.contributingBatches(to: .identityVerificationLevel).isEmpty)
        #expect(features.contributingBatches.map(\.batchID) == [bank.batchID, shop.batchID])
    }
}

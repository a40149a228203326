import CredenceProtocol
import CreditFeatures
import Testing

/// Payment history features and the 7/10-year rules, from hand-built snapshots and events.
struct PaymentHistoryTests {
    let asOf = Make.date("2024-12-31")

    @Test func countsLateMonthsOfEveryAccountInTheLast24Months() {
        let file = PersonFile.of([
            Make.snapshot(
                account: "card", asOf: "2024-12-15", status: .dpd30,
                history: [.current, .dpd60, .dpd30, .current, .current, .current, .dpd120, .noData]),
            Make.snapshot(account: "auto", asOf: "2024-12-10", history: Array(repeating: .current, count: 24)),
        ])
        let features = file.features(asOf: asOf)
        #expect(features[.worstStatus24m] == 4)
        #expect(features[.months30DaysLate24m] == 2)
        #expect(features[.months60DaysLate24m] == 1)
        #expect(features[.months90PlusDaysLate24m] == 1)
        #expect(features[.monthsSinceLastDelinquency] == 0)
        #expect(features[.derogatoryAccounts] == 0)
        #expect(features[.bankruptcyOnFile] == 0)
    }

    @Test func monthsSinceLastDelinquencyLooksPast24MonthsAndIs84WithoutOne() {
        let older = Make.snapshot(account: "card", asOf: "2022-06-15", status: .dpd30)
        let recent = Make.snapshot(account: "card", asOf: "2024-12-15", history: Array(repeating: .current, count: 24))
        let features = PersonFile.of([older, recent]).features(asOf: asOf)
        #expect(features[.monthsSinceLastDelinquency] == 30)
        #expect(features[.worstStatus24m] == 0)
        #expect(features[.months30DaysLate24m] == 0)

        let clean = PersonFile.of([recent]).features(asOf: asOf)
        #expect(clean[.monthsSinceLastDelinquency] == Double(ObsolescenceRule.negativeItemMonths))
    }

    @Test func aLaterReportRestatesTheMonthsBeforeIt() {
        // The first report says October was 60 days late; the next month's report corrects it to current.
        let first = Make.snapshot(account: "card", asOf: "2024-11-15", history: [.dpd60])
        let corrected = Make.snapshot(account: "card", asOf: "2024-12-15", history: [.current, .current])
        let features = PersonFile.of([corrected, first]).features(asOf: asOf)
        #expect(features[.months60DaysLate24m] == 0)
        #expect(features[.worstStatus24m] == 0)
    }

    @Test func delinquencyEventsFillMonthsNoSnapshotReported() {
        let snapshot = Make.snapshot(account: "card", asOf: "2024-06-15")
        let reported = Make.event(account: "card", .becameDelinquent, month: "2024-09", daysPastDue: 30)
        let worsened = Make.event(account: "card", .delinquencyWorsened, month: "2024-10", daysPastDue: 60)
        // An event of the as-of month is left out: its snapshot may be dated after the as-of day.
        let thisMonth = Make.event(account: "card", .chargedOff, month: "2024-12")
        let features = PersonFile.of([snapshot, reported, worsened, thisMonth]).features(asOf: asOf)
        #expect(features[.months30DaysLate24m] == 1)
        #expect(features[.months60DaysLate24m] == 1)
        #expect(features[.worstStatus24m] == 2)
        #expect(features[.derogatoryAccounts] == 0)
        #expect(features[.monthsSinceLastDelinquency] == 2)
    }

    @Test func derogatoryAccountsAgeOffSevenYearsAfterTheFirstDelinquency() {
        func chargeOff(firstDelinquency: String) -> PersonFile {
            PersonFile.of([
                Make.snapshot(
                    account: "card", asOf: "2024-12-15", status: .chargeOff, balance: 50_000,
                    history: Array(repeating: .chargeOff, count: 24), firstDelinquency: firstDelinquency),
                Make.snapshot(account: "auto", asOf: "2024-12-10", portfolio: .installment, history: [.current]),
            ])
        }
        let recent = chargeOff(firstDelinquency: "2018-01-31").features(asOf: asOf)
        #expect(recent[.derogatoryAccounts] == 1)
        #expect(recent[.worstStatus24m] == 7)
        #expect(recent[.monthsSinceLastDelinquency] == 0)

        let obsolete = chargeOff(firstDelinquency: "2017-11-30").features(asOf: asOf)
        #expect(obsolete[.derogatoryAccounts] == 0)
        #expect(obsolete[.worstStatus24m] == 0)
        #expect(obsolete[.monthsSinceLastDelinquency] == Double(ObsolescenceRule.negativeItemMonths))
        // The account still counts for what is not negative.
        #expect(obsolete[.creditMix] == 2)
    }

    @Test func withoutAReportedFirstDelinquencyTheEarliestLateMonthStartsTheClock() {
        let old = Make.snapshot(account: "loan", asOf: "2017-06-15", status: .dpd30, portfolio: .installment)
        let later = Make.snapshot(
            account: "loan", asOf: "2018-06-15", status: .collection, portfolio: .installment)
        #expect(PersonFile.of([old, later]).features(asOf: Make.date("2024-05-31"))[.derogatoryAccounts] == 1)
        #expect(PersonFile.of([old, later]).features(asOf: asOf)[.derogatoryAccounts] == 0)
    }

    @Test func paidChargeOffsStillCountAsDerogatory() {
        let paid = Make.snapshot(
            account: "card", asOf: "2024-12-15", status: .paidAfterDerogatory, firstDelinquency: "2023-01-20",
            closed: "2024-11-30")
        let features = PersonFile.of([paid]).features(asOf: asOf)
        #expect(features[.derogatoryAccounts] == 1)
        #expect(features[.revolvingUtilization] == nil)
    }

    @Test func bankruptcyCountsForTenYearsUntilRemoved() {
        func file(reportedOn day: String, then code: String? = nil) -> PersonFile {
            PersonFile.of([
                Make.snapshot(account: "card", asOf: day, consumerInformation: "E"),
                // The indicator is sticky: later reports without it do not remove it.
                Make.snapshot(account: "card", asOf: "2024-11-15", consumerInformation: code),
            ])
        }
        #expect(file(reportedOn: "2015-06-15").features(asOf: asOf)[.bankruptcyOnFile] == 1)
        #expect(file(reportedOn: "2014-11-15").features(asOf: asOf)[.bankruptcyOnFile] == 0)
        #expect(file(reportedOn: "2015-06-15", then: "Q").features(asOf: asOf)[.bankruptcyOnFile] == 0)
        // Bankruptcy is not a delinquency: without late months there is none to count.
        #expect(file(reportedOn: "2015-06-15").features(asOf: asOf)[.monthsSinceLastDelinquency] == 84)
    }
}

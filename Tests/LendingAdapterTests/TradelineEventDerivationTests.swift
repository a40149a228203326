import CredenceProtocol
import Testing

@testable import LendingAdapter

@Suite struct TradelineEventDerivationTests {
    /// A snapshot as of 2024-02-29, opened long before, with the given status and first PHP byte.
    static func snapshot(
        status: String, previous: Character?, opened: String = "2019-05-01", closed: String? = nil,
        lastPayment: String? = nil
    ) throws -> TradelineSnapshot {
        let history = previous.map { code in
            [
                TradelineSnapshot.PaymentHistoryMonth(
                    month: YearMonth(unchecked: "2024-01"), status: LendingCodes.monthStatuses[code]!,
                    statusRaw: try! RawCode(String(code)))
            ]
        }
        guard case .snapshot(let accountStatus)? = LendingCodes.accountStatuses[status] else {
            throw CancellationError()
        }
        return TradelineSnapshot(
            furnisherID: try RawCode("FURN00042"), accountKey: Token(unchecked: String(repeating: "A", count: 43)),
            portfolio: .revolving, portfolioRaw: try RawCode("R"), accountTypeRaw: try RawCode("18"),
            asOf: try CalendarDate("2024-02-29"), openedOn: try CalendarDate(opened),
            closedOn: try closed.map { try CalendarDate($0) },
            lastPaymentOn: try lastPayment.map { try CalendarDate($0) },
            currency: try CurrencyCode("USD"), balance: 0, pastDue: 0, status: accountStatus,
            statusRaw: try RawCode(status), paymentHistory: history ?? [])
    }

    static func derived(_ snapshot: TradelineSnapshot) -> [String] {
        TradelineEventDerivation.events(of: snapshot).map { event in
            event.event.rawValue + (event.daysPastDue.map { " \($0)" } ?? "")
        }
    }

    @Test(
        arguments: [
            // (status of the as-of month, PHP byte of the month before, events)
            ("11", "0", []),
            ("71", "0", ["became_delinquent 30"]),
            ("78", "E", ["became_delinquent 60"]),
            ("71", "B", ["became_delinquent 30"]),
            ("71", "D", []),
            ("71", "1", []),
            ("80", "1", ["delinquency_worsened 90"]),
            ("84", "5", ["delinquency_worsened 180"]),
            ("71", "3", []),
            ("11", "2", ["cured"]),
            ("11", "B", []),
            ("97", "6", ["charged_off"]),
            ("97", "L", []),
            ("93", "4", ["sent_to_collection"]),
            ("93", "G", []),
            ("96", "3", ["repossessed"]),
            ("94", "6", ["foreclosed"]),
            ("95", "2", ["surrendered"]),
            ("95", "J", []),
            ("05", "0", []),
            ("88", "3", []),
        ] as [(String, String, [String])])
    func statusTransitions(_ status: String, _ previous: String, _ expected: [String]) throws {
        #expect(Self.derived(try Self.snapshot(status: status, previous: previous.first)) == expected)
    }

    @Test func withoutAProfileNoTransitionIsDerived() throws {
        #expect(Self.derived(try Self.snapshot(status: "71", previous: nil)).isEmpty)
    }

    @Test func openingAndClosingInTheMonthAreEvents() throws {
        #expect(Self.derived(try Self.snapshot(status: "11", previous: "B", opened: "2024-02-03")) == ["opened"])
        #expect(Self.derived(try Self.snapshot(status: "11", previous: "0", opened: "2024-01-31")).isEmpty)
        let paid = try Self.snapshot(status: "13", previous: "0", closed: "2024-02-20")
        #expect(Self.derived(paid) == ["paid_in_full", "closed"])
        let paidAfterChargeOff = try Self.snapshot(status: "64", previous: "L", lastPayment: "2024-02-10")
        #expect(Self.derived(paidAfterChargeOff) == ["paid_in_full"])
    }

    @Test func theNextMonthsSnapshotDoesNotRestateEvents() throws {
        // February: paid and closed. March restates the account: its PHP now starts with February's byte.
        let march = TradelineSnapshot(
            furnisherID: try RawCode("FURN00042"), accountKey: Token(unchecked: String(repeating: "A", count: 43)),
            portfolio: .revolving, portfolioRaw: try RawCode("R"), accountTypeRaw: try RawCode("18"),
            asOf: try CalendarDate("2024-03-31"), openedOn: try CalendarDate("2019-05-01"),
            closedOn: try CalendarDate("2024-02-20"), currency: try CurrencyCode("USD"), balance: 0, pastDue: 0,
            status: .paidClosed, statusRaw: try RawCode("13"),
            paymentHistory: [
                .init(month: YearMonth(unchecked: "2024-02"), status: .current, statusRaw: try RawCode("0"))
            ])
        #expect(Self.derived(march).isEmpty)
        // A delinquency that stays at 30 days is not restated either.
        #expect(Self.derived(try Self.snapshot(status: "71", previous: "1")).isEmpty)
    }

    @Test func eventsAreValidRecordFacts() throws {
        let snapshot = try Self.snapshot(status: "82", previous: "3", opened: "2019-05-01")
        for event in TradelineEventDerivation.events(of: snapshot) {
            #expect(event.month.rawValue == "2024-02")
            #expect(event.furnisherID == snapshot.furnisherID && event.accountKey == snapshot.accountKey)
            #expect(TradelineEvent.delinquencyLevels.contains(event.daysPastDue ?? 0) == event.event.isDelinquency)
        }
    }
}

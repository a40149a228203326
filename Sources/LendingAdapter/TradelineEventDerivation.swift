public import CredenceProtocol

/// Derives the events of one snapshot's own month (`protocol/batch.md` section 8.2a), without state across
/// files: the account status (17A) is compared with the payment history byte of the month before (the first
/// PHP byte), and `opened` / `closed` come from dates that fall in the month of `as_of`. Because every event
/// belongs to the month of the snapshot that yields it, monthly files never restate an event and a backfill
/// yields each event once.
public enum TradelineEventDerivation {
    /// The events of `snapshot`'s month, in a fixed order: opened, the status transition, paid in full,
    /// closed.
    public static func events(of snapshot: TradelineSnapshot) -> [TradelineEvent] {
        let month = yearMonth(snapshot.asOf)
        var events: [(type: TradelineEventType, daysPastDue: Int?)] = []
        if yearMonth(snapshot.openedOn) == month { events.append((.opened, nil)) }
        if let transition = transition(to: snapshot.status, from: snapshot.paymentHistory.first?.status) {
            events.append(transition)
        }
        // The profile has no "paid" byte, so the month before cannot tell whether the account was already
        // paid: the payoff is placed in the month of the closing date, or failing that of the last payment.
        if snapshot.status == .paidClosed || snapshot.status == .paidAfterDerogatory,
            (snapshot.closedOn ?? snapshot.lastPaymentOn).map(yearMonth) == month
        {
            events.append((.paidInFull, nil))
        }
        if let closedOn = snapshot.closedOn, yearMonth(closedOn) == month { events.append((.closed, nil)) }
        return events.map { event in
            TradelineEvent(
                furnisherID: snapshot.furnisherID, accountKey: snapshot.accountKey, event: event.type, month: month,
                daysPastDue: event.daysPastDue, statusRaw: snapshot.statusRaw)
        }
    }

    /// The change from the month before (`previous`, the first PHP entry) to the account status of the
    /// snapshot's month. No history before (`B`) counts as current; no data (`D`) or no profile at all
    /// means the month before is unknown, and nothing is derived from it.
    static func transition(
        to status: TradelineSnapshot.AccountStatus, from previous: TradelineSnapshot.MonthStatus?
    ) -> (type: TradelineEventType, daysPastDue: Int?)? {
        guard let previous, previous != .noData else { return nil }
        let before = previous == .noHistory ? 0 : LendingCodes.daysPastDue(previous)
        if let now = LendingCodes.daysPastDue(status) {
            guard let before else { return nil }
            if before == 0 { return (.becameDelinquent, now) }
            return now > before ? (.delinquencyWorsened, now) : nil
        }
        switch status {
        case .current:
            if let before, before > 0 { return (.cured, nil) }
        case .chargeOff where previous != .chargeOff: return (.chargedOff, nil)
        case .collection where previous != .collection: return (.sentToCollection, nil)
        case .repossession where previous != .repossession: return (.repossessed, nil)
        case .foreclosure where previous != .foreclosure: return (.foreclosed, nil)
        case .voluntarySurrender where previous != .voluntarySurrender: return (.surrendered, nil)
        default: break
        }
        return nil
    }

    /// `YYYY-MM` of a date.
    static func yearMonth(_ date: CalendarDate) -> YearMonth {
        YearMonth(unchecked: String(date.rawValue.prefix(7)))
    }
}

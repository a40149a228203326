import CredenceProtocol

/// The commerce features of one file: pay-later instalments, chargebacks the consumer lost, failed payments
/// and the length of the marketplace history. An event counted once however many batches repeat it.
struct CommerceFeatures {
    let asOf: CivilDay
    /// The last second of the as-of day: events up to it are known.
    let endOfDay: Int64
    let batches: BatchContext

    /// An instalment is late when paid more than a day after it was due (time zones and processing).
    static let lateAfterSeconds: Int64 = 86_400
    /// And missed when still unpaid 30 days after it was due.
    static let missedAfterSeconds: Int64 = 30 * 86_400

    private struct InstallmentKey: Hashable {
        let schedule: Int32
        let sequence: Int
    }

    private struct InstallmentState {
        var dueAt: Int64
        var dueOn: CivilDay
        var paidAt: Int64?
        var batches = BatchSet()
    }

    func compute(_ events: [CommerceFact], into features: inout PersonFeatures) {
        // Known events, by time: a repeated event (a replayed or re-read batch) is then next to its first copy.
        let known = events.filter { batches.isKnown($0.stamp) && $0.occurredAt <= endOfDay }
            .sorted { $0.occurredAt < $1.occurredAt }
        var earliest: (day: CivilDay, batch: Int32)?
        var recent = BatchSet()
        var chargebacksLost = 0
        var failedPayments = 0
        var installments: [InstallmentKey: InstallmentState] = [:]
        var sameTime = 0
        for (index, fact) in known.enumerated() {
            let batch = fact.stamp.batch
            let inWindow = fact.occurredOn.wholeMonths(until: asOf) < 24
            if inWindow { recent.insert(batch) }
            if index == 0 || fact.occurredAt != known[index - 1].occurredAt { sameTime = index }
            // A repeat's batch is evidence, not a new event.
            if known[sameTime..<index].contains(where: fact.isSameEvent) { continue }
            if earliest == nil { earliest = (fact.occurredOn, batch) }
            switch fact.event {
            case .chargebackClosed where inWindow && fact.outcome == .won:
                // `won` is the merchant's win: the consumer lost. lost, accepted and prevented are the
                // consumer's wins and are never counted.
                chargebacksLost += 1
            case .paymentFailed where inWindow:
                failedPayments += 1
            case .installmentDue, .installmentPaid:
                guard let installment = fact.installment else { continue }
                let key = InstallmentKey(schedule: installment.schedule, sequence: installment.sequence)
                var state =
                    installments[key] ?? InstallmentState(dueAt: installment.dueAt, dueOn: installment.dueOn)
                if let paidAt = installment.paidAt, paidAt <= endOfDay {
                    state.paidAt = min(state.paidAt ?? paidAt, paidAt)
                }
                state.batches.insert(batch)
                installments[key] = state
            default:
                continue
            }
        }
        guard let earliest else { return }
        var first = BatchSet()
        first.insert(earliest.batch)
        features.set(.commerceHistoryMonths, Double(max(0, earliest.day.wholeMonths(until: asOf))), from: first)
        features.set(.chargebacksLost24m, Double(chargebacksLost), from: recent)
        features.set(.failedPayments24m, Double(failedPayments), from: recent)
        writeInstallments(installments.values, into: &features)
    }

    private func writeInstallments(
        _ installments: Dictionary<InstallmentKey, InstallmentState>.Values, into features: inout PersonFeatures
    ) {
        var (late, missed, onTime) = (0, 0, 0)
        var batches = BatchSet()
        var any = false
        for state in installments where state.dueAt <= endOfDay && state.dueOn.wholeMonths(until: asOf) < 24 {
            any = true
            batches.formUnion(state.batches)
            if let paidAt = state.paidAt {
                if paidAt - state.dueAt > Self.lateAfterSeconds { late += 1 } else { onTime += 1 }
            } else if endOfDay - state.dueAt >= Self.missedAfterSeconds {
                missed += 1
            }
        }
        guard any else { return }
        features.set(.payLaterInstallmentsPaidLate24m, Double(late), from: batches)
        features.set(.payLaterInstallmentsMissed24m, Double(missed), from: batches)
        features.set(.payLaterInstallmentsOnTime24m, Double(onTime), from: batches)
    }
}

import CredenceProtocol

/// Where a fact of a person's file came from: its batch (an index into ``PersonFile/batches``) and its place
/// among the file's facts, which orders the facts of one batch.
struct Stamp: Sendable {
    let batch: Int32
    let ordinal: Int32
}

/// A monthly status reduced to how late the account was: comparable, so "worst" is a maximum.
enum PaymentLevel: Int8, Comparable, Sendable {
    case current = 0
    case days30, days60, days90, days120, days150, days180
    /// Collection, charge-off, repossession, foreclosure, surrender, deed in lieu, government claim.
    case derogatory

    var isDelinquent: Bool { self != .current }

    static func < (lhs: PaymentLevel, rhs: PaymentLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A payment history month; nil for "no data" and "no history", which say nothing about the month.
    init?(_ status: TradelineSnapshot.MonthStatus) {
        switch status {
        case .current, .zeroBalance: self = .current
        case .dpd30: self = .days30
        case .dpd60: self = .days60
        case .dpd90: self = .days90
        case .dpd120: self = .days120
        case .dpd150: self = .days150
        case .dpd180: self = .days180
        case .collection, .foreclosure, .voluntarySurrender, .repossession, .chargeOff: self = .derogatory
        case .noData, .noHistory: return nil
        }
    }

    /// The account status of a snapshot's own month; nil for transfers and paid-after-derogatory statuses,
    /// which say how the account ended, not how that month was paid (the history carries the months before).
    init?(_ status: TradelineSnapshot.AccountStatus) {
        switch status {
        case .paidClosed: self = .current
        case .claimFiled, .deedInLieu: self = .derogatory
        case .paidAfterDerogatory, .transferred: return nil
        default:
            // The other account statuses (current, dpd_30 to dpd_180, collection, charge_off, foreclosure,
            // voluntary_surrender, repossession) are month statuses of the same name.
            guard let month = TradelineSnapshot.MonthStatus(rawValue: status.rawValue) else { return nil }
            self.init(month)
        }
    }

    /// The level a delinquency or derogatory event moves the account to; nil for events that say nothing
    /// about lateness (opened, cured, paid, closed).
    init?(_ event: TradelineEvent) {
        switch event.event {
        case .becameDelinquent, .delinquencyWorsened:
            guard let days = event.daysPastDue, let level = PaymentLevel(rawValue: Int8(clamping: days / 30)),
                level != .current, level != .derogatory
            else { return nil }
            self = level
        case .chargedOff, .sentToCollection, .repossessed, .foreclosed, .surrendered: self = .derogatory
        case .opened, .cured, .paidInFull, .closed: return nil
        }
    }
}

/// How a person takes part in an account, from their subject role on it (batch.md §7 and §10.3).
enum Participation: Int8, Comparable, Sendable {
    /// Authorized user (not liable), business (a commercial account), remove (taken off the account): the
    /// account is not the person's credit and counts for nothing, good or bad.
    case notCounted
    /// Association terminated: the history while they were on the account counts, but the account is no
    /// longer theirs, so it is treated as closed (no utilization).
    case terminated
    /// Individual, joint, co-maker or guarantor, maker, deceased: liable, the account counts fully.
    case liable

    static func < (lhs: Participation, rhs: Participation) -> Bool { lhs.rawValue < rhs.rawValue }

    init(_ role: SubjectRole) {
        switch role {
        case .primary, .joint, .comaker, .maker, .deceased: self = .liable
        case .terminated: self = .terminated
        case .authorizedUser, .business, .remove: self = .notCounted
        }
    }
}

/// What a bankruptcy consumer information indicator (Metro 2 field 38) says; it is sticky until removed.
enum BankruptcySignal: Sendable {
    case none
    /// A-D petition, E-H discharged, I-L dismissed, M-P withdrawn (chapters 7, 11, 12, 13), Z undesignated.
    case reported
    /// Q: removes a previously reported bankruptcy indicator.
    case removed

    init(_ code: RawCode?) {
        guard let code, code.rawValue.utf8.count == 1, let byte = code.rawValue.utf8.first else {
            self = .none
            return
        }
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "P"), UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "p"),
            UInt8(ascii: "z"):
            self = .reported
        case UInt8(ascii: "Q"), UInt8(ascii: "q"): self = .removed
        default: self = .none
        }
    }
}

struct MonthLevel: Sendable {
    let month: Int32
    let level: PaymentLevel
}

/// A `tradeline_snapshot` reduced to what features read; the account is the file's number for its key.
struct SnapshotFact: Sendable {
    let stamp: Stamp
    let account: Int32
    let participation: Participation
    let asOf: CivilDay
    let opened: CivilDay
    let closed: CivilDay?
    let firstDelinquency: CivilDay?
    let portfolio: TradelineSnapshot.Portfolio
    let status: TradelineSnapshot.AccountStatus
    let currency: CurrencyCode
    let creditLimit: Int64?
    let balance: Int64
    /// The snapshot's own month (its status) first, then the payment history profile, most recent first.
    let months: [MonthLevel]
    let bankruptcy: BankruptcySignal

    init(_ snapshot: TradelineSnapshot, account: Int32, participation: Participation, stamp: Stamp) {
        self.stamp = stamp
        self.account = account
        self.participation = participation
        asOf = CivilDay(snapshot.asOf)
        opened = CivilDay(snapshot.openedOn)
        closed = snapshot.closedOn.map(CivilDay.init)
        firstDelinquency = snapshot.firstDelinquencyOn.map(CivilDay.init)
        portfolio = snapshot.portfolio
        status = snapshot.status
        currency = snapshot.currency
        creditLimit = snapshot.creditLimit
        balance = snapshot.balance
        var months: [MonthLevel] = []
        months.reserveCapacity(snapshot.paymentHistory.count + 1)
        if let level = PaymentLevel(snapshot.status) {
            months.append(MonthLevel(month: Int32(asOf.monthNumber), level: level))
        }
        for entry in snapshot.paymentHistory {
            guard let level = PaymentLevel(entry.status) else { continue }
            months.append(MonthLevel(month: Int32(Digits.monthNumber(entry.month)), level: level))
        }
        self.months = months
        bankruptcy = BankruptcySignal(snapshot.consumerInformationRaw)
    }

    /// Whether the account is derogatory now or was before it was paid.
    var isDerogatoryStatus: Bool {
        status == .paidAfterDerogatory || PaymentLevel(status) == .derogatory
    }

    /// Open and reporting a payment status (not closed, paid, transferred or written off).
    var isOpen: Bool {
        guard closed == nil else { return false }
        switch status {
        case .current, .dpd30, .dpd60, .dpd90, .dpd120, .dpd150, .dpd180: return true
        default: return false
        }
    }
}

/// A `tradeline_event` that moves an account to a past-due or derogatory level in a month.
struct DelinquencyEventFact: Sendable {
    let stamp: Stamp
    let account: Int32
    let month: Int32
    let level: PaymentLevel
}

/// An `account_key_change`: the two keys (as the file's numbers) name one account.
struct KeyChangeFact: Sendable {
    let stamp: Stamp
    let old: Int32
    let new: Int32
}

/// A `deletion` of an account, or of the person from it.
struct DeletionFact: Sendable {
    let stamp: Stamp
    let account: Int32
}

/// A `commerce_event`; orders and schedules are the file's numbers for their keys, so that comparing two
/// events (to count a repeated one once) compares integers.
struct CommerceFact: Sendable {
    let stamp: Stamp
    let event: CommerceEvent.EventType
    let order: Int32
    let occurredAt: Int64
    let occurredOn: CivilDay
    let outcome: CommerceEvent.Chargeback.Outcome?
    let installment: InstallmentFact?

    init(_ event: CommerceEvent, order: Int32, schedule: Int32?, stamp: Stamp) {
        self.stamp = stamp
        self.event = event.event
        self.order = order
        occurredAt = Digits.seconds(event.occurredAt)
        occurredOn = CivilDay(event.occurredAt)
        outcome = event.chargeback?.outcome
        if let installment = event.installment, let schedule {
            self.installment = InstallmentFact(installment, schedule: schedule)
        } else {
            installment = nil
        }
    }

    /// The same event, whichever batch it came in.
    func isSameEvent(as other: CommerceFact) -> Bool {
        occurredAt == other.occurredAt && order == other.order && event == other.event && outcome == other.outcome
            && installment == other.installment
    }
}

struct InstallmentFact: Sendable, Equatable {
    let schedule: Int32
    let sequence: Int
    let dueAt: Int64
    let dueOn: CivilDay
    let paidAt: Int64?

    init(_ installment: CommerceEvent.Installment, schedule: Int32) {
        self.schedule = schedule
        sequence = installment.sequence
        dueAt = Digits.seconds(installment.dueAt)
        dueOn = CivilDay(installment.dueAt)
        paidAt = installment.paidAt.map(Digits.seconds)
    }
}

struct SocialFact: Sendable {
    let stamp: Stamp
    let account: Int32
    /// `oidc:<issuer>` platforms are identity providers: they verify identity and have no change history;
    /// the others (`x`) export their accounts' email and phone changes (batch.md §8.5, §10.7).
    let isIdentityProvider: Bool
    let observedAt: Int64
    let createdOn: CivilDay?
    let verification: SocialAccountFact.IdentityVerification.Level?
    /// Email and phone changes (handle changes are not contact changes).
    let contactChanges: [ContactChange]

    struct ContactChange: Sendable, Hashable {
        let type: SocialAccountFact.IdentifierChange.ChangeType
        let changedAt: Int64
        let changedOn: CivilDay
    }

    init(_ fact: SocialAccountFact, account: Int32, stamp: Stamp) {
        self.stamp = stamp
        self.account = account
        isIdentityProvider = fact.platform.rawValue.hasPrefix("oidc:")
        observedAt = Digits.seconds(fact.observedAt)
        createdOn = fact.accountCreatedAt.map(CivilDay.init)
        verification = fact.identityVerification?.level
        contactChanges = fact.identifierChanges.compactMap { change in
            guard change.type != .handle else { return nil }
            return ContactChange(
                type: change.type, changedAt: Digits.seconds(change.changedAt), changedOn: CivilDay(change.changedAt))
        }
    }
}

extension SocialAccountFact.IdentityVerification.Level {
    /// Strength of the verification: 0 none; 1 checked against an electronic record or a bank account; 2 an
    /// identity document examined; 3 an electronic ID or a check in person.
    var strength: Int {
        switch self {
        case .none: 0
        case .electronicRecord, .bank: 1
        case .document: 2
        case .eid, .inPerson: 3
        }
    }
}

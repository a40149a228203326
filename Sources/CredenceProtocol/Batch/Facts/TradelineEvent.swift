/// A change in a credit account that the lending adapter derived from one Metro 2 snapshot: what happened in
/// the month of the snapshot's `as_of`, compared with the month before (the first byte of the payment
/// history profile), plus the account's opening and closing.
///
/// Each snapshot yields only the events of its own month, so a lender's monthly files never restate an
/// event twice, and a consumer of the federation reads change directly instead of diffing snapshots.
public struct TradelineEvent: Codable, Sendable, Equatable {
    public var furnisherID: RawCode
    /// Token of type `account_key`, the same as the snapshot's.
    public var accountKey: Token
    public var event: TradelineEventType
    /// The month the change happened (the month of the snapshot's `as_of`).
    public var month: YearMonth
    /// For `became_delinquent` and `delinquency_worsened` only: 30, 60, 90, 120, 150 or 180.
    public var daysPastDue: Int?
    /// The Metro 2 account status of the snapshot the event was derived from (`71`).
    public var statusRaw: RawCode

    public init(
        furnisherID: RawCode, accountKey: Token, event: TradelineEventType, month: YearMonth, daysPastDue: Int? = nil,
        statusRaw: RawCode
    ) {
        self.furnisherID = furnisherID
        self.accountKey = accountKey
        self.event = event
        self.month = month
        self.daysPastDue = daysPastDue
        self.statusRaw = statusRaw
    }

    /// The days-past-due levels of Metro 2 (statuses 71-84 and payment history bytes 1-6).
    public static let delinquencyLevels: Set<Int> = [30, 60, 90, 120, 150, 180]

    func validate(at pointer: @autoclosure () -> JSONPointer, into errors: inout [ProtocolError]) {
        // Built only for an error: most events are valid.
        func here() -> JSONPointer { pointer().appending("days_past_due") }
        switch (event.isDelinquency, daysPastDue) {
        case (true, nil):
            errors.append(.init(.schemaInvalid, "\(here()): required for a \(event.rawValue) event", pointer: here()))
        case (true, let days?) where !Self.delinquencyLevels.contains(days):
            errors.append(
                .init(.schemaInvalid, "\(here()): \(days) is not one of 30, 60, 90, 120, 150, 180", pointer: here()))
        case (false, .some):
            errors.append(.init(.schemaInvalid, "\(here()): only for delinquency events", pointer: here()))
        default: break
        }
    }
}

public enum TradelineEventType: String, Codable, Sendable, CaseIterable {
    case opened
    /// From current (or no history) to 30 days or more past due.
    case becameDelinquent = "became_delinquent"
    /// From one past-due level to a worse one.
    case delinquencyWorsened = "delinquency_worsened"
    /// From past due back to current.
    case cured
    case chargedOff = "charged_off"
    case sentToCollection = "sent_to_collection"
    case repossessed
    case foreclosed
    case surrendered
    /// Paid in full or closed with a zero balance (statuses 13, 61-65).
    case paidInFull = "paid_in_full"
    case closed

    /// Whether the event carries `days_past_due`.
    public var isDelinquency: Bool { self == .becameDelinquent || self == .delinquencyWorsened }
}

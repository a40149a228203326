/// One payment-relevant event of a marketplace order. Line items and product titles are never sent:
/// what someone buys can reveal health, religion and other protected traits.
public struct CommerceEvent: Codable, Sendable, Equatable {
    public var event: EventType
    public var occurredAt: Timestamp
    /// Token of type `order_key` over `partner_id:order_id`.
    public var orderKey: Token
    /// Integer minor units of ``currency``; never negative (a refund's direction is its event type).
    public var amount: Int64
    public var currency: CurrencyCode
    public var paymentMethod: PaymentMethod
    public var bnplProvider: RawCode?
    public var financialStatusRaw: RawCode?
    public var chargeback: Chargeback?
    public var installment: Installment?

    public init(
        event: EventType, occurredAt: Timestamp, orderKey: Token, amount: Int64, currency: CurrencyCode,
        paymentMethod: PaymentMethod, bnplProvider: RawCode? = nil, financialStatusRaw: RawCode? = nil,
        chargeback: Chargeback? = nil, installment: Installment? = nil
    ) {
        self.event = event
        self.occurredAt = occurredAt
        self.orderKey = orderKey
        self.amount = amount
        self.currency = currency
        self.paymentMethod = paymentMethod
        self.bnplProvider = bnplProvider
        self.financialStatusRaw = financialStatusRaw
        self.chargeback = chargeback
        self.installment = installment
    }

    public enum EventType: String, Codable, Sendable, CaseIterable {
        case orderPlaced = "order_placed"
        case orderCancelled = "order_cancelled"
        case paymentAuthorized = "payment_authorized"
        case paymentCaptured = "payment_captured"
        case paymentFailed = "payment_failed"
        case refund
        case chargebackOpened = "chargeback_opened"
        case chargebackClosed = "chargeback_closed"
        case installmentDue = "installment_due"
        case installmentPaid = "installment_paid"
    }

    public enum PaymentMethod: String, Codable, Sendable, CaseIterable {
        case card, bnpl, wallet, cod
        case bankTransfer = "bank_transfer"
        case storeCredit = "store_credit"
        case giftCard = "gift_card"
        case other
    }

    public struct Chargeback: Codable, Sendable, Equatable {
        public var reason: Reason
        public var reasonRaw: RawCode
        public var networkReasonCode: RawCode?
        public var statusRaw: RawCode
        /// Only a chargeback the consumer lost says anything about them; one they won is never scored.
        public var outcome: Outcome?

        public init(
            reason: Reason, reasonRaw: RawCode, networkReasonCode: RawCode? = nil, statusRaw: RawCode,
            outcome: Outcome? = nil
        ) {
            self.reason = reason
            self.reasonRaw = reasonRaw
            self.networkReasonCode = networkReasonCode
            self.statusRaw = statusRaw
            self.outcome = outcome
        }

        public enum Reason: String, Codable, Sendable, CaseIterable {
            case fraud, duplicate, general, unrecognized, other
            case notReceived = "not_received"
            case notAsDescribed = "not_as_described"
            case creditNotProcessed = "credit_not_processed"
            case subscriptionCanceled = "subscription_canceled"
        }

        public enum Outcome: String, Codable, Sendable {
            case won, lost, accepted, prevented
        }
    }

    public struct Installment: Codable, Sendable, Equatable {
        public var scheduleKey: Token
        public var sequence: Int
        public var dueAt: Timestamp
        public var paidAt: Timestamp?

        public init(scheduleKey: Token, sequence: Int, dueAt: Timestamp, paidAt: Timestamp? = nil) {
            self.scheduleKey = scheduleKey
            self.sequence = sequence
            self.dueAt = dueAt
            self.paidAt = paidAt
        }
    }

    func validate(at pointer: @autoclosure () -> JSONPointer, into errors: inout [ProtocolError]) {
        if amount < 0 {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/amount: must not be negative", pointer: pointer().appending("amount"))
            )
        }
        if bnplProvider != nil && paymentMethod != .bnpl {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/bnpl_provider: only with payment_method bnpl",
                    pointer: pointer().appending("bnpl_provider")))
        }
        let isChargeback = event == .chargebackOpened || event == .chargebackClosed
        if isChargeback != (chargeback != nil) {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/chargeback: required exactly for chargeback events",
                    pointer: pointer().appending("chargeback")))
        }
        let isInstallment = event == .installmentDue || event == .installmentPaid
        if isInstallment != (installment != nil) {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/installment: required exactly for installment events",
                    pointer: pointer().appending("installment")))
        }
        if let installment, installment.sequence < 1 {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/installment/sequence: starts at 1",
                    pointer: pointer().appending("installment").appending("sequence")))
        }
        if event == .installmentPaid, installment?.paidAt == nil {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/installment/paid_at: required for installment_paid",
                    pointer: pointer().appending("installment").appending("paid_at")))
        }
    }
}

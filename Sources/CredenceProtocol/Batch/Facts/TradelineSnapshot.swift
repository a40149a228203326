/// One credit account as of one date (a Metro 2 base segment): the lender restates the whole account
/// every month, so facts about change are derived by comparing snapshots.
///
/// Amounts are integer minor units of ``currency`` (Metro 2 reports whole dollars: 1234 USD is 123400).
public struct TradelineSnapshot: Codable, Sendable, Equatable {
    /// The furnisher's identification number (a business identifier, not personal data).
    public var furnisherID: RawCode
    /// Token of type `account_key` over `furnisher_id:account_number`.
    public var accountKey: Token
    public var portfolio: Portfolio
    public var portfolioRaw: RawCode
    /// The Metro 2 account type code (`18` credit card, `00` auto, ...).
    public var accountTypeRaw: RawCode
    /// The date of account information: every other field is as of this day.
    public var asOf: CalendarDate
    public var openedOn: CalendarDate
    public var closedOn: CalendarDate?
    public var lastPaymentOn: CalendarDate?
    /// Drives the seven-year exclusion of negative information.
    public var firstDelinquencyOn: CalendarDate?
    public var currency: CurrencyCode
    public var creditLimit: Int64?
    public var originalAmount: Int64?
    public var scheduledPayment: Int64?
    public var actualPayment: Int64?
    public var balance: Int64
    public var pastDue: Int64
    public var chargeOffAmount: Int64?
    public var termsDurationRaw: RawCode?
    public var termsFrequencyRaw: RawCode?
    public var status: AccountStatus
    public var statusRaw: RawCode
    public var paymentRatingRaw: RawCode?
    /// Up to 24 months, most recent first; the first is the month before ``asOf``.
    public var paymentHistory: [PaymentHistoryMonth]
    public var specialCommentRaw: RawCode?
    /// Sticky until a removal code arrives (`XR`).
    public var complianceConditionRaw: RawCode?
    /// Sticky until a removal code arrives (`Q`, ...): bankruptcy and similar.
    public var consumerInformationRaw: RawCode?
    /// The consumer disputes the account (compliance condition XB, XC, XF, XG, XH).
    public var disputed: Bool
    /// This snapshot replaces an earlier report for the same period.
    public var correction: Bool
    public var interestType: InterestType?

    public init(
        furnisherID: RawCode, accountKey: Token, portfolio: Portfolio, portfolioRaw: RawCode, accountTypeRaw: RawCode,
        asOf: CalendarDate, openedOn: CalendarDate, closedOn: CalendarDate? = nil, lastPaymentOn: CalendarDate? = nil,
        firstDelinquencyOn: CalendarDate? = nil, currency: CurrencyCode, creditLimit: Int64? = nil,
        originalAmount: Int64? = nil, scheduledPayment: Int64? = nil, actualPayment: Int64? = nil, balance: Int64,
        pastDue: Int64, chargeOffAmount: Int64? = nil, termsDurationRaw: RawCode? = nil,
        termsFrequencyRaw: RawCode? = nil, status: AccountStatus, statusRaw: RawCode, paymentRatingRaw: RawCode? = nil,
        paymentHistory: [PaymentHistoryMonth] = [], specialCommentRaw: RawCode? = nil,
        complianceConditionRaw: RawCode? = nil, consumerInformationRaw: RawCode? = nil, disputed: Bool = false,
        correction: Bool = false, interestType: InterestType? = nil
    ) {
        self.furnisherID = furnisherID
        self.accountKey = accountKey
        self.portfolio = portfolio
        self.portfolioRaw = portfolioRaw
        self.accountTypeRaw = accountTypeRaw
        self.asOf = asOf
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.lastPaymentOn = lastPaymentOn
        self.firstDelinquencyOn = firstDelinquencyOn
        self.currency = currency
        self.creditLimit = creditLimit
        self.originalAmount = originalAmount
        self.scheduledPayment = scheduledPayment
        self.actualPayment = actualPayment
        self.balance = balance
        self.pastDue = pastDue
        self.chargeOffAmount = chargeOffAmount
        self.termsDurationRaw = termsDurationRaw
        self.termsFrequencyRaw = termsFrequencyRaw
        self.status = status
        self.statusRaw = statusRaw
        self.paymentRatingRaw = paymentRatingRaw
        self.paymentHistory = paymentHistory
        self.specialCommentRaw = specialCommentRaw
        self.complianceConditionRaw = complianceConditionRaw
        self.consumerInformationRaw = consumerInformationRaw
        self.disputed = disputed
        self.correction = correction
        self.interestType = interestType
    }

    public enum Portfolio: String, Codable, Sendable, CaseIterable {
        case lineOfCredit = "line_of_credit"
        case installment, mortgage, open, revolving, lease
    }

    public enum InterestType: String, Codable, Sendable {
        case fixed, variable
    }

    public enum AccountStatus: String, Codable, Sendable, CaseIterable {
        case current
        case dpd30 = "dpd_30"
        case dpd60 = "dpd_60"
        case dpd90 = "dpd_90"
        case dpd120 = "dpd_120"
        case dpd150 = "dpd_150"
        case dpd180 = "dpd_180"
        case collection
        case chargeOff = "charge_off"
        case foreclosure
        case voluntarySurrender = "voluntary_surrender"
        case repossession
        case paidClosed = "paid_closed"
        case paidAfterDerogatory = "paid_after_derogatory"
        case transferred
        case claimFiled = "claim_filed"
        case deedInLieu = "deed_in_lieu"
    }

    /// One month of the payment history profile.
    public struct PaymentHistoryMonth: Codable, Sendable, Equatable {
        public var month: YearMonth
        public var status: MonthStatus
        /// The Metro 2 profile character (`0`-`6`, `B`, `D`, `E`, `G`, `H`, `J`, `K`, `L`).
        public var statusRaw: RawCode

        public init(month: YearMonth, status: MonthStatus, statusRaw: RawCode) {
            self.month = month
            self.status = status
            self.statusRaw = statusRaw
        }
    }

    public enum MonthStatus: String, Codable, Sendable, CaseIterable {
        case current
        case dpd30 = "dpd_30"
        case dpd60 = "dpd_60"
        case dpd90 = "dpd_90"
        case dpd120 = "dpd_120"
        case dpd150 = "dpd_150"
        case dpd180 = "dpd_180"
        case zeroBalance = "zero_balance"
        case collection
        case foreclosure
        case voluntarySurrender = "voluntary_surrender"
        case repossession
        case chargeOff = "charge_off"
        case noData = "no_data"
        case noHistory = "no_history"
    }

    func validate(at pointer: @autoclosure () -> JSONPointer, into errors: inout [ProtocolError]) {
        let amounts: [(String, Int64?)] = [
            ("credit_limit", creditLimit), ("original_amount", originalAmount),
            ("scheduled_payment", scheduledPayment), ("actual_payment", actualPayment), ("balance", balance),
            ("past_due", pastDue), ("charge_off_amount", chargeOffAmount),
        ]
        for (name, amount) in amounts {
            if let amount, amount < 0 {
                errors.append(
                    .init(
                        .schemaInvalid, "\(pointer())/\(name): must not be negative", pointer: pointer().appending(name)
                    ))
            }
        }
        if openedOn > asOf {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/opened_on: is after as_of", pointer: pointer().appending("opened_on"))
            )
        }
        if let closedOn, closedOn < openedOn {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/closed_on: is before opened_on",
                    pointer: pointer().appending("closed_on")
                ))
        }
        if paymentHistory.count > 24 {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/payment_history: has more than 24 months",
                    pointer: pointer().appending("payment_history")))
        }
        for (index, month) in paymentHistory.enumerated()
        where index > 0 && !(month.month < paymentHistory[index - 1].month) {
            let here = pointer().appending("payment_history").appending(index: index)
            errors.append(.init(.schemaInvalid, "\(here)/month: months must be most recent first", pointer: here))
        }
    }
}

/// The credit products the simulated lenders offer, with their Metro 2 portfolio and account types.
enum CreditProduct: Sendable, CaseIterable {
    case creditCard
    case autoLoan
    case personalLoan
    case payLaterPlan

    /// Metro 2 portfolio type: R revolving, I installment.
    var portfolioType: String { self == .creditCard ? "R" : "I" }

    /// Metro 2 account type: 18 credit card, 00 auto, 01 unsecured loan.
    var accountType: String {
        switch self {
        case .creditCard: "18"
        case .autoLoan: "00"
        case .personalLoan, .payLaterPlan: "01"
        }
    }

    var isRevolving: Bool { self == .creditCard }

    /// The status an account takes when it is charged off: repossession for secured auto loans.
    var chargeOffStatus: String { self == .autoLoan ? "96" : "97" }

    /// The payment history code of a charged-off month: K repossession, L charge-off.
    var chargeOffHistoryCode: Character { self == .autoLoan ? "K" : "L" }
}

/// An account's condition at the end of a month.
enum AccountCondition: Sendable, Equatable {
    /// 0 current; 1...6 = 30, 60, 90, 120, 150, 180+ days past due.
    case open(daysPastDueBucket: Int)
    case chargedOff
    /// Paid in full and closed (after the month it was paid off, the lender stops reporting it).
    case paidOff
    /// A charge-off the consumer settled.
    case settledAfterChargeOff
}

/// One month of an account's life, as the lender's books show it at the month's end.
struct AccountMonth: Sendable, Equatable {
    let month: SimulationMonth
    let condition: AccountCondition
    let balance: Int
    let pastDue: Int
    let scheduledPayment: Int
    let actualPayment: Int
    let lastPaymentDay: SimulationDay?
    /// The first month of the current run of delinquency (Metro 2 date of first delinquency).
    let firstDelinquency: SimulationDay?
    /// The balance at charge-off, once charged off.
    let chargeOffAmount: Int
    /// No data for this month in the lender's history (Metro 2 PHP code D).
    let noData: Bool
}

/// Someone else on an account: a joint holder (ECOA 2) or an authorized user (ECOA 3).
struct AssociatedConsumer: Sendable, Equatable {
    let personIndex: Int
    let ecoaCode: String
}

/// One credit account of one person at one lender, with its simulated month-by-month history.
struct CreditAccount: Sendable {
    let lenderOrdinal: Int
    let accountNumber: String
    let product: CreditProduct
    let opened: SimulationDay
    let creditLimit: Int
    let originalAmount: Int
    /// Months for instalment products.
    let termMonths: Int?
    let associated: AssociatedConsumer?
    /// From the opening month (or a warm-up start for old accounts) to the end of the period.
    let months: [AccountMonth]

    func month(_ month: SimulationMonth) -> AccountMonth? {
        guard let first = months.first, month >= first.month else { return nil }
        let offset = month.index - first.month.index
        return offset < months.count ? months[offset] : nil
    }
}

public import CredenceProtocol

/// The normative Metro 2 code mappings of `protocol/batch.md` section 10. A code that is not listed has no
/// v1 mapping: the record is quarantined rather than guessed at.
public enum LendingCodes {
    /// What an account status (17A) becomes: a snapshot status, or a deletion of the account.
    public enum StatusMapping: Sendable, Equatable {
        case snapshot(TradelineSnapshot.AccountStatus)
        case deletion(Deletion.Reason)
    }

    /// Section 10.1.
    public static let accountStatuses: [String: StatusMapping] = [
        "05": .snapshot(.transferred),
        "11": .snapshot(.current),
        "13": .snapshot(.paidClosed),
        "61": .snapshot(.paidAfterDerogatory),
        "62": .snapshot(.paidAfterDerogatory),
        "63": .snapshot(.paidAfterDerogatory),
        "64": .snapshot(.paidAfterDerogatory),
        "65": .snapshot(.paidAfterDerogatory),
        "71": .snapshot(.dpd30),
        "78": .snapshot(.dpd60),
        "80": .snapshot(.dpd90),
        "82": .snapshot(.dpd120),
        "83": .snapshot(.dpd150),
        "84": .snapshot(.dpd180),
        "88": .snapshot(.claimFiled),
        "89": .snapshot(.deedInLieu),
        "93": .snapshot(.collection),
        "94": .snapshot(.foreclosure),
        "95": .snapshot(.voluntarySurrender),
        "96": .snapshot(.repossession),
        "97": .snapshot(.chargeOff),
        "DA": .deletion(.error),
        "DF": .deletion(.fraud),
    ]

    /// Section 10.2: payment history profile bytes.
    public static let monthStatuses: [Character: TradelineSnapshot.MonthStatus] = [
        "0": .current, "1": .dpd30, "2": .dpd60, "3": .dpd90, "4": .dpd120, "5": .dpd150, "6": .dpd180,
        "B": .noHistory, "D": .noData, "E": .zeroBalance, "G": .collection, "H": .foreclosure,
        "J": .voluntarySurrender, "K": .repossession, "L": .chargeOff,
    ]

    /// Section 10.3: ECOA codes of the base, J1 and J2 consumers.
    public static let roles: [String: SubjectRole] = [
        "1": .primary, "2": .joint, "3": .authorizedUser, "5": .comaker, "7": .maker, "T": .terminated,
        "W": .business, "X": .deceased, "Z": .remove,
    ]

    /// Section 10.4.
    public static let portfolios: [String: TradelineSnapshot.Portfolio] = [
        "C": .lineOfCredit, "I": .installment, "M": .mortgage, "O": .open, "R": .revolving, "L": .lease,
    ]

    /// Compliance condition codes that mean the consumer disputes the account (section 8.1 `disputed`).
    public static let disputeConditions: Set<String> = ["XB", "XC", "XF", "XG", "XH"]

    /// Interest type indicator (28).
    public static let interestTypes: [String: TradelineSnapshot.InterestType] = ["F": .fixed, "V": .variable]

    /// Days past due of the delinquent statuses, by their wire name: account statuses (71-84) and month
    /// statuses (PHP bytes 1-6) share the names `dpd_30` ... `dpd_180`.
    private static let delinquencyDays: [String: Int] = [
        "dpd_30": 30, "dpd_60": 60, "dpd_90": 90, "dpd_120": 120, "dpd_150": 150, "dpd_180": 180,
    ]

    /// Days past due of a delinquent account status (71-84); nil for every other status.
    public static func daysPastDue(_ status: TradelineSnapshot.AccountStatus) -> Int? {
        delinquencyDays[status.rawValue]
    }

    /// Days past due of a month's status: 0 when current (or zero balance and current), 30-180 when past
    /// due; nil for the other month statuses.
    public static func daysPastDue(_ status: TradelineSnapshot.MonthStatus) -> Int? {
        status == .current || status == .zeroBalance ? 0 : delinquencyDays[status.rawValue]
    }

    /// The listed codes of a table, sorted, for messages (`expected one of 05, 11, 13, ...`).
    static func listed(_ codes: some Sequence<String>) -> String {
        codes.sorted().joined(separator: ", ")
    }
}

public import CredenceProtocol

/// Every credit feature the federation computes, in catalog order: the order of ``FeatureVector`` values, of
/// the columns `credence features` writes, and of `docs/features.md`. Scorecard model files name features by
/// ``name``, so names never change; a new feature is appended.
///
/// Protected traits and their proxies (sex, marital status, age, race, ethnicity, religion, national origin,
/// health, political or union membership, post or message content, the social graph, location) and what a
/// consumer does to defend themselves (disputes filed, chargebacks they won) are not features and have no case
/// here: nothing can compute them, so no model can name them.
public enum CreditFeature: Int, CaseIterable, Sendable, Hashable, Comparable {
    // Payment history (lending).
    case worstStatus24m
    case months30DaysLate24m
    case months60DaysLate24m
    case months90PlusDaysLate24m
    case monthsSinceLastDelinquency
    case derogatoryAccounts
    case bankruptcyOnFile
    // Amounts owed (lending).
    case revolvingUtilization
    case maxLineUtilization
    // Length of history, new credit, mix (lending and inquiries).
    case oldestAccountMonths
    case averageAccountMonths
    case accountsOpened12m
    case inquiries12m
    case creditMix
    // Pay-later and payment behaviour (commerce).
    case payLaterInstallmentsPaidLate24m
    case payLaterInstallmentsMissed24m
    case payLaterInstallmentsOnTime24m
    case chargebacksLost24m
    case failedPayments24m
    case commerceHistoryMonths
    // Identity and stability (social).
    case identityVerificationLevel
    case platformAccountMonths
    case contactChanges12m
    case monthsSinceContactChange

    /// The stable snake_case name that model files and the feature table use.
    public var name: String { definition.name }

    /// The feature with this catalog name, or nil for a name the catalog does not have.
    public init?(name: String) {
        guard let feature = Self.byName[name] else { return nil }
        self = feature
    }

    public static func < (lhs: CreditFeature, rhs: CreditFeature) -> Bool { lhs.rawValue < rhs.rawValue }

    private static let byName: [String: CreditFeature] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.definition.name, $0) })

    /// What the feature means, where it comes from, and how a model may use it.
    public var definition: FeatureDefinition { Self.definitions[rawValue] }

    private static let definitions: [FeatureDefinition] = allCases.map(\.makeDefinition)

    private var makeDefinition: FeatureDefinition {
        switch self {
        case .worstStatus24m:
            .init(
                "worst_status_24m", .level, .higherIsRiskier, negative: true, [.lending],
                "The worst monthly status of any account in the last 24 months: 0 current, 1-6 for 30, 60, 90, 120, "
                    + "150 and 180+ days past due, 7 derogatory (collection, charge-off, repossession, foreclosure, "
                    + "surrender).")
        case .months30DaysLate24m:
            .init(
                "months_30_days_late_24m", .count, .higherIsRiskier, negative: true, [.lending],
                "Account-months reported 30-59 days past due in the last 24 months.")
        case .months60DaysLate24m:
            .init(
                "months_60_days_late_24m", .count, .higherIsRiskier, negative: true, [.lending],
                "Account-months reported 60-89 days past due in the last 24 months.")
        case .months90PlusDaysLate24m:
            .init(
                "months_90_plus_days_late_24m", .count, .higherIsRiskier, negative: true, [.lending],
                "Account-months reported 90 or more days past due in the last 24 months (derogatory months are "
                    + "counted by derogatory_accounts instead).")
        case .monthsSinceLastDelinquency:
            .init(
                "months_since_last_delinquency", .months, .higherIsSafer, negative: true, [.lending],
                "Months since the most recent month any account was 30+ days past due or derogatory, up to 84: "
                    + "84 means none in the last 7 years.")
        case .derogatoryAccounts:
            .init(
                "derogatory_accounts", .count, .higherIsRiskier, negative: true, [.lending],
                "Accounts charged off, in collection, repossessed, foreclosed or surrendered (also when paid "
                    + "since), whose first delinquency is less than 7 years old.")
        case .bankruptcyOnFile:
            .init(
                "bankruptcy_on_file", .flag, .higherIsRiskier, negative: true, [.lending],
                "1 when an account reports a bankruptcy (consumer information indicator A-P or Z, not removed by "
                    + "Q) first reported less than 10 years ago, else 0.")
        case .revolvingUtilization:
            .init(
                "revolving_utilization", .ratio, .higherIsRiskier, negative: false, [.lending],
                "Total balance over total credit limit of open revolving accounts, summed within one currency; "
                    + "with several currencies, the highest of the per-currency ratios.")
        case .maxLineUtilization:
            .init(
                "max_line_utilization", .ratio, .higherIsRiskier, negative: false, [.lending],
                "The highest balance-to-limit ratio of any one open revolving account.")
        case .oldestAccountMonths:
            .init(
                "oldest_account_months", .months, .higherIsSafer, negative: false, [.lending],
                "Months since the oldest account, open or closed, was opened.")
        case .averageAccountMonths:
            .init(
                "average_account_months", .months, .higherIsSafer, negative: false, [.lending],
                "Mean months since opening over all accounts, open or closed.")
        case .accountsOpened12m:
            .init(
                "accounts_opened_12m", .count, .higherIsRiskier, negative: false, [.lending],
                "Accounts opened in the last 12 months.")
        case .inquiries12m:
            .init(
                "inquiries_12m", .count, .higherIsRiskier, negative: false, [.lending],
                "Credit inquiries recorded on the person's file in the last 12 months.")
        case .creditMix:
            .init(
                "credit_mix", .count, .higherIsSafer, negative: false, [.lending],
                "Distinct portfolio types among all accounts (revolving, installment, mortgage, line of credit, "
                    + "open, lease): 1-6.")
        case .payLaterInstallmentsPaidLate24m:
            .init(
                "pay_later_installments_paid_late_24m", .count, .higherIsRiskier, negative: true, [.commerce],
                "Pay-later and payment-terms instalments due in the last 24 months and paid more than a day "
                    + "after they were due.")
        case .payLaterInstallmentsMissed24m:
            .init(
                "pay_later_installments_missed_24m", .count, .higherIsRiskier, negative: true, [.commerce],
                "Pay-later and payment-terms instalments due in the last 24 months, 30 or more days ago, and "
                    + "still unpaid.")
        case .payLaterInstallmentsOnTime24m:
            .init(
                "pay_later_installments_on_time_24m", .count, .higherIsSafer, negative: false, [.commerce],
                "Pay-later and payment-terms instalments due in the last 24 months and paid by a day after they "
                    + "were due.")
        case .chargebacksLost24m:
            .init(
                "chargebacks_lost_24m", .count, .higherIsRiskier, negative: true, [.commerce],
                "Chargebacks the consumer filed and lost (the merchant won) in the last 24 months; chargebacks "
                    + "the consumer won are never counted.")
        case .failedPayments24m:
            .init(
                "failed_payments_24m", .count, .higherIsRiskier, negative: true, [.commerce],
                "Declined or failed payment attempts in the last 24 months.")
        case .commerceHistoryMonths:
            .init(
                "commerce_history_months", .months, .higherIsSafer, negative: false, [.commerce],
                "Months since the person's first order or payment event at any marketplace.")
        case .identityVerificationLevel:
            .init(
                "identity_verification_level", .level, .higherIsSafer, negative: false, [.social],
                "The strongest identity verification an identity provider reports: 0 none, 1 electronic "
                    + "record or bank, 2 identity document, 3 eID or in person. A paid badge is not verification.")
        case .platformAccountMonths:
            .init(
                "platform_account_months", .months, .higherIsSafer, negative: false, [.social],
                "Months since the oldest platform account was created.")
        case .contactChanges12m:
            .init(
                "contact_changes_12m", .count, .higherIsRiskier, negative: false, [.social],
                "Email address and phone number changes on platform accounts in the last 12 months.")
        case .monthsSinceContactChange:
            .init(
                "months_since_contact_change", .months, .higherIsSafer, negative: false, [.social],
                "Months since the last email or phone change on a platform account, or since the account was "
                    + "created when it never changed.")
        }
    }
}

/// A feature's catalog entry.
public struct FeatureDefinition: Sendable, Hashable {
    /// Stable snake_case name: what scorecard model files and feature tables name.
    public let name: String
    /// One sentence a consumer or an examiner can read.
    public let meaning: String
    /// The kinds of partner whose records feed it.
    public let sourceKinds: [PartnerKind]
    public let unit: FeatureUnit
    /// Which way risk moves with the value, so that fitting can force bins onto a monotonic trend.
    public let riskTrend: RiskTrend
    /// Whether it is made of negative information (delinquencies, derogatory items, lost chargebacks), which
    /// ages off the file: after 7 years, 10 for a bankruptcy (``ObsolescenceRule``).
    public let isNegativeInformation: Bool

    init(
        _ name: String, _ unit: FeatureUnit, _ riskTrend: RiskTrend, negative: Bool, _ sourceKinds: [PartnerKind],
        _ meaning: String
    ) {
        self.name = name
        self.meaning = meaning
        self.sourceKinds = sourceKinds
        self.unit = unit
        self.riskTrend = riskTrend
        self.isNegativeInformation = negative
    }
}

public enum FeatureUnit: String, Sendable, CaseIterable {
    /// How many (accounts, months, events).
    case count
    /// Whole calendar months.
    case months
    /// A balance over a limit: 0 and up (over 1 when over the limit).
    case ratio
    /// An ordered level whose scale the meaning states.
    case level
    /// 0 or 1.
    case flag
}

public enum RiskTrend: String, Sendable, CaseIterable {
    case higherIsRiskier = "higher_is_riskier"
    case higherIsSafer = "higher_is_safer"
}

/// The catalog as a list, for printing and for checking model files.
public enum FeatureCatalog {
    public static var definitions: [FeatureDefinition] { CreditFeature.allCases.map(\.definition) }

    /// The feature names in catalog order: the columns of a feature table after `person_id`.
    public static var names: [String] { CreditFeature.allCases.map(\.name) }
}

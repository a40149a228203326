/// The compared fields, each with ordered comparison levels (best first). A field is *missing* when either
/// record lacks it; missing carries weight 0 by definition (no evidence either way) and is not a level.
public enum LinkageField: String, CaseIterable, Codable, Sendable {
    /// `us_ssn` and `cn_ric` tokens; only tokens of the same type are compared.
    case nationalID = "national_id"
    /// `phone_e164` tokens, with the periods they were seen in (numbers are recycled).
    case phone
    /// `email` tokens, and `email_match` tokens for the same mailbox spelt differently.
    case email
    case platformAccount = "platform_account"
    case paymentFingerprint = "payment_fingerprint"
    /// Dice similarity of name CLKs.
    case name
    /// Dice similarity of birth-date CLKs.
    case birthDate = "birth_date"
    /// Dice similarity of address CLKs.
    case address

    /// Level names, best first, as they appear in models and evidence.
    public var levelNames: [String] {
        switch self {
        case .nationalID, .platformAccount, .paymentFingerprint: ["agree", "disagree"]
        case .phone: ["agree", "agree_disjoint_periods", "disagree"]
        case .email: ["agree", "agree_email_match", "disagree"]
        case .name, .birthDate, .address:
            diceThresholds.map { $0 == 1 ? "exact" : "dice>=" + Self.twoDecimals($0) }
                + ["dice<" + Self.twoDecimals(diceThresholds.last!)]
        }
    }

    /// The most levels any field has: the stride of flat per-level tables.
    static let maximumLevelCount = allCases.map(\.levelNames.count).max()!

    /// Lower bounds of the Dice bands, best first; the last level is everything below the last bound.
    ///
    /// Measured on real encodings (test key): a one-letter typo in a name gives 0.75-0.93 (0.80-0.93 for
    /// names of ten letters or more), a nickname 0.74-0.84, while two members of one family (`John Smith`,
    /// `Mary Smith`) score 0.65-0.75 and unrelated names 0.3-0.4, because bits collide at a 30 % fill; 0.70
    /// keeps most relatives below the third band, and at a shared address that band adds nothing
    /// (`ComparisonVector.isCountedElsewhere`). Birth dates: identical dates have identical bits (1.0), one digit off
    /// scores 0.85-0.86, day and month swapped 0.73, the same year only 0.68, unrelated dates about 0.45.
    /// Addresses: formatting variants normalize to the same bits (1.0); a typo or a neighbour's house number on
    /// the same street scores 0.88-0.95; another street in the same postal area 0.81; the same city 0.68;
    /// another city 0.37-0.43.
    var diceThresholds: [Double] {
        switch self {
        case .name: [0.92, 0.80, 0.70]
        case .birthDate: [1.0, 0.84, 0.70]
        case .address: [1.0, 0.88, 0.78, 0.60]
        case .nationalID, .phone, .email, .platformAccount, .paymentFingerprint: []
        }
    }

    /// Token agreement whose weight is adjusted for how common the agreeing token is.
    var isTermFrequencyAdjusted: Bool {
        switch self {
        case .nationalID, .phone, .email, .paymentFingerprint: true
        case .platformAccount, .name, .birthDate, .address: false
        }
    }

    /// Levels that mean the same token on both sides (the ones term frequencies adjust).
    func isTokenAgreement(_ level: Int) -> Bool {
        switch self {
        case .nationalID, .platformAccount, .paymentFingerprint: level == 0
        case .phone, .email: level <= 1
        case .name, .birthDate, .address: false
        }
    }

    /// Position in `allCases`, used to index per-field arrays.
    var index: Int {
        switch self {
        case .nationalID: 0
        case .phone: 1
        case .email: 2
        case .platformAccount: 3
        case .paymentFingerprint: 4
        case .name: 5
        case .birthDate: 6
        case .address: 7
        }
    }

    private static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
    }
}

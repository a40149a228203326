/// The hard cases of identity resolution the simulator plants, per partner record and per person. Raw
/// values are the ground truth's column names.
public enum HardCase: String, Sendable, CaseIterable {
    /// A household's shared line is the phone on the record (several people, one number).
    case sharedPhone = "shared_phone"
    /// The record's phone was held by another person at another time (carrier recycling).
    case recycledPhone = "recycled_phone"
    /// The person has two customer accounts at the same partner.
    case duplicateAccount = "duplicate_account"
    /// A misspelt name (substitution, transposition, deletion, doubled letter, wrong homophone character).
    case typo
    /// A nickname instead of the given name (`Bill` for `William`).
    case nickname
    /// A PRC person's name in Latin letters where it could have been in Hanzi.
    case transliterated
    /// A romanization other than plain pinyin (`Chan` for 陈, `Xiao-Ming`).
    case romanizationVariant = "romanization_variant"
    /// Given and family names in each other's fields.
    case nameOrderSwapped = "name_order_swapped"
    /// A field the format has (birth date, phone, email, address) left empty.
    case missingField = "missing_field"
    /// An address the person has moved away from.
    case movedAddress = "moved_address"
    /// An email address the person has stopped using.
    case changedEmail = "changed_email"
    /// The same mailbox written differently (Gmail dots, `+tag`, capitals).
    case emailVariant = "email_variant"
    /// The person is the joint holder or authorized user of another person's account.
    case associatedConsumer = "associated_consumer"
    /// A deliberately invalid export row (bad SSN, impossible date) that an adapter must quarantine.
    case invalidRow = "invalid_row"
}

/// A set of hard cases, as bits.
struct HardCaseSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    init(rawValue: UInt32) { self.rawValue = rawValue }

    init(_ hardCase: HardCase) {
        rawValue = 1 << UInt32(HardCase.allCases.firstIndex(of: hardCase)!)
    }

    func contains(_ hardCase: HardCase) -> Bool { contains(HardCaseSet(hardCase)) }

    mutating func insert(_ hardCase: HardCase) { formUnion(HardCaseSet(hardCase)) }

    /// The cases in declaration order.
    var cases: [HardCase] { HardCase.allCases.filter { contains($0) } }

    /// `typo;nickname`, or empty.
    var text: String { cases.map(\.rawValue).joined(separator: ";") }
}

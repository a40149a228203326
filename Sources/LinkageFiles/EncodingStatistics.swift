/// What `credence link` encodes for each row, as counted in the summary.
public enum EncodedElement: String, CaseIterable, Sendable {
    case name
    case birthDate = "birth_date"
    case address
    /// Counted apart from the address: an unusable country is left out and the rest of the address kept.
    case country
    case nationalID = "national_id"
    case phone
    case email
}

/// The counts of one ``EncodedElement`` over a file. Values, not rows: a row may have two phones.
public struct ElementTally: Sendable, Equatable {
    /// Values encoded.
    public var present = 0
    /// For national ids: how many of each token type (`cn_ric`, `us_ssn`) were recognized.
    public var presentByType: [String: Int] = [:]
    /// Values left out, by reason: the normalizers' error codes (`bad_date`, `ambiguous_region`, ...), and
    /// `relay_address` for a relay email (adapters never send those either).
    public var omitted: [String: Int] = [:]

    public init() {}

    public var omittedCount: Int { omitted.values.reduce(0, +) }

    mutating func omit(_ reason: String) { omitted[reason, default: 0] += 1 }

    mutating func merge(_ other: ElementTally) {
        present += other.present
        presentByType.merge(other.presentByType, uniquingKeysWith: +)
        omitted.merge(other.omitted, uniquingKeysWith: +)
    }
}

/// The tallies of every element over a file (or a chunk of it, merged afterwards).
public struct EncodingStatistics: Sendable, Equatable {
    public var rows = 0
    public var tallies: [EncodedElement: ElementTally] = [:]

    public init() {}

    public subscript(element: EncodedElement) -> ElementTally {
        get { tallies[element] ?? ElementTally() }
        set { tallies[element] = newValue }
    }

    mutating func merge(_ other: EncodingStatistics) {
        rows += other.rows
        for (element, tally) in other.tallies { self[element].merge(tally) }
    }
}

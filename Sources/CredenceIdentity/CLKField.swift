/// The quasi-identifier fields that are encoded as Bloom filters, one filter each, and their hash counts.
///
/// ```swift
/// CLKField.name.hashCount  // 30
/// ```
public enum CLKField: String, CaseIterable, Codable, Sendable {
    /// A person's name (given and family names together, order-free).
    case name
    /// A (possibly partial) birth date.
    case birthDate = "birth_date"
    /// A postal address.
    case address

    /// k, the number of bits each feature sets. Chosen so that a typical value fills about 30-40 % of the 1024
    /// bits (fill ≈ 1 − e^(−k·n/1024) for n features): dense enough that every feature leaves a mark, sparse
    /// enough that unrelated values share few bits. name: n ≈ 12-15 padded bigrams -> k = 30; birth date:
    /// n = 11 -> k = 40; address: n ≈ 30 -> k = 15.
    public var hashCount: Int {
        switch self {
        case .name: 30
        case .birthDate: 40
        case .address: 15
        }
    }

    /// The HMAC message that derives the field key from the linkage key: `credence/clk/v1/<field>`.
    public var keyLabel: String { "credence/clk/v1/" + rawValue }
}

/// Counts gathered while generating, summed over chunks, for `README.txt` and `partners.json`.
public struct SimulationStatistics: Sendable, Equatable {
    public var people = 0
    public var households = 0
    /// People per nationality (`CN`, `US`).
    public var peopleByNationality: [String: Int] = [:]
    public var defaults = 0
    /// Units written per partner id (Metro 2 data records, orders, transactions, disputes, charges,
    /// refunds, archives, claims objects).
    public var unitsByPartner: [String: Int] = [:]
    /// Deliberately invalid units per partner id.
    public var invalidUnitsByPartner: [String: Int] = [:]
    /// Rows of `truth/records.csv` per partner id (distinct partner keys).
    public var truthRecordsByPartner: [String: Int] = [:]
    /// People having each hard case in at least one exported record.
    public var peopleByHardCase: [String: Int] = [:]

    public init() {}

    mutating func merge(_ other: SimulationStatistics) {
        people += other.people
        households += other.households
        defaults += other.defaults
        peopleByNationality.merge(other.peopleByNationality, uniquingKeysWith: +)
        unitsByPartner.merge(other.unitsByPartner, uniquingKeysWith: +)
        invalidUnitsByPartner.merge(other.invalidUnitsByPartner, uniquingKeysWith: +)
        truthRecordsByPartner.merge(other.truthRecordsByPartner, uniquingKeysWith: +)
        peopleByHardCase.merge(other.peopleByHardCase, uniquingKeysWith: +)
    }
}

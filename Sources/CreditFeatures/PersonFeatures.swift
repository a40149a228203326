public import CredenceProtocol

/// One value per catalog feature, in ``CreditFeature`` order. nil means missing: the file has no data of the
/// kind the feature reads (no lending account, no marketplace activity...), which is not the same as 0.
public struct FeatureVector: Sendable, Equatable {
    public private(set) var values: [Double?]

    /// All missing.
    public init() {
        values = Array(repeating: nil, count: CreditFeature.allCases.count)
    }

    public subscript(feature: CreditFeature) -> Double? {
        get { values[feature.rawValue] }
        set { values[feature.rawValue] = newValue }
    }

    /// The `inquiries_12m` of a file with these inquiries, as of `asOf`: what a new inquiry changes in a person's
    /// features, the other features staying as they are.
    public static func inquiries12m(_ inquiries: [CalendarDate], asOf: CalendarDate) -> Double {
        FeatureComputation.inquiries12m(inquiries.map(CivilDay.init), asOf: CivilDay(asOf))
    }

    /// A value as text, as feature tables write it and categorical model features read it: integers without a
    /// fraction, others in Swift's shortest exact form, missing as empty.
    public static func text(of value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// A person's features at an as-of date and, for each feature, the batches whose records it was computed
/// from (the score report lists them, so a consumer can dispute the records behind a reason).
public struct PersonFeatures: Sendable {
    public let asOf: CalendarDate
    public internal(set) var vector: FeatureVector
    private let batches: [BatchSource]
    var contributions: [BatchSet]

    init(asOf: CalendarDate, batches: [BatchSource]) {
        self.asOf = asOf
        self.batches = batches
        vector = FeatureVector()
        contributions = Array(repeating: BatchSet(), count: CreditFeature.allCases.count)
    }

    public subscript(feature: CreditFeature) -> Double? { vector[feature] }

    /// The batches whose records the feature's value was computed from, in the order the file first saw them.
    /// Empty for a missing feature and for `inquiries_12m` (inquiries are not partner records).
    public func contributingBatches(to feature: CreditFeature) -> [BatchSource] {
        contributions[feature.rawValue].indices.map { batches[$0] }
    }

    /// The batches any feature was computed from.
    public var contributingBatches: [BatchSource] {
        var all = BatchSet()
        for set in contributions { all.formUnion(set) }
        return all.indices.map { batches[$0] }
    }

    mutating func set(_ feature: CreditFeature, _ value: Double?, from batches: BatchSet) {
        vector[feature] = value
        if value != nil { contributions[feature.rawValue] = batches }
    }
}

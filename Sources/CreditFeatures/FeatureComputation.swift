import CredenceProtocol

/// One computation of a file's features at an as-of day: which batches are known by then and in what order a
/// partner's records apply, handed to the lending, commerce and social features.
struct FeatureComputation {
    let file: PersonFile
    let asOf: CivilDay
    /// The last second of the as-of day: timestamps up to it are known.
    let endOfDay: Int64

    init(file: PersonFile, asOf: CivilDay) {
        self.file = file
        self.asOf = asOf
        endOfDay = Int64(asOf.dayNumber) * 86_400 + 86_399
    }

    /// `inquiries_12m`: inquiries on or before the as-of day, less than 12 whole months before it.
    static func inquiries12m(_ inquiries: [CivilDay], asOf: CivilDay) -> Double {
        Double(inquiries.filter { $0 <= asOf && $0.wholeMonths(until: asOf) < 12 }.count)
    }

    func run(asOf date: CalendarDate) -> PersonFeatures {
        var features = PersonFeatures(asOf: date, batches: file.batches)
        let batches = BatchContext(file.batches, endOfDay: endOfDay)
        var lending = LendingFeatures(asOf: asOf, batches: batches)
        lending.compute(file, into: &features)
        CommerceFeatures(asOf: asOf, endOfDay: endOfDay, batches: batches).compute(file.commerceEvents, into: &features)
        SocialFeatures(asOf: asOf, endOfDay: endOfDay, batches: batches).compute(file.socialFacts, into: &features)
        if let inquiries = file.inquiryDays {
            features.set(.inquiries12m, Self.inquiries12m(inquiries, asOf: asOf), from: BatchSet())
        }
        return features
    }
}

/// What the computation needs to know about the file's batches at the as-of day.
struct BatchContext {
    /// Per batch: accepted by the end of the as-of day, or of unknown acceptance. A batch accepted later was
    /// not known then, whatever its records' dates.
    let known: [Bool]
    /// Per batch: its place in the stream (partner, then `batch_seq`).
    let rank: [Int32]

    init(_ batches: [BatchSource], endOfDay: Int64) {
        known = batches.map { batch in batch.acceptedAt.map { Digits.seconds($0) <= endOfDay } ?? true }
        var rank = [Int32](repeating: 0, count: batches.count)
        let order = batches.indices.sorted { BatchSource.streamOrder(batches[$0], batches[$1]) }
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        self.rank = rank
    }

    func isKnown(_ stamp: Stamp) -> Bool { known[Int(stamp.batch)] }

    /// Where a fact stands in the stream: its batch's rank, then its place among the file's facts.
    func position(_ stamp: Stamp) -> Int64 { Int64(rank[Int(stamp.batch)]) << 32 | Int64(stamp.ordinal) }
}

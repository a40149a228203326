public import CredenceProtocol

/// Everything the federation holds about one person: the records of every partner subject linked to them,
/// each with the batch it came from, and the credit inquiries recorded on the file. Features are computed from
/// it at any as-of date (``features(asOf:)``).
///
/// Records are reduced as they are added: identifiers and encodings are dropped, dates become integers and
/// account, order and platform keys become small numbers of this file, so a file is small and computing
/// features parses and hashes nothing.
///
/// ```swift
/// var file = PersonFile(subjectKeys: [lenderSubject, shopSubject])
/// file.add(batch, batchID: digest, acceptedAt: receipt.acceptedAt)
/// let features = file.features(asOf: try CalendarDate("2025-01-31"))
/// print(features[.revolvingUtilization] ?? "missing", features.contributingBatches(to: .revolvingUtilization))
/// ```
public struct PersonFile: Sendable {
    /// The `subject_key` tokens of the partner subjects linked to the person. A record counts for the person
    /// through the subjects it shares with this set, with the role they have on it.
    public let subjectKeys: Set<Token>
    /// The batches the file's records came from, in the order they were first added.
    public private(set) var batches: [BatchSource] = []
    /// Inquiry dates recorded on the file; nil when not known (then `inquiries_12m` is missing, not 0).
    public var inquiries: [CalendarDate]? {
        didSet { inquiryDays = inquiries.map { $0.map(CivilDay.init) } }
    }
    private(set) var inquiryDays: [CivilDay]?

    private(set) var snapshots: [SnapshotFact] = []
    private(set) var delinquencyEvents: [DelinquencyEventFact] = []
    private(set) var keyChanges: [KeyChangeFact] = []
    private(set) var deletions: [DeletionFact] = []
    private(set) var commerceEvents: [CommerceFact] = []
    private(set) var socialFacts: [SocialFact] = []
    /// Account, order, schedule and platform account keys, numbered from 0 (token types never collide: the
    /// type is inside the HMAC).
    private var keyNumbers: [Token: Int32] = [:]

    public init(subjectKeys: Set<Token>, inquiries: [CalendarDate]? = nil) {
        self.subjectKeys = subjectKeys
        self.inquiries = inquiries
        inquiryDays = inquiries.map { $0.map(CivilDay.init) }
    }

    /// How many facts the file holds (records about the person that carry something features read).
    public var factCount: Int {
        snapshots.count + delinquencyEvents.count + keyChanges.count + deletions.count + commerceEvents.count
            + socialFacts.count
    }

    /// How many distinct keys the facts name.
    var keyCount: Int { keyNumbers.count }

    /// Adds the records of `batch` that are about the person.
    public mutating func add(_ batch: Batch, batchID: SHA256Digest, acceptedAt: Timestamp? = nil) {
        let source = BatchSource(batch, batchID: batchID, acceptedAt: acceptedAt)
        for record in batch.records { add(record, from: source) }
    }

    /// Adds one record from `source` if one of its subjects is the person's; returns whether it did. Adding
    /// the same record again (a replayed batch, a batch read twice) changes no feature.
    @discardableResult
    public mutating func add(_ record: Record, from source: BatchSource) -> Bool {
        var participation: Participation?
        for subject in record.subjects where subjectKeys.contains(subject.subjectKey) {
            participation = max(participation ?? .notCounted, Participation(subject.role))
        }
        guard let participation else { return false }
        switch record.fact {
        case .tradelineEvent(let event) where PaymentLevel(event) == nil:
            return false  // opened, cured, paid, closed: the snapshots say it all
        case .accountKeyChange(let change) where change.newAccountKey == nil:
            return false  // nothing to join (the lending adapter always sends a new key)
        default:
            break
        }
        let stamp = Stamp(batch: Int32(index(of: source)), ordinal: Int32(factCount))
        switch record.fact {
        case .tradelineSnapshot(let snapshot):
            snapshots.append(
                SnapshotFact(
                    snapshot, account: number(snapshot.accountKey), participation: participation, stamp: stamp))
        case .tradelineEvent(let event):
            guard let level = PaymentLevel(event) else { return false }
            delinquencyEvents.append(
                DelinquencyEventFact(
                    stamp: stamp, account: number(event.accountKey), month: Int32(Digits.monthNumber(event.month)),
                    level: level))
        case .accountKeyChange(let change):
            guard let new = change.newAccountKey else { return false }
            keyChanges.append(KeyChangeFact(stamp: stamp, old: number(change.oldAccountKey), new: number(new)))
        case .deletion(let deletion):
            deletions.append(DeletionFact(stamp: stamp, account: number(deletion.accountKey)))
        case .commerceEvent(let event):
            let schedule = event.installment.map { number($0.scheduleKey) }
            commerceEvents.append(CommerceFact(event, order: number(event.orderKey), schedule: schedule, stamp: stamp))
        case .socialAccountFact(let fact):
            socialFacts.append(SocialFact(fact, account: number(fact.platformAccountKey), stamp: stamp))
        }
        return true
    }

    /// The features at the end of `asOf` (a UTC day), from the records dated that day or before, in batches
    /// accepted by then.
    public func features(asOf: CalendarDate) -> PersonFeatures {
        FeatureComputation(file: self, asOf: CivilDay(asOf)).run(asOf: asOf)
    }

    private mutating func index(of source: BatchSource) -> Int {
        // A person's records mostly arrive batch by batch, so the last batch is the usual answer.
        if let last = batches.indices.last, batches[last].batchID == source.batchID { return last }
        if let found = batches.firstIndex(where: { $0.batchID == source.batchID }) { return found }
        batches.append(source)
        return batches.count - 1
    }

    private mutating func number(_ key: Token) -> Int32 {
        if let existing = keyNumbers[key] { return existing }
        let new = Int32(keyNumbers.count)
        keyNumbers[key] = new
        return new
    }
}

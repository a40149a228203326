/// Where scoring and publishing keep their state: which records belong to which partner subject, each
/// person's features and score, the consumers allowed to query scores, and every inquiry they made.
///
/// Scoring trails linking as linking trails ingest: it reads linked batches in log order and commits each step
/// in one transaction that also advances ``ScoringProgress``, so a crash repeats a step and never loses one.
public protocol ScoreStore: Sendable {
    func scoringProgress() async throws(StoreError) -> ScoringProgress
    /// How many persons have a score and how many inquiries were recorded.
    func scoringStatistics() async throws(StoreError) -> (scoredPersons: Int, inquiries: Int)
    /// The records of accepted batches from leaf `start` on, at most `limit` batches, in log order.
    func batchesToScore(from start: Int, limit: Int) async throws(StoreError) -> [BatchToScore]
    /// The persons to score again: those of `subjectKeys` and those named by person events of `leaves`, and
    /// apart from them those with an inquiry after `inquiriesAfter`; with the highest inquiry id seen.
    func affectedPersons(subjectKeys: [String], leaves: Range<Int>, inquiriesAfter: Int64) async throws(StoreError)
        -> AffectedPersons
    /// What scoring needs of each person: subjects, their indexed records with their batches, inquiry dates.
    /// A person without subjects (merged away) comes back with none.
    func scoringInputs(persons: [String]) async throws(StoreError) -> [PersonScoringInput]
    /// Persons with at least one subject, in id order, after `after`: for a full pass.
    func linkedPersons(after: String?, limit: Int) async throws(StoreError) -> [String]
    /// Stored scores in person order after `after`: for re-scoring from stored features.
    func scores(after: String?, limit: Int) async throws(StoreError) -> [StoredScore]
    func score(ofPerson personID: String) async throws(StoreError) -> StoredScore?
    /// Applies one scoring step if the progress is still `expected`; returns false otherwise.
    func commitScoring(_ step: ScoringStep, expecting expected: ScoringProgress) async throws(StoreError) -> Bool
    /// The persons whose subjects carry any of `identifiers`, each with how many of them it carries.
    func persons(matching identifiers: [IdentifierKey]) async throws(StoreError) -> [String: Int]

    func addConsumer(_ consumer: ConsumerRecord) async throws(StoreError)
    func consumers() async throws(StoreError) -> [ConsumerRecord]
    func consumer(id: String) async throws(StoreError) -> ConsumerRecord?
    func consumer(keyDigest: [UInt8]) async throws(StoreError) -> ConsumerRecord?
    func revokeConsumer(id: String, at time: Int64) async throws(StoreError)
    /// Records an inquiry; scoring picks it up (inquiries count in `inquiries_12m`).
    func recordInquiry(_ inquiry: InquiryRecord) async throws(StoreError)
    func inquiries(ofPerson personID: String) async throws(StoreError) -> [InquiryRecord]
}

/// Whom a scoring step must score again, and why.
public struct AffectedPersons: Sendable, Equatable {
    /// Their records or their subjects changed: features are computed again from the file.
    public let byRecords: [String]
    /// Only new inquiries: `inquiries_12m` changes, the other features stay.
    public let byInquiriesOnly: [String]
    /// The highest inquiry id seen.
    public let lastInquiry: Int64

    public init(byRecords: [String], byInquiriesOnly: [String], lastInquiry: Int64) {
        self.byRecords = byRecords
        self.byInquiriesOnly = byInquiriesOnly
        self.lastInquiry = lastInquiry
    }
}

/// How far scoring has got, and with what.
public struct ScoringProgress: Sendable, Equatable {
    /// Leaves 0..<scoredLeaves have been indexed and their persons scored.
    public var scoredLeaves: Int
    /// Inquiries up to this id have been taken into account.
    public var scoredInquiries: Int64
    /// The model the stored scores were computed with, and the features' catalog and as-of date; nil before
    /// the first step.
    public var basis: ScoringBasis?

    public init(scoredLeaves: Int, scoredInquiries: Int64, basis: ScoringBasis?) {
        self.scoredLeaves = scoredLeaves
        self.scoredInquiries = scoredInquiries
        self.basis = basis
    }
}

/// What every stored score was computed with. When the model changes, scores are recomputed from the stored
/// features; when the catalog or the as-of date changes, features are computed again from the records.
public struct ScoringBasis: Sendable, Equatable {
    /// The model version and a digest of the model file.
    public var modelID: String
    /// The feature catalog's names in order, comma-separated.
    public var catalog: String
    public var asOf: String

    public init(modelID: String, catalog: String, asOf: String) {
        self.modelID = modelID
        self.catalog = catalog
        self.asOf = asOf
    }
}

/// One accepted batch's records, as scoring reads them.
public struct BatchToScore: Sendable {
    public let leafIndex: Int
    public let source: StoredBatchSource
    /// Record JSON bodies in batch order.
    public let records: [[UInt8]]

    public init(leafIndex: Int, source: StoredBatchSource, records: [[UInt8]]) {
        self.leafIndex = leafIndex
        self.source = source
        self.records = records
    }
}

/// The batch a stored record came from.
public struct StoredBatchSource: Sendable, Hashable {
    public let batchID: String
    public let partnerID: String
    public let partnerKind: String
    public let sequence: Int64

    public init(batchID: String, partnerID: String, partnerKind: String, sequence: Int64) {
        self.batchID = batchID
        self.partnerID = partnerID
        self.partnerKind = partnerKind
        self.sequence = sequence
    }
}

/// A person's file as scoring reads it.
public struct PersonScoringInput: Sendable {
    public let personID: String
    public let subjectKeys: [String]
    /// Each record once, in log order.
    public let records: [(body: [UInt8], source: StoredBatchSource)]
    /// Days (`YYYY-MM-DD`) of the inquiries on the file.
    public let inquiryDays: [String]

    public init(
        personID: String, subjectKeys: [String], records: [(body: [UInt8], source: StoredBatchSource)],
        inquiryDays: [String]
    ) {
        self.personID = personID
        self.subjectKeys = subjectKeys
        self.records = records
        self.inquiryDays = inquiryDays
    }
}

/// A person's current score and the features behind it.
public struct StoredScore: Sendable, Equatable {
    public let personID: String
    public let modelVersion: String
    public let asOf: String
    public let score: Int
    public let probabilityBad: Double
    /// JSON array of the reasons as the report gives them.
    public let reasons: String
    /// JSON array, one value per catalog feature in catalog order, `null` when missing.
    public let features: String
    /// Sorted batch ids.
    public let contributingBatches: [String]
    /// Seconds since the epoch.
    public let scoredAt: Int64

    public init(
        personID: String, modelVersion: String, asOf: String, score: Int, probabilityBad: Double, reasons: String,
        features: String, contributingBatches: [String], scoredAt: Int64
    ) {
        self.personID = personID
        self.modelVersion = modelVersion
        self.asOf = asOf
        self.score = score
        self.probabilityBad = probabilityBad
        self.reasons = reasons
        self.features = features
        self.contributingBatches = contributingBatches
        self.scoredAt = scoredAt
    }
}

/// A strong identifier of a subject, as its token type and token.
public struct IdentifierKey: Sendable, Hashable {
    public let type: String
    public let token: String

    public init(type: String, token: String) {
        self.type = type
        self.token = token
    }
}

/// What one scoring step changes.
public struct ScoringStep: Sendable {
    /// Progress after the step.
    public var progress: ScoringProgress
    /// Which subjects each newly scored record is about: `(subject key, leaf index, ordinal)`.
    public var subjectRecords: [(subjectKey: String, leafIndex: Int, ordinal: Int)] = []
    /// Strong identifiers newly seen on subjects.
    public var identifiers: [(identifier: IdentifierKey, subjectKey: String)] = []
    /// Scores to store (replacing a person's previous one).
    public var scores: [StoredScore] = []
    /// Persons left without subjects: their scores are removed.
    public var retiredPersons: [String] = []

    public init(progress: ScoringProgress) {
        self.progress = progress
    }
}

/// A consumer allowed to query scores, with the purposes its API key is scoped to. The key itself is never
/// stored: only its SHA-256.
public struct ConsumerRecord: Sendable, Equatable {
    public let id: String
    public let name: String
    public let purposes: [String]
    public let keyDigest: [UInt8]
    public let createdAt: Int64
    public let revokedAt: Int64?

    public init(id: String, name: String, purposes: [String], keyDigest: [UInt8], createdAt: Int64, revokedAt: Int64?) {
        self.id = id
        self.name = name
        self.purposes = purposes
        self.keyDigest = keyDigest
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// A score query recorded on a person's file: who asked, why, when, and the report they got.
public struct InquiryRecord: Sendable, Equatable {
    public let personID: String
    public let consumerID: String
    public let purpose: String
    /// Seconds since the epoch.
    public let inquiredAt: Int64
    public let reportID: String

    public init(personID: String, consumerID: String, purpose: String, inquiredAt: Int64, reportID: String) {
        self.personID = personID
        self.consumerID = consumerID
        self.purpose = purpose
        self.inquiredAt = inquiredAt
        self.reportID = reportID
    }
}

/// Where identity resolution keeps its state: each partner subject's last stated profile and its person, the
/// persons, every change of membership with its evidence, and how far the log has been linked.
///
/// Linking trails ingest: it reads accepted batches in log order and commits each step in one transaction
/// that also advances ``LinkageProgress/linkedLeaves``, so a crash repeats a step instead of losing or
/// doubling it.
public protocol IdentityStore: Sendable {
    func linkageProgress() async throws(StoreError) -> LinkageProgress
    /// Every subject with its profile and person, to rebuild the in-memory linkage index at start.
    func linkedSubjects() async throws(StoreError) -> [LinkedSubject]
    /// The records of accepted batches from leaf `start` on, at most `limit` batches, in log order.
    func batchesToLink(from start: Int, limit: Int) async throws(StoreError) -> [BatchToLink]
    /// Applies one linking step if the progress is still `expected.linkedLeaves`; returns false otherwise.
    func commitLinking(_ step: LinkingStep, expecting linkedLeaves: Int) async throws(StoreError) -> Bool
    /// A person's subjects and the events that concern it, oldest first; nil for an unknown id.
    func personFile(_ personID: String) async throws(StoreError) -> PersonFile?
    func personID(ofSubject subjectKey: String) async throws(StoreError) -> String?
}

/// How far the log has been linked and with which model.
public struct LinkageProgress: Sendable, Equatable {
    /// Leaves 0..<linkedLeaves have been linked.
    public let linkedLeaves: Int
    public let nextPersonNumber: Int
    /// The estimated linkage model (JSON), once there was enough data to estimate one.
    public let model: [UInt8]?
    /// How many subjects the model was estimated on.
    public let modelSubjects: Int

    public init(linkedLeaves: Int, nextPersonNumber: Int, model: [UInt8]?, modelSubjects: Int) {
        self.linkedLeaves = linkedLeaves
        self.nextPersonNumber = nextPersonNumber
        self.model = model
        self.modelSubjects = modelSubjects
    }
}

/// A partner subject as linked: its profile is the wire `SubjectReference` JSON its partner last sent.
public struct LinkedSubject: Sendable, Equatable {
    public let subjectKey: String
    public let partnerID: String
    public let personID: String
    public let profile: [UInt8]
    public let updatedLeaf: Int

    public init(subjectKey: String, partnerID: String, personID: String, profile: [UInt8], updatedLeaf: Int) {
        self.subjectKey = subjectKey
        self.partnerID = partnerID
        self.personID = personID
        self.profile = profile
        self.updatedLeaf = updatedLeaf
    }
}

/// One accepted batch's records, as linking reads them.
public struct BatchToLink: Sendable {
    public let leafIndex: Int
    public let batchID: String
    public let partnerID: String
    /// Record JSON bodies in batch order.
    public let records: [[UInt8]]

    public init(leafIndex: Int, batchID: String, partnerID: String, records: [[UInt8]]) {
        self.leafIndex = leafIndex
        self.batchID = batchID
        self.partnerID = partnerID
        self.records = records
    }
}

/// A change of membership, and why.
public struct PersonEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// A new person, formed by `subjectKey` (and whoever joined it in the same step).
        case created
        /// `subjectKey` joined `personID`, linked to `otherSubjectKey`.
        case joined
        /// `otherPersonID` was merged into `personID`: the link between `subjectKey` and `otherSubjectKey`.
        case merged
        /// `otherPersonID` was split off `personID`: no link strong enough holds them together any more.
        case split
        /// `subjectKey` left `personID` for `otherPersonID`.
        case left
    }

    public let leafIndex: Int
    public let kind: Kind
    public let personID: String
    public let otherPersonID: String?
    public let subjectKey: String?
    public let otherSubjectKey: String?
    /// The match probability of the deciding link (for a split: the best remaining one, below the threshold).
    public let probability: Double?
    /// Per-field evidence of the deciding link, as JSON (an array of field, level, weight, note).
    public let evidence: String

    public init(
        leafIndex: Int, kind: Kind, personID: String, otherPersonID: String? = nil, subjectKey: String? = nil,
        otherSubjectKey: String? = nil, probability: Double? = nil, evidence: String = "[]"
    ) {
        self.leafIndex = leafIndex
        self.kind = kind
        self.personID = personID
        self.otherPersonID = otherPersonID
        self.subjectKey = subjectKey
        self.otherSubjectKey = otherSubjectKey
        self.probability = probability
        self.evidence = evidence
    }
}

/// What one linking step changes.
public struct LinkingStep: Sendable {
    /// Progress after the step.
    public var linkedLeaves: Int
    public var nextPersonNumber: Int
    /// New persons and the leaf that created them.
    public var newPersons: [String]
    /// Subjects stated anew (inserted or replaced), with their person.
    public var subjects: [LinkedSubject]
    /// Subjects whose profile stays but whose person changed.
    public var moves: [SubjectMove]
    public var events: [PersonEvent]
    /// A newly estimated model, when the step re-estimated one.
    public var model: (json: [UInt8], subjects: Int)?

    public init(
        linkedLeaves: Int, nextPersonNumber: Int, newPersons: [String] = [], subjects: [LinkedSubject] = [],
        moves: [SubjectMove] = [], events: [PersonEvent] = [], model: (json: [UInt8], subjects: Int)? = nil
    ) {
        self.linkedLeaves = linkedLeaves
        self.nextPersonNumber = nextPersonNumber
        self.newPersons = newPersons
        self.subjects = subjects
        self.moves = moves
        self.events = events
        self.model = model
    }
}

/// A subject that moves to another person.
public struct SubjectMove: Sendable, Equatable {
    public let subjectKey: String
    public let personID: String

    public init(subjectKey: String, personID: String) {
        self.subjectKey = subjectKey
        self.personID = personID
    }
}

/// Everything the aggregator knows about why a person is who it is.
public struct PersonFile: Sendable, Equatable {
    public let personID: String
    public let subjects: [LinkedSubject]
    /// Events where the person is `personID` or `otherPersonID`, oldest first.
    public let events: [PersonEvent]

    public init(personID: String, subjects: [LinkedSubject], events: [PersonEvent]) {
        self.personID = personID
        self.subjects = subjects
        self.events = events
    }
}

import CredenceProtocol

/// Groups validated source units into batch drafts: pure state, no I/O, so the batching rules are tested
/// on their own.
///
/// A unit's records always go into one batch together (the read cursor counts units, so a unit split over
/// two batches could be half sent twice after a crash). The open batch is sealed before a unit that does
/// not fit: another source format, a `record_id` already in it (ids are unique per batch), or more records
/// than the limit. Rejected units and read progress ride along with the next batch; with no records
/// pending they are committed on their own once ``maxPendingRejects`` pile up, so memory stays bounded.
struct BatchAssembler {
    let maxRecords: Int
    let maxPendingRejects: Int
    private(set) var draft = BatchDraft()
    private var recordIDs: Set<String> = []
    /// When the open batch got its first record: watch mode seals it after the maximum age.
    private(set) var openedAt: ContinuousClock.Instant?

    init(maxRecords: Int, maxPendingRejects: Int? = nil) {
        self.maxRecords = maxRecords
        self.maxPendingRejects = maxPendingRejects ?? max(1000, maxRecords)
    }

    /// Adds a unit's records; returns the drafts to seal, in order (the batch the unit did not fit in, and
    /// the batch it filled).
    mutating func add(
        _ records: [Record], format: SourceFormat, progress: FileProgress, now: ContinuousClock.Instant
    ) -> [BatchDraft] {
        var ready: [BatchDraft] = []
        if !draft.records.isEmpty,
            draft.format != format || draft.records.count + records.count > maxRecords
                || records.contains(where: { recordIDs.contains($0.recordID.rawValue) })
        {
            ready.append(takeAll())
        }
        if !records.isEmpty {
            draft.format = format
            draft.records.append(contentsOf: records)
            for record in records { recordIDs.insert(record.recordID.rawValue) }
            openedAt = openedAt ?? now
        }
        draft.progress[progress.file] = progress
        if draft.records.count >= maxRecords { ready.append(takeAll()) }
        return ready
    }

    /// Records a quarantined unit; returns a draft to commit when too many rejects are pending.
    mutating func reject(_ unit: RejectedUnit, progress: FileProgress) -> BatchDraft? {
        draft.rejects.append(unit)
        draft.progress[progress.file] = progress
        return draft.rejects.count >= maxPendingRejects ? takeAll() : nil
    }

    /// Records a file's progress without a unit (its end, or its refusal).
    mutating func note(_ progress: FileProgress) {
        draft.progress[progress.file] = progress
    }

    var hasRecords: Bool { !draft.records.isEmpty }

    /// How long the open batch has held records.
    func age(at now: ContinuousClock.Instant) -> Duration? {
        openedAt.map { now - $0 }
    }

    /// Everything pending, leaving the assembler empty.
    mutating func takeAll() -> BatchDraft {
        defer {
            draft = BatchDraft()
            recordIDs.removeAll(keepingCapacity: true)
            openedAt = nil
        }
        return draft
    }
}

import CredenceIdentity
public import CredenceProtocol
public import CredenceStore

/// Keeps every person's stored score current, trailing identity resolution through the log:
/// - each step indexes the records of newly linked batches by subject and re-scores the persons they, the
///   person events of those batches and new inquiries touch (never the whole population);
/// - when the model changes, every stored score is recomputed from its stored features (no record is read);
/// - when the feature catalog or the as-of date changes, every person's features are computed again.
///
/// Each step indexes its batches' records in one transaction, then stores the scores in another that also
/// advances ``ScoringProgress``; a step the store refuses (another process got there first) is dropped and the
/// next call starts from what the store says.
public struct IncrementalScorer: Sendable {
    public let store: any ScoreStore
    public let scorer: PersonScorer
    /// Leaves read per step: a person whose records span several is scored once per step, not once per leaf.
    public var leavesPerStep = 256
    /// Persons scored per transaction in a full pass.
    public var personsPerStep = 2_000

    public init(store: any ScoreStore, scorer: PersonScorer) {
        self.store = store
        self.scorer = scorer
    }

    /// What one call did.
    public struct Pass: Sendable, Equatable {
        public var leaves = 0
        public var personsScored = 0
        public var personsRetired = 0
        /// Set when the pass re-scored everyone: why.
        public var fullPass: FullPass?

        public init() {}
    }

    public enum FullPass: String, Sendable, Equatable {
        /// Another model: scores from stored features.
        case modelChanged = "model changed"
        /// Another catalog or as-of date: features from the records.
        case featuresChanged = "features changed"
    }

    /// Brings the stored scores up to the linked prefix of the log (`linkedLeaves`), the inquiries recorded so
    /// far, and the basis (model, catalog, as-of date) given.
    public func catchUp(linkedLeaves: Int, asOf: CalendarDate, now: Int64) async throws -> Pass {
        var pass = Pass()
        let basis = ScoringBasis(modelID: scorer.model.id, catalog: ScoringModel.catalogSignature, asOf: asOf.rawValue)
        var progress = try await store.scoringProgress()
        if progress.basis != basis {
            guard let refreshed = try await refresh(from: progress, to: basis, asOf: asOf, now: now, into: &pass) else {
                return pass
            }
            progress = refreshed
        }
        while true {
            let end = min(linkedLeaves, progress.scoredLeaves + leavesPerStep)
            let batches =
                end > progress.scoredLeaves
                ? try await store.batchesToScore(from: progress.scoredLeaves, limit: end - progress.scoredLeaves) : []
            var step = ScoringStep(progress: progress)
            var subjectKeys = Set<String>()
            for batch in batches {
                for (ordinal, body) in batch.records.enumerated() {
                    // Only who the record is about: its fact is read when the person is scored.
                    let record = try StrictDecoder.decode(
                        RecordSubjects.self, fromJSON: body, allowUnknownMembers: true)
                    for subject in record.subjects {
                        let key = subject.subjectKey.rawValue
                        subjectKeys.insert(key)
                        step.subjectRecords.append((key, batch.leafIndex, ordinal))
                        for identifier in subject.identifiers {
                            step.identifiers.append(
                                (IdentifierKey(type: identifier.type.rawValue, token: identifier.token.rawValue), key))
                        }
                    }
                }
            }
            let leaves = progress.scoredLeaves..<(batches.last.map { $0.leafIndex + 1 } ?? progress.scoredLeaves)
            let affected = try await store.affectedPersons(
                subjectKeys: subjectKeys.sorted(), leaves: leaves, inquiriesAfter: progress.scoredInquiries)
            let lastInquiry = affected.lastInquiry
            if batches.isEmpty && lastInquiry == progress.scoredInquiries { return pass }
            // The index first, so that the persons' files read next include these batches' records. Index rows are
            // idempotent: after a crash between the two commits the step is repeated and changes nothing twice.
            if !step.subjectRecords.isEmpty || !step.identifiers.isEmpty {
                guard try await store.commitScoring(step, expecting: progress) else { return pass }
            }
            step = ScoringStep(progress: progress)
            step.progress.scoredLeaves = leaves.upperBound
            step.progress.scoredInquiries = lastInquiry
            var fromRecords = affected.byRecords
            for person in affected.byInquiriesOnly {
                // A new inquiry changes inquiries_12m only: the stored features, with that one updated.
                guard let previous = try await store.score(ofPerson: person), previous.asOf == asOf.rawValue else {
                    fromRecords.append(person)
                    continue
                }
                let inquiries = try await store.inquiries(ofPerson: person).map {
                    CalendarDate(utcDayOf: $0.inquiredAt)
                }
                step.scores.append(try scorer.rescore(previous, inquiries: inquiries, scoredAt: now))
                pass.personsScored += 1
            }
            try await score(fromRecords, asOf: asOf, now: now, into: &step, pass: &pass)
            guard try await store.commitScoring(step, expecting: progress) else { return pass }
            pass.leaves += leaves.count
            progress = step.progress
        }
    }

    /// Re-scores everyone on a new basis; nil when another process changed the progress meanwhile.
    private func refresh(
        from progress: ScoringProgress, to basis: ScoringBasis, asOf: CalendarDate, now: Int64, into pass: inout Pass
    ) async throws -> ScoringProgress? {
        var progress = progress
        guard let old = progress.basis else {
            // Nothing was scored yet: the first steps score on the new basis.
            var step = ScoringStep(progress: progress)
            step.progress.basis = basis
            guard try await store.commitScoring(step, expecting: progress) else { return nil }
            return step.progress
        }
        let fromFeatures = old.catalog == basis.catalog && old.asOf == basis.asOf
        pass.fullPass = fromFeatures ? .modelChanged : .featuresChanged
        var after: String?
        while true {
            var step = ScoringStep(progress: progress)
            if fromFeatures {
                let scores = try await store.scores(after: after, limit: personsPerStep)
                guard let last = scores.last else { break }
                for previous in scores { step.scores.append(try scorer.rescore(previous, scoredAt: now)) }
                pass.personsScored += scores.count
                after = last.personID
            } else {
                let persons = try await store.linkedPersons(after: after, limit: personsPerStep)
                guard let last = persons.last else { break }
                try await score(persons, asOf: asOf, now: now, into: &step, pass: &pass)
                after = last
            }
            guard try await store.commitScoring(step, expecting: progress) else { return nil }
        }
        // The basis changes last: a pass cut short by a crash is done again, never half-counted as done.
        var step = ScoringStep(progress: progress)
        step.progress.basis = basis
        guard try await store.commitScoring(step, expecting: progress) else { return nil }
        progress.basis = basis
        return progress
    }

    private func score(
        _ persons: [String], asOf: CalendarDate, now: Int64, into step: inout ScoringStep, pass: inout Pass
    ) async throws {
        for input in try await store.scoringInputs(persons: persons) {
            if input.subjectKeys.isEmpty {
                step.retiredPersons.append(input.personID)
                pass.personsRetired += 1
            } else {
                step.scores.append(try scorer.score(input, asOf: asOf, scoredAt: now))
                pass.personsScored += 1
            }
        }
    }
}

/// The subjects of a stored record, without decoding its fact.
private struct RecordSubjects: Decodable {
    let subjects: [SubjectReference]
}

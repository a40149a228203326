public import CredenceProtocol
public import CredenceStore
import Foundation
public import Linkage

/// Links the subjects of each newly accepted batch against the persons formed so far, without recomputing
/// the world: only the neighbourhood of what changed is scored and clustered again.
///
/// The neighbourhood of a step is every subject the batch mentions, their blocking candidates, and all the
/// members of the persons any of those belong to. Re-clustering it with fresh scores lets new evidence merge
/// persons and lets a correcting batch (a subject re-sent without the identifier that held a wrong merge
/// together) split one. Person ids are stable: each new cluster keeps the id of the old person that
/// contributes most of its members, so a person only gets a new id when it is new or split off.
public struct IncrementalLinker: Sendable {
    public private(set) var settings: LinkageSettings
    public private(set) var model: LinkageModel
    /// Subjects the current model was estimated on; the model is estimated again when the subjects double.
    public private(set) var modelSubjects: Int
    public private(set) var nextPersonNumber: Int
    private var profiles: [String: LinkageRecord] = [:]
    private var personOf: [String: String] = [:]
    private var members: [String: Set<String>] = [:]
    private var index: BlockingIndex
    private var termFrequencies = TermFrequencies()

    /// Below this many subjects the starting model is kept: EM on a handful of pairs says little.
    public static let minimumSubjectsToEstimate = 500

    /// Rebuilds the linker from the stored subjects and progress.
    public init(
        subjects: [LinkedSubject], progress: LinkageProgress, settings: LinkageSettings
    ) throws(ProtocolError) {
        self.settings = settings
        self.index = BlockingIndex(settings: settings)
        self.nextPersonNumber = progress.nextPersonNumber
        self.modelSubjects = progress.modelSubjects
        if let stored = progress.model {
            do {
                model = try JSONDecoder().decode(LinkageModel.self, from: Data(stored))
            } catch {
                throw ProtocolError(.schemaInvalid, "the stored linkage model does not decode: \(error)")
            }
        } else {
            model = .initial
        }
        for subject in subjects {
            let record = LinkageRecord(
                id: subject.subjectKey, source: subject.partnerID, subject: try SubjectProfiles.decode(subject.profile))
            profiles[subject.subjectKey] = record
            personOf[subject.subjectKey] = subject.personID
            members[subject.personID, default: []].insert(subject.subjectKey)
            index.insert(record)
            termFrequencies.add(record)
        }
    }

    public var subjectCount: Int { profiles.count }
    public var personCount: Int { members.count }

    /// Links one batch, keeps the result in memory and returns what to store. If the store refuses the step
    /// (another process linked these leaves first), rebuild the linker from the store.
    public mutating func link(_ batch: BatchToLink) throws(ProtocolError) -> LinkingStep {
        let stated = try SubjectProfiles.latestSubjects(inRecords: batch.records)
        var changed: [String: [UInt8]] = [:]
        for subject in stated {
            let key = subject.subjectKey.rawValue
            let record = LinkageRecord(id: key, source: batch.partnerID, subject: subject)
            if let old = profiles[key] {
                if old == record { continue }
                index.remove(id: key)
                termFrequencies.remove(old)
            }
            profiles[key] = record
            index.insert(record)
            termFrequencies.add(record)
            changed[key] = SubjectProfiles.encode(subject)
        }
        var step = LinkingStep(linkedLeaves: batch.leafIndex + 1, nextPersonNumber: nextPersonNumber)
        if let estimated = estimateIfDue() {
            step.model = estimated
        }
        if !changed.isEmpty {
            relink(changed: changed, leafIndex: batch.leafIndex, into: &step)
        }
        step.nextPersonNumber = nextPersonNumber
        return step
    }

    /// Re-estimates the model once the subjects have doubled since the last estimate.
    private mutating func estimateIfDue() -> (json: [UInt8], subjects: Int)? {
        let count = profiles.count
        guard count >= Self.minimumSubjectsToEstimate, count >= 2 * max(modelSubjects, 1) else { return nil }
        let (estimated, _) = ParameterEstimation.estimate(Array(profiles.values), settings: settings)
        model = estimated
        modelSubjects = count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ((try? encoder.encode(estimated)).map(Array.init) ?? [], count)
    }

    private mutating func relink(
        changed: [String: [UInt8]], leafIndex: Int, into step: inout LinkingStep
    ) {
        // The neighbourhood: changed subjects, their candidates, and whole persons around them.
        var neighbourhood = Set(changed.keys)
        for key in changed.keys {
            neighbourhood.formUnion(index.candidates(of: profiles[key]!))
        }
        for key in Array(neighbourhood) {
            if let person = personOf[key] { neighbourhood.formUnion(members[person] ?? []) }
        }
        let keys = neighbourhood.sorted()
        let scorer = FellegiSunterScorer(model: model, termFrequencies: termFrequencies)
        var scores: [PairKey: PairScore] = [:]
        for key in keys {
            for candidate in index.candidates(of: profiles[key]!)
            where candidate > key && neighbourhood.contains(candidate) {
                scores[PairKey(key, candidate)] = scorer.score(profiles[key]!, profiles[candidate]!)
            }
        }
        let links = scores.values.filter { $0.probability >= settings.threshold }
        let clusterOf = Clustering.cluster(keys.map { profiles[$0]! }, links: links, settings: settings)
        var clusters: [Int: [String]] = [:]
        for key in keys { clusters[clusterOf[key]!, default: []].append(key) }
        // Larger clusters choose first; among equals, the one with more subjects that did not just change, so
        // that a subject corrected away from a person is the one that leaves, not the one that stays.
        func rank(_ cluster: [String]) -> (Int, Int) { (cluster.count, cluster.count { changed[$0] == nil }) }
        let ordered = clusters.values.sorted { rank($0) != rank($1) ? rank($0) > rank($1) : $0[0] < $1[0] }

        // Each cluster keeps the old person contributing most of its members (ties: the smaller id).
        var claimed: Set<String> = []
        var newPersonOf: [String: String] = [:]
        var createdPersons: Set<String> = []
        for cluster in ordered {
            var contributions: [String: Int] = [:]
            for key in cluster { if let old = personOf[key] { contributions[old, default: 0] += 1 } }
            let keeper =
                contributions.filter { !claimed.contains($0.key) }
                .max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            let person: String
            if let keeper {
                person = keeper
            } else {
                person = Self.personID(nextPersonNumber)
                nextPersonNumber += 1
                createdPersons.insert(person)
                step.newPersons.append(person)
            }
            claimed.insert(person)
            for key in cluster { newPersonOf[key] = person }
        }

        func best(from group: some Sequence<String>, to others: Set<String>) -> PairScore? {
            var found: PairScore?
            for key in group {
                for other in others where other != key {
                    if let score = scores[PairKey(key, other)],
                        found.map({ score.probability > $0.probability }) ?? true
                    {
                        found = score
                    }
                }
            }
            return found
        }
        // Members of each person after this step, built once rather than filtered per event.
        var membersAfterStep: [String: Set<String>] = [:]
        for key in keys { membersAfterStep[newPersonOf[key]!, default: []].insert(key) }
        func membersAfter(_ person: String) -> Set<String> { membersAfterStep[person] ?? [] }

        // Events: who moved where, and why.
        var moves: [MoveKey: [String]] = [:]
        for key in keys {
            let before = personOf[key]
            let after = newPersonOf[key]!
            if before != after { moves[MoveKey(from: before, to: after), default: []].append(key) }
        }
        for (move, moved) in moves.sorted(by: { ($0.key.to, $0.key.from ?? "") < ($1.key.to, $1.key.from ?? "") }) {
            let destination = membersAfter(move.to).subtracting(moved)
            guard let origin = move.from else {
                // Subjects seen for the first time.
                for key in moved.sorted() {
                    if let link = best(from: [key], to: membersAfter(move.to)) {
                        step.events.append(
                            event(
                                leafIndex, .joined, person: move.to, subject: key, other: link.other(than: key),
                                link: link))
                    } else {
                        step.events.append(
                            PersonEvent(leafIndex: leafIndex, kind: .created, personID: move.to, subjectKey: key))
                    }
                }
                continue
            }
            let originRemains = membersAfter(origin)
            if originRemains.isEmpty && !createdPersons.contains(move.to) {
                // The whole origin person joined the destination: a merge.
                let link = best(from: moved, to: destination)
                step.events.append(
                    PersonEvent(
                        leafIndex: leafIndex, kind: .merged, personID: move.to, otherPersonID: origin,
                        subjectKey: link?.left, otherSubjectKey: link?.right, probability: link?.probability,
                        evidence: Self.evidenceJSON(link)))
            } else if createdPersons.contains(move.to) {
                // Part of the origin person left to form a new one: a split, with the best remaining link.
                let link = best(from: moved, to: originRemains)
                step.events.append(
                    PersonEvent(
                        leafIndex: leafIndex, kind: .split, personID: origin, otherPersonID: move.to,
                        subjectKey: link?.left, otherSubjectKey: link?.right, probability: link?.probability,
                        evidence: Self.evidenceJSON(link)))
            } else {
                for key in moved.sorted() {
                    let link = best(from: [key], to: destination)
                    step.events.append(
                        PersonEvent(
                            leafIndex: leafIndex, kind: .left, personID: origin, otherPersonID: move.to,
                            subjectKey: key, otherSubjectKey: link?.other(than: key), probability: link?.probability,
                            evidence: Self.evidenceJSON(link)))
                }
            }
        }

        // Apply in memory and collect the rows to store.
        for key in keys {
            let after = newPersonOf[key]!
            let before = personOf[key]
            guard before != after || changed[key] != nil else { continue }
            if let before {
                members[before]?.remove(key)
                if members[before]?.isEmpty == true { members[before] = nil }
            }
            personOf[key] = after
            members[after, default: []].insert(key)
            if let profile = changed[key] {
                step.subjects.append(
                    LinkedSubject(
                        subjectKey: key, partnerID: profiles[key]!.source, personID: after, profile: profile,
                        updatedLeaf: leafIndex))
            } else {
                step.moves.append(SubjectMove(subjectKey: key, personID: after))
            }
        }
    }

    private func event(
        _ leafIndex: Int, _ kind: PersonEvent.Kind, person: String, subject: String, other: String, link: PairScore
    ) -> PersonEvent {
        PersonEvent(
            leafIndex: leafIndex, kind: kind, personID: person, subjectKey: subject, otherSubjectKey: other,
            probability: link.probability, evidence: Self.evidenceJSON(link))
    }

    static func personID(_ number: Int) -> String {
        let digits = String(number)
        return "P" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    static func evidenceJSON(_ score: PairScore?) -> String {
        guard let score else { return "[]" }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(score.evidence)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

private struct PairKey: Hashable {
    let low: String
    let high: String
    init(_ a: String, _ b: String) {
        (low, high) = a < b ? (a, b) : (b, a)
    }
}

private struct MoveKey: Hashable {
    let from: String?
    let to: String
}

extension PairScore {
    fileprivate func other(than key: String) -> String { left == key ? right : left }
}

import CredenceIdentity
import CredenceProtocol
public import CredenceStore
import Foundation

/// Why a person is who it is, for people: its subjects (which partner, which kinds of evidence each carries,
/// never the tokens' meaning, which the aggregator cannot know) and every merge, split and join with its
/// probability and per-field evidence. Served by `GET /v1/admin/persons/{id}` and printed by
/// `credence-aggregator person show`.
public struct PersonReport: Codable, Sendable, Equatable {
    public struct Subject: Codable, Sendable, Equatable {
        public let subjectKey: String
        public let partnerID: String
        /// The identifier types the partner sent (`email`, `phone_e164`, ...) and the encodings present.
        public let evidence: [String]
        public let updatedLeaf: Int
    }

    public struct FieldWeight: Codable, Sendable, Equatable {
        public let field: String
        public let level: String
        /// log2 of the Bayes factor this field contributed.
        public let weight: Double
        public let note: String?
    }

    public struct Event: Codable, Sendable, Equatable {
        public let leafIndex: Int
        public let kind: String
        public let personID: String
        public let otherPersonID: String?
        public let subjectKey: String?
        public let otherSubjectKey: String?
        public let probability: Double?
        public let evidence: [FieldWeight]
    }

    public let personID: String
    /// Where a person was merged away: the person it lives on in.
    public let mergedInto: String?
    public let subjects: [Subject]
    public let events: [Event]

    public init(_ file: PersonFile) {
        personID = file.personID
        subjects = file.subjects.map { subject in
            let profile = try? SubjectProfiles.decode(subject.profile)
            var evidence = Array(Set(profile?.identifiers.map(\.type.rawValue) ?? [])).sorted()
            if let encodings = profile?.encodings {
                if encodings.name != nil { evidence.append("name") }
                if encodings.birthDate != nil { evidence.append("birth_date") }
                if encodings.address != nil { evidence.append("address") }
            }
            return Subject(
                subjectKey: subject.subjectKey, partnerID: subject.partnerID, evidence: evidence,
                updatedLeaf: subject.updatedLeaf)
        }
        events = file.events.map { event in
            Event(
                leafIndex: event.leafIndex, kind: event.kind.rawValue, personID: event.personID,
                otherPersonID: event.otherPersonID, subjectKey: event.subjectKey,
                otherSubjectKey: event.otherSubjectKey, probability: event.probability,
                evidence: Self.decodeEvidence(event.evidence))
        }
        mergedInto =
            file.subjects.isEmpty
            ? file.events.last { $0.kind == .merged && $0.otherPersonID == file.personID }?.personID : nil
    }

    private static func decodeEvidence(_ text: String) -> [FieldWeight] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (try? decoder.decode([FieldWeight].self, from: Data(text.utf8))) ?? []
    }

    /// A plain-text explanation: one line per subject, then one paragraph per event.
    public var text: String {
        var lines = ["person \(personID)"]
        if let mergedInto { lines.append("  merged into \(mergedInto); it has no subjects of its own any more") }
        lines.append("  subjects (\(subjects.count)):")
        for subject in subjects {
            lines.append(
                "    \(subject.partnerID)  \(subject.subjectKey)  [\(subject.evidence.joined(separator: ", "))]")
        }
        lines.append("  history:")
        for event in events {
            let subject = event.subjectKey ?? "?"
            let other = event.otherPersonID ?? "?"
            var line = "    leaf \(event.leafIndex): "
            switch event.kind {
            case "merged": line += "merged \(other) into \(event.personID)"
            case "split": line += "split \(other) off \(event.personID)"
            case "left": line += "\(subject) left \(event.personID) for \(other)"
            case "joined": line += "\(subject) joined \(event.personID)"
            default: line += "\(event.kind) \(event.personID) with \(subject)"
            }
            if let probability = event.probability {
                line +=
                    ", by the link \(subject) ~ \(event.otherSubjectKey ?? "?") at p="
                    + String(format: "%.6f", probability)
            }
            lines.append(line)
            for weight in event.evidence {
                let padded = { (text: String, width: Int) in
                    text + String(repeating: " ", count: max(1, width - text.count))
                }
                lines.append(
                    "      " + padded(weight.field, 20) + padded(weight.level, 26)
                        + String(format: "%+7.2f bits", weight.weight) + (weight.note.map { "  (\($0))" } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }
}

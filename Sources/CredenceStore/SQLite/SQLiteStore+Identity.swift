import Foundation
import GRDB

extension SQLiteStore: IdentityStore {
    public func linkageProgress() async throws(StoreError) -> LinkageProgress {
        try await read { db in try Self.progress(db) }
    }

    public func linkedSubjects() async throws(StoreError) -> [LinkedSubject] {
        try await read { db in
            try Row.fetchAll(db, sql: "\(Self.subjectColumns) ORDER BY updated_leaf, subject_key").map(Self.subject)
        }
    }

    public func batchesToLink(from start: Int, limit: Int) async throws(StoreError) -> [BatchToLink] {
        try await read { db in
            let batches = try Row.fetchAll(
                db,
                sql: """
                    SELECT leaf_index, batch_id, partner_id, envelope FROM batches WHERE leaf_index >= ?
                    ORDER BY leaf_index LIMIT ?
                    """,
                arguments: [start, limit])
            return try batches.map { row in
                let leafIndex: Int = row["leaf_index"]
                let records = try StoredRecords.bodies(
                    db, leafIndex: leafIndex, envelope: Array(row["envelope"] as Data))
                return BatchToLink(
                    leafIndex: leafIndex, batchID: row["batch_id"], partnerID: row["partner_id"], records: records)
            }
        }
    }

    public func commitLinking(_ step: LinkingStep, expecting linkedLeaves: Int) async throws(StoreError) -> Bool {
        try await write { db in
            // Another process (or a repeated step after a crash) may have linked these leaves already.
            guard try Self.progress(db).linkedLeaves == linkedLeaves else { return false }
            for person in step.newPersons {
                try db.execute(
                    sql: "INSERT INTO persons (person_id, created_leaf) VALUES (?, ?)",
                    arguments: [person, max(step.linkedLeaves - 1, 0)])
            }
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO subjects (subject_key, partner_id, person_id, profile, updated_leaf) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (subject_key) DO UPDATE SET person_id = excluded.person_id,
                        profile = excluded.profile, updated_leaf = excluded.updated_leaf
                    """)
            for subject in step.subjects {
                try upsert.execute(arguments: [
                    subject.subjectKey, subject.partnerID, subject.personID, Data(subject.profile), subject.updatedLeaf,
                ])
            }
            let move = try db.cachedStatement(sql: "UPDATE subjects SET person_id = ? WHERE subject_key = ?")
            for subjectMove in step.moves {
                try move.execute(arguments: [subjectMove.personID, subjectMove.subjectKey])
            }
            let insertEvent = try db.cachedStatement(
                sql: """
                    INSERT INTO person_events (leaf_index, kind, person_id, other_person_id, subject_key,
                        other_subject_key, probability, evidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for event in step.events {
                try insertEvent.execute(arguments: [
                    event.leafIndex, event.kind.rawValue, event.personID, event.otherPersonID, event.subjectKey,
                    event.otherSubjectKey, event.probability, event.evidence,
                ])
            }
            try db.execute(
                sql: "UPDATE linkage_state SET linked_leaves = ?, next_person_number = ? WHERE id = 1",
                arguments: [step.linkedLeaves, step.nextPersonNumber])
            if let model = step.model {
                try db.execute(
                    sql: "UPDATE linkage_state SET model = ?, model_subjects = ? WHERE id = 1",
                    arguments: [String(decoding: model.json, as: UTF8.self), model.subjects])
            }
            return true
        }
    }

    public func personFile(_ personID: String) async throws(StoreError) -> PersonFile? {
        try await read { db in
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM persons WHERE person_id = ?", arguments: [personID]) != nil
            else { return nil }
            let subjects = try Row.fetchAll(
                db, sql: "\(Self.subjectColumns) WHERE person_id = ? ORDER BY updated_leaf, subject_key",
                arguments: [personID]
            ).map(Self.subject)
            let events = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM person_events WHERE person_id = ? OR other_person_id = ? ORDER BY event_id
                    """,
                arguments: [personID, personID]
            ).compactMap(Self.event)
            return PersonFile(personID: personID, subjects: subjects, events: events)
        }
    }

    public func personID(ofSubject subjectKey: String) async throws(StoreError) -> String? {
        try await read { db in
            try String.fetchOne(
                db, sql: "SELECT person_id FROM subjects WHERE subject_key = ?", arguments: [subjectKey])
        }
    }

    private static let subjectColumns =
        "SELECT subject_key, partner_id, person_id, profile, updated_leaf FROM subjects"

    private static func progress(_ db: Database) throws -> LinkageProgress {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM linkage_state WHERE id = 1")!
        let model: String? = row["model"]
        return LinkageProgress(
            linkedLeaves: row["linked_leaves"], nextPersonNumber: row["next_person_number"],
            model: model.map { Array($0.utf8) }, modelSubjects: row["model_subjects"])
    }

    private static func subject(_ row: Row) -> LinkedSubject {
        LinkedSubject(
            subjectKey: row["subject_key"], partnerID: row["partner_id"], personID: row["person_id"],
            profile: Array(row["profile"] as Data), updatedLeaf: row["updated_leaf"])
    }

    private static func event(_ row: Row) -> PersonEvent? {
        guard let kind = PersonEvent.Kind(rawValue: row["kind"]) else { return nil }
        return PersonEvent(
            leafIndex: row["leaf_index"], kind: kind, personID: row["person_id"], otherPersonID: row["other_person_id"],
            subjectKey: row["subject_key"], otherSubjectKey: row["other_subject_key"], probability: row["probability"],
            evidence: row["evidence"])
    }
}

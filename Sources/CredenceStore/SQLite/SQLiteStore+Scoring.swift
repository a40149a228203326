import CredenceProtocol
import Foundation
import GRDB

extension SQLiteStore: ScoreStore {
    public func scoringProgress() async throws(StoreError) -> ScoringProgress {
        try await read { db in try Self.scoringProgress(db) }
    }

    public func scoringStatistics() async throws(StoreError) -> (scoredPersons: Int, inquiries: Int) {
        try await read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM person_scores") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM inquiries") ?? 0
            )
        }
    }

    public func batchesToScore(from start: Int, limit: Int) async throws(StoreError) -> [BatchToScore] {
        try await read { db in
            let batches = try Row.fetchAll(
                db,
                sql: """
                    SELECT b.leaf_index, b.batch_id, b.partner_id, p.kind, b.sequence, b.envelope
                    FROM batches b JOIN partners p ON p.id = b.partner_id
                    WHERE b.leaf_index >= ? ORDER BY b.leaf_index LIMIT ?
                    """,
                arguments: [start, limit])
            return try batches.map { row in
                let leafIndex: Int = row["leaf_index"]
                let records = try StoredRecords.bodies(
                    db, leafIndex: leafIndex, envelope: Array(row["envelope"] as Data))
                return BatchToScore(leafIndex: leafIndex, source: Self.source(row), records: records)
            }
        }
    }

    public func affectedPersons(subjectKeys: [String], leaves: Range<Int>, inquiriesAfter: Int64)
        async throws(StoreError) -> AffectedPersons
    {
        try await read { db in
            var persons = Set<String>()
            var inquiredPersons = Set<String>()
            let ofSubject = try db.cachedStatement(sql: "SELECT person_id FROM subjects WHERE subject_key = ?")
            for key in subjectKeys {
                if let person = try String.fetchOne(ofSubject, arguments: [key]) { persons.insert(person) }
            }
            let events = try Row.fetchAll(
                db,
                sql: """
                    SELECT person_id, other_person_id FROM person_events WHERE leaf_index >= ? AND leaf_index < ?
                    """,
                arguments: [leaves.lowerBound, leaves.upperBound])
            for event in events {
                persons.insert(event["person_id"])
                if let other: String = event["other_person_id"] { persons.insert(other) }
            }
            let inquired = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.inquiry_id, s.person_id FROM inquiries i
                    JOIN inquiry_subjects q ON q.inquiry_id = i.inquiry_id
                    JOIN subjects s ON s.subject_key = q.subject_key
                    WHERE i.inquiry_id > ?
                    """,
                arguments: [inquiriesAfter])
            var lastInquiry = inquiriesAfter
            for row in inquired {
                inquiredPersons.insert(row["person_id"])
                lastInquiry = max(lastInquiry, row["inquiry_id"])
            }
            // An inquiry whose subjects all left since still counts as seen.
            if let highest = try Int64.fetchOne(db, sql: "SELECT max(inquiry_id) FROM inquiries") {
                lastInquiry = max(lastInquiry, highest)
            }
            return AffectedPersons(
                byRecords: persons.sorted(), byInquiriesOnly: inquiredPersons.subtracting(persons).sorted(),
                lastInquiry: lastInquiry)
        }
    }

    public func scoringInputs(persons: [String]) async throws(StoreError) -> [PersonScoringInput] {
        try await read { db in
            let subjects = try db.cachedStatement(
                sql: "SELECT subject_key FROM subjects WHERE person_id = ? ORDER BY subject_key")
            let references = try db.cachedStatement(
                sql: """
                    SELECT DISTINCT x.leaf_index, x.ordinal
                    FROM subjects s JOIN subject_records x ON x.subject_key = s.subject_key
                    WHERE s.person_id = ? ORDER BY x.leaf_index, x.ordinal
                    """)
            let inquiries = try db.cachedStatement(
                sql: """
                    SELECT DISTINCT i.inquiry_id, i.inquired_at FROM subjects s
                    JOIN inquiry_subjects q ON q.subject_key = s.subject_key
                    JOIN inquiries i ON i.inquiry_id = q.inquiry_id
                    WHERE s.person_id = ? ORDER BY i.inquiry_id
                    """)
            let batch = try db.cachedStatement(
                sql: """
                    SELECT b.leaf_index, b.batch_id, b.partner_id, p.kind, b.sequence, b.envelope
                    FROM batches b JOIN partners p ON p.id = b.partner_id WHERE b.leaf_index = ?
                    """)
            // The payloads of the batches read so far in this call: a batch usually holds records of many of
            // the persons asked for.
            var payloads: [Int: (payload: [UInt8], spans: [Range<Int>], source: StoredBatchSource)] = [:]
            return try persons.map { personID in
                let keys = try String.fetchAll(subjects, arguments: [personID])
                var records: [(body: [UInt8], source: StoredBatchSource)] = []
                for row in try Row.fetchAll(references, arguments: [personID]) {
                    let leafIndex: Int = row["leaf_index"]
                    if payloads[leafIndex] == nil {
                        guard let stored = try Row.fetchOne(batch, arguments: [leafIndex]) else { continue }
                        let (payload, spans) = try StoredRecords.payloadAndSpans(
                            db, leafIndex: leafIndex, envelope: Array(stored["envelope"] as Data))
                        payloads[leafIndex] = (payload, spans, Self.source(stored))
                    }
                    let (payload, spans, source) = payloads[leafIndex]!
                    let ordinal: Int = row["ordinal"]
                    guard spans.indices.contains(ordinal) else {
                        throw StoreError(
                            .unavailable, "record \(ordinal) of leaf \(leafIndex) is indexed but not stored")
                    }
                    records.append((Array(payload[spans[ordinal]]), source))
                }
                let days = try Row.fetchAll(inquiries, arguments: [personID]).map { row in
                    CalendarDate(utcDayOf: row["inquired_at"]).rawValue
                }
                return PersonScoringInput(personID: personID, subjectKeys: keys, records: records, inquiryDays: days)
            }
        }
    }

    public func linkedPersons(after: String?, limit: Int) async throws(StoreError) -> [String] {
        try await read { db in
            try String.fetchAll(
                db,
                sql: "SELECT DISTINCT person_id FROM subjects WHERE person_id > ? ORDER BY person_id LIMIT ?",
                arguments: [after ?? "", limit])
        }
    }

    public func scores(after: String?, limit: Int) async throws(StoreError) -> [StoredScore] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM person_scores WHERE person_id > ? ORDER BY person_id LIMIT ?",
                arguments: [after ?? "", limit]
            ).map(Self.score)
        }
    }

    public func score(ofPerson personID: String) async throws(StoreError) -> StoredScore? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM person_scores WHERE person_id = ?", arguments: [personID])
                .map(Self.score)
        }
    }

    public func commitScoring(_ step: ScoringStep, expecting expected: ScoringProgress) async throws(StoreError)
        -> Bool
    {
        try await write { db in
            // Another process (or a repeated step after a crash) may have scored these leaves already.
            guard try Self.scoringProgress(db) == expected else { return false }
            let indexRecord = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO subject_records (subject_key, leaf_index, ordinal) VALUES (?, ?, ?)")
            for entry in step.subjectRecords {
                try indexRecord.execute(arguments: [entry.subjectKey, entry.leafIndex, entry.ordinal])
            }
            let indexIdentifier = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO subject_identifiers (token_type, token, subject_key) VALUES (?, ?, ?)")
            for entry in step.identifiers {
                try indexIdentifier.execute(arguments: [
                    entry.identifier.type, entry.identifier.token, entry.subjectKey,
                ])
            }
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO person_scores (person_id, model_version, as_of, score, probability_bad, reasons,
                        features, contributing_batches, scored_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (person_id) DO UPDATE SET model_version = excluded.model_version,
                        as_of = excluded.as_of, score = excluded.score, probability_bad = excluded.probability_bad,
                        reasons = excluded.reasons, features = excluded.features,
                        contributing_batches = excluded.contributing_batches, scored_at = excluded.scored_at
                    """)
            for score in step.scores {
                try upsert.execute(arguments: [
                    score.personID, score.modelVersion, score.asOf, score.score, score.probabilityBad, score.reasons,
                    score.features, score.contributingBatches.joined(separator: ","), score.scoredAt,
                ])
            }
            let retire = try db.cachedStatement(sql: "DELETE FROM person_scores WHERE person_id = ?")
            for person in step.retiredPersons { try retire.execute(arguments: [person]) }
            let progress = step.progress
            try db.execute(
                sql: """
                    UPDATE scoring_state SET scored_leaves = ?, scored_inquiries = ?, model_id = ?, catalog = ?,
                        as_of = ? WHERE id = 1
                    """,
                arguments: [
                    progress.scoredLeaves, progress.scoredInquiries, progress.basis?.modelID, progress.basis?.catalog,
                    progress.basis?.asOf,
                ])
            return true
        }
    }

    public func persons(matching identifiers: [IdentifierKey]) async throws(StoreError) -> [String: Int] {
        try await read { db in
            let persons = try db.cachedStatement(
                sql: """
                    SELECT DISTINCT s.person_id FROM subject_identifiers i
                    JOIN subjects s ON s.subject_key = i.subject_key
                    WHERE i.token_type = ? AND i.token = ?
                    """)
            var matches: [String: Int] = [:]
            for identifier in Set(identifiers) {
                for person in try String.fetchAll(persons, arguments: [identifier.type, identifier.token]) {
                    matches[person, default: 0] += 1
                }
            }
            return matches
        }
    }

    // MARK: Consumers and inquiries

    public func addConsumer(_ consumer: ConsumerRecord) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO consumers (consumer_id, name, purposes, key_digest, created_at, revoked_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    consumer.id, consumer.name, consumer.purposes.joined(separator: ","), Data(consumer.keyDigest),
                    consumer.createdAt, consumer.revokedAt,
                ])
        }
    }

    public func consumers() async throws(StoreError) -> [ConsumerRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM consumers ORDER BY consumer_id").map(Self.consumer)
        }
    }

    public func consumer(id: String) async throws(StoreError) -> ConsumerRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM consumers WHERE consumer_id = ?", arguments: [id])
                .map(Self.consumer)
        }
    }

    public func consumer(keyDigest: [UInt8]) async throws(StoreError) -> ConsumerRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM consumers WHERE key_digest = ?", arguments: [Data(keyDigest)])
                .map(Self.consumer)
        }
    }

    public func revokeConsumer(id: String, at time: Int64) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: "UPDATE consumers SET revoked_at = ? WHERE consumer_id = ? AND revoked_at IS NULL",
                arguments: [time, id])
            guard db.changesCount == 1 else {
                throw StoreError(.notFound, "no consumer '\(id)' with an unrevoked key")
            }
        }
    }

    public func recordInquiry(_ inquiry: InquiryRecord) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO inquiries (person_id, consumer_id, purpose, inquired_at, report_id)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    inquiry.personID, inquiry.consumerID, inquiry.purpose, inquiry.inquiredAt, inquiry.reportID,
                ])
            try db.execute(
                sql: """
                    INSERT INTO inquiry_subjects (inquiry_id, subject_key)
                    SELECT ?, subject_key FROM subjects WHERE person_id = ?
                    """,
                arguments: [db.lastInsertedRowID, inquiry.personID])
        }
    }

    public func inquiries(ofPerson personID: String) async throws(StoreError) -> [InquiryRecord] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT i.* FROM subjects s
                    JOIN inquiry_subjects q ON q.subject_key = s.subject_key
                    JOIN inquiries i ON i.inquiry_id = q.inquiry_id
                    WHERE s.person_id = ? ORDER BY i.inquiry_id
                    """,
                arguments: [personID]
            ).map { row in
                InquiryRecord(
                    personID: row["person_id"], consumerID: row["consumer_id"], purpose: row["purpose"],
                    inquiredAt: row["inquired_at"], reportID: row["report_id"])
            }
        }
    }

    // MARK: Rows

    private static func scoringProgress(_ db: Database) throws -> ScoringProgress {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM scoring_state WHERE id = 1")!
        var basis: ScoringBasis?
        if let model: String = row["model_id"], let catalog: String = row["catalog"], let asOf: String = row["as_of"] {
            basis = ScoringBasis(modelID: model, catalog: catalog, asOf: asOf)
        }
        return ScoringProgress(
            scoredLeaves: row["scored_leaves"], scoredInquiries: row["scored_inquiries"], basis: basis)
    }

    private static func source(_ row: Row) -> StoredBatchSource {
        StoredBatchSource(
            batchID: row["batch_id"], partnerID: row["partner_id"], partnerKind: row["kind"],
            sequence: row["sequence"])
    }

    private static func score(_ row: Row) -> StoredScore {
        let batches: String = row["contributing_batches"]
        return StoredScore(
            personID: row["person_id"], modelVersion: row["model_version"], asOf: row["as_of"], score: row["score"],
            probabilityBad: row["probability_bad"], reasons: row["reasons"], features: row["features"],
            contributingBatches: batches.split(separator: ",").map(String.init), scoredAt: row["scored_at"])
    }

    private static func consumer(_ row: Row) -> ConsumerRecord {
        let purposes: String = row["purposes"]
        return ConsumerRecord(
            id: row["consumer_id"], name: row["name"], purposes: purposes.split(separator: ",").map(String.init),
            keyDigest: Array(row["key_digest"] as Data), createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}

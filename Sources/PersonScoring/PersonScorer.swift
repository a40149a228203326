public import CredenceProtocol
public import CredenceStore
import CreditFeatures
import Scorecard

/// Computes a person's features from their file and scores them, or re-scores stored features with another
/// model: the one place where a person's records become a ``StoredScore``.
public struct PersonScorer: Sendable {
    public let model: ScoringModel

    public init(model: ScoringModel) {
        self.model = model
    }

    /// Features at the end of `asOf` from every record on the person's file, and their score.
    public func score(_ input: PersonScoringInput, asOf: CalendarDate, scoredAt: Int64) throws(ScoringError)
        -> StoredScore
    {
        var file = CreditFeatures.PersonFile(
            subjectKeys: Set(input.subjectKeys.map(Token.init(unchecked:))),
            inquiries: input.inquiryDays.map(CalendarDate.init(unchecked:)))
        for (body, stored) in input.records {
            let record: Record
            do {
                record = try StrictDecoder.decode(Record.self, fromJSON: body)
            } catch {
                throw ScoringError(
                    "a stored record of batch \(stored.batchID) does not decode any more: \(error.message)")
            }
            guard let kind = PartnerKind(rawValue: stored.partnerKind) else {
                throw ScoringError("batch \(stored.batchID) is from a partner of unknown kind '\(stored.partnerKind)'")
            }
            // No acceptance time: every accepted record counts, dated by its own dates. Scores are as of today,
            // when every batch was accepted before, or as of a configured day for replayed history, whose batches
            // were all accepted after it.
            file.add(
                record,
                from: BatchSource(
                    batchID: SHA256Digest(unchecked: stored.batchID), partnerID: PartnerID(unchecked: stored.partnerID),
                    partnerKind: kind, batchSeq: stored.sequence))
        }
        let features = file.features(asOf: asOf)
        let batches = Set(features.contributingBatches.map(\.batchID.rawValue)).sorted()
        return stored(
            personID: input.personID, features: features.vector.values, asOf: asOf.rawValue,
            contributingBatches: batches, scoredAt: scoredAt)
    }

    /// The same person and features under this scorer's model.
    public func rescore(_ previous: StoredScore, scoredAt: Int64) throws(ScoringError) -> StoredScore {
        stored(
            personID: previous.personID, features: try Self.decodeFeatures(previous.features), asOf: previous.asOf,
            contributingBatches: previous.contributingBatches, scoredAt: scoredAt)
    }

    /// The same person with `inquiries` as the inquiries on the file: only `inquiries_12m` changes.
    public func rescore(_ previous: StoredScore, inquiries: [CalendarDate], scoredAt: Int64) throws(ScoringError)
        -> StoredScore
    {
        var features = try Self.decodeFeatures(previous.features)
        features[CreditFeature.inquiries12m.rawValue] = FeatureVector.inquiries12m(
            inquiries, asOf: CalendarDate(unchecked: previous.asOf))
        return stored(
            personID: previous.personID, features: features, asOf: previous.asOf,
            contributingBatches: previous.contributingBatches, scoredAt: scoredAt)
    }

    private func stored(
        personID: String, features: [Double?], asOf: String, contributingBatches: [String], scoredAt: Int64
    ) -> StoredScore {
        // A non-finite value cannot be stored as JSON; no feature computes one, and missing is the safe reading.
        let features = features.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        let result = model.scorecard.score(model.values(fromCatalog: features))
        let reasons = result.reasons.enumerated().map { index, reason in
            ScoreReason(
                rank: index + 1, code: reason.code, feature: reason.feature, text: reason.reason,
                pointsBelowBest: (reason.shortfall * 100).rounded() / 100)
        }
        return StoredScore(
            personID: personID, modelVersion: model.scorecard.modelVersion, asOf: asOf, score: result.score,
            probabilityBad: result.probabilityBad, reasons: Self.encodeReasons(reasons),
            features: Self.encodeFeatures(features),
            contributingBatches: contributingBatches, scoredAt: scoredAt)
    }

    /// The reasons of a stored score, as the report gives them.
    public static func reasons(of score: StoredScore) throws(ScoringError) -> [ScoreReason] {
        do {
            return try StrictDecoder.decode([ScoreReason].self, fromJSON: Array(score.reasons.utf8))
        } catch {
            throw ScoringError("the stored reasons of person \(score.personID) do not decode: \(error.message)")
        }
    }

    /// Stored features: a JSON array of numbers and nulls, as ``encodeFeatures(_:)`` writes it. Read by hand: the
    /// bulk re-score reads one per person, and a general JSON decoder costs more than scoring.
    static func decodeFeatures(_ json: String) throws(ScoringError) -> [Double?] {
        let bytes = json.utf8
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else {
            throw ScoringError("stored features are not a JSON array")
        }
        var values: [Double?] = []
        values.reserveCapacity(FeatureCatalog.names.count)
        for item in json.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false) {
            if item == "null" {
                values.append(nil)
            } else if let value = Double(item), value.isFinite {
                values.append(value)
            } else {
                throw ScoringError("stored features hold '\(item)', not a number or null")
            }
        }
        guard values.count == FeatureCatalog.names.count else {
            throw ScoringError(
                "stored features hold \(values.count) values; the catalog has \(FeatureCatalog.names.count)")
        }
        return values
    }

    /// A JSON array of the values, `null` for missing; Swift's shortest round-trip form of each number.
    static func encodeFeatures(_ features: [Double?]) -> String {
        "[" + features.map { $0.map { String($0) } ?? "null" }.joined(separator: ",") + "]"
    }

    /// The reasons as a JSON array of objects with the report's member names.
    static func encodeReasons(_ reasons: [ScoreReason]) -> String {
        let array = JSONValue.array(
            reasons.map { reason in
                .object(
                    JSONObject(members: [
                        ("code", .string(reason.code)), ("feature", .string(reason.feature)),
                        ("points_below_best", .number(String(reason.pointsBelowBest))),
                        ("rank", .number(String(reason.rank))), ("text", .string(reason.text)),
                    ]))
            })
        return String(decoding: array.serialized(), as: UTF8.self)
    }
}

/// Why scoring cannot go on: stored data that no longer reads. The message names the batch or person.
public struct ScoringError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

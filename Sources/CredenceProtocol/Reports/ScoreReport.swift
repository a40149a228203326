import Foundation

/// What a consumer receives for a score query (`protocol/score-report.md`), signed by the aggregator in a DSSE
/// envelope of type ``PayloadType/scoreReportV1``: who asked and why, the person's score with its band and
/// reasons, the model and as-of date behind it, and the batches whose records it was computed from, so that
/// a disputed reason leads back to the partner records behind it.
///
/// ```swift
/// let envelope = report.signed(with: aggregatorKey)          // the aggregator
/// let report = try ScoreReport.verify(bytes, key: aggregatorPublicKey)   // a consumer, offline
/// ```
public struct ScoreReport: Codable, Sendable, Equatable {
    public static let currentFormat = "credence.score-report.v1"

    public var format: String
    /// 32 lower-case hex digits, unique per query; the inquiry on the person's file carries the same id.
    public var reportID: String
    /// The aggregator that issued and signed the report.
    public var aggregatorID: PartnerID
    public var consumerID: PartnerID
    public var purpose: PermissiblePurpose
    public var issuedAt: Timestamp
    /// The person's file number at the aggregator: what the person cites to see or dispute their file.
    public var personID: String
    public var score: Int
    public var band: ScoreBand
    /// The model's probability of a serious delinquency at this score.
    public var probabilityBad: Double
    /// Up to four, the feature that cost the most points first.
    public var reasons: [ScoreReason]
    public var modelVersion: String
    /// Features were computed from records dated up to the end of this day.
    public var asOf: CalendarDate
    /// When the aggregator computed this score.
    public var scoredAt: Timestamp
    /// The batch ids (payload SHA-256) whose records the features were computed from, sorted.
    public var contributingBatches: [SHA256Digest]

    public init(
        reportID: String, aggregatorID: PartnerID, consumerID: PartnerID, purpose: PermissiblePurpose,
        issuedAt: Timestamp, personID: String, score: Int, probabilityBad: Double, reasons: [ScoreReason],
        modelVersion: String, asOf: CalendarDate, scoredAt: Timestamp, contributingBatches: [SHA256Digest]
    ) {
        self.format = Self.currentFormat
        self.reportID = reportID
        self.aggregatorID = aggregatorID
        self.consumerID = consumerID
        self.purpose = purpose
        self.issuedAt = issuedAt
        self.personID = personID
        self.score = score
        self.band = ScoreBand(probabilityBad: probabilityBad)
        self.probabilityBad = probabilityBad
        self.reasons = reasons
        self.modelVersion = modelVersion
        self.asOf = asOf
        self.scoredAt = scoredAt
        self.contributingBatches = contributingBatches
    }

    /// The report's bytes as signed: UTF-8 JSON, members sorted, no insignificant whitespace.
    public func serialized() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Strings, integers and finite doubles only (validate() refuses a non-finite probability).
        return Array(try! encoder.encode(self))
    }

    /// The report in a DSSE envelope signed by `key`.
    public func signed(with key: SigningKey) -> Envelope {
        EnvelopeSigner.sign(payload: serialized(), payloadType: PayloadType.scoreReportV1, with: [key])
    }

    /// Verifies a report envelope's signature under `key` and decodes the report from the signed bytes.
    public static func verify(_ envelope: some Collection<UInt8>, key: PublicKey) throws(ProtocolError) -> ScoreReport {
        let policy = try VerificationPolicy(trustedKeys: [key], requiredPayloadType: PayloadType.scoreReportV1)
        return try decode(EnvelopeVerifier.verify(envelope, policy: policy).payload)
    }

    /// Decodes and checks report bytes (strictly: an unknown member is an error).
    public static func decode(_ payload: [UInt8]) throws(ProtocolError) -> ScoreReport {
        let report = try StrictDecoder.decode(ScoreReport.self, fromJSON: payload)
        try report.validate()
        return report
    }

    /// The rules the types cannot say.
    public func validate() throws(ProtocolError) {
        func fail(_ member: String, _ message: String) -> ProtocolError {
            ProtocolError(.schemaInvalid, "/\(member): \(message)", pointer: JSONPointer().appending(member))
        }
        guard format == Self.currentFormat else {
            throw fail("format", "is '\(format)', expected '\(Self.currentFormat)'")
        }
        guard reportID.utf8.count == 32, reportID.utf8.allSatisfy(ASCII.isLowerHex) else {
            throw fail("report_id", "must be 32 lower-case hex digits")
        }
        guard !personID.isEmpty, personID.utf8.count <= 64 else { throw fail("person_id", "must be 1-64 characters") }
        guard probabilityBad.isFinite, (0...1).contains(probabilityBad) else {
            throw fail("probability_bad", "must be a number from 0 to 1")
        }
        guard band == ScoreBand(probabilityBad: probabilityBad) else {
            throw fail("band", "is '\(band.rawValue)' but probability_bad \(probabilityBad) is in another band")
        }
        guard reasons.count <= 4 else { throw fail("reasons", "holds more than 4 reasons") }
        for (index, reason) in reasons.enumerated() where reason.rank != index + 1 {
            throw fail("reasons", "reason \(index + 1) has rank \(reason.rank); ranks are 1, 2, ... in order")
        }
        guard !modelVersion.isEmpty else { throw fail("model_version", "must not be empty") }
        guard contributingBatches == contributingBatches.sorted(by: { $0.rawValue < $1.rawValue }),
            Set(contributingBatches).count == contributingBatches.count
        else {
            throw fail("contributing_batches", "must be sorted and without repeats")
        }
    }
}

/// One reason a score is not higher.
public struct ScoreReason: Codable, Sendable, Equatable {
    /// 1 for the feature that cost the most points.
    public var rank: Int
    /// The model's reason code for the feature (`U01`).
    public var code: String
    /// The catalog name of the feature.
    public var feature: String
    /// The sentence a person reads.
    public var text: String
    /// How many points the person's value scored below the feature's best.
    public var pointsBelowBest: Double

    public init(rank: Int, code: String, feature: String, text: String, pointsBelowBest: Double) {
        self.rank = rank
        self.code = code
        self.feature = feature
        self.text = text
        self.pointsBelowBest = pointsBelowBest
    }
}

/// The risk band of a probability of serious delinquency. Bands are fixed by probability, not by score, so
/// that they mean the same under every model version.
public enum ScoreBand: String, Codable, Sendable, CaseIterable {
    /// Under 2 %.
    case veryLowRisk = "very_low_risk"
    /// 2 % to under 5 %.
    case lowRisk = "low_risk"
    /// 5 % to under 10 %.
    case moderateRisk = "moderate_risk"
    /// 10 % to under 20 %.
    case highRisk = "high_risk"
    /// 20 % or more.
    case veryHighRisk = "very_high_risk"

    public init(probabilityBad: Double) {
        switch probabilityBad {
        case ..<0.02: self = .veryLowRisk
        case ..<0.05: self = .lowRisk
        case ..<0.10: self = .moderateRisk
        case ..<0.20: self = .highRisk
        default: self = .veryHighRisk
        }
    }
}

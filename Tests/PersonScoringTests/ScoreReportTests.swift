import CredenceProtocol
import Foundation
import Testing

/// The signed score report: what the aggregator signs verifies under its key only, decodes to the same report,
/// and any change to the bytes, the payload type or the rules the types cannot say is refused.
struct ScoreReportTests {
    static let key = try! SigningKey(seed: Array(repeating: 7, count: 32))

    static func report(probabilityBad: Double = 0.031) -> ScoreReport {
        ScoreReport(
            reportID: String(repeating: "ab", count: 16), aggregatorID: PartnerID(unchecked: "agg-1"),
            consumerID: PartnerID(unchecked: "landlord-1"), purpose: .tenantScreening,
            issuedAt: Timestamp(secondsSinceEpoch: 1_764_504_000), personID: "P00000042", score: 571,
            probabilityBad: probabilityBad,
            reasons: [
                ScoreReason(
                    rank: 1, code: "U01", feature: "revolving_utilization", text: "Revolving balances are high",
                    pointsBelowBest: 12.5),
                ScoreReason(
                    rank: 2, code: "D01", feature: "worst_status_24m", text: "An account was seriously past due",
                    pointsBelowBest: 3.25),
            ],
            modelVersion: "credence-default-2026.11-sim2026", asOf: CalendarDate(unchecked: "2024-12-31"),
            scoredAt: Timestamp(secondsSinceEpoch: 1_764_500_000),
            contributingBatches: [SHA256Digest(unchecked: String(repeating: "0", count: 64))])
    }

    @Test func aSignedReportVerifiesAndDecodesToTheSameReport() throws {
        let envelope = Self.report().signed(with: Self.key).serialized()
        #expect(try ScoreReport.verify(envelope, key: Self.key.publicKey) == Self.report())
        #expect(Self.report().band == .lowRisk)
    }

    @Test func aChangedByteOrAnotherKeyDoesNotVerify() throws {
        let envelope = Self.report().signed(with: Self.key)
        var payload = envelope.payload
        let score = Array("571".utf8)
        let at = try #require(payload.firstRange(of: score)).lowerBound
        payload[at] = UInt8(ascii: "9")
        let tampered = Envelope(payloadType: envelope.payloadType, payload: payload, signatures: envelope.signatures)
        #expect(throws: ProtocolError.self) {
            try ScoreReport.verify(tampered.serialized(), key: Self.key.publicKey)
        }
        let other = try SigningKey(seed: Array(repeating: 8, count: 32))
        #expect(throws: ProtocolError.self) {
            try ScoreReport.verify(envelope.serialized(), key: other.publicKey)
        }
    }

    @Test func aBatchEnvelopeIsNotAReport() throws {
        let envelope = EnvelopeSigner.sign(
            payload: Self.report().serialized(), payloadType: PayloadType.batchV1, with: [Self.key])
        let error = try #require(throws: ProtocolError.self) {
            try ScoreReport.verify(envelope.serialized(), key: Self.key.publicKey)
        }
        #expect(error.code == .unsupportedPayloadType)
    }

    @Test(arguments: [
        ("\"band\":\"low_risk\"", "\"band\":\"very_low_risk\"", "/band"),
        ("\"format\":\"credence.score-report.v1\"", "\"format\":\"credence.score-report.v2\"", "/format"),
        ("\"rank\":2", "\"rank\":3", "/reasons"),
        ("\"probability_bad\":0.031", "\"probability_bad\":1.5", "/probability_bad"),
        ("\"person_id\":", "\"surname\":\"x\",\"person_id\":", "surname"),
    ])
    func reportsBreakingARuleAreRefused(original: String, replacement: String, expected: String) throws {
        let text = String(decoding: Self.report().serialized(), as: UTF8.self)
        #expect(text.contains(original))
        let broken = Array(text.replacingOccurrences(of: original, with: replacement).utf8)
        let error = try #require(throws: ProtocolError.self) { try ScoreReport.decode(broken) }
        #expect(error.message.contains(expected), "\(error.message)")
    }

    @Test func bandsFollowTheProbabilityOfSeriousDelinquency() {
        #expect(ScoreBand(probabilityBad: 0.019_9) == .veryLowRisk)
        #expect(ScoreBand(probabilityBad: 0.02) == .lowRisk)
        #expect(ScoreBand(probabilityBad: 0.05) == .moderateRisk)
        #expect(ScoreBand(probabilityBad: 0.1) == .highRisk)
        #expect(ScoreBand(probabilityBad: 0.2) == .veryHighRisk)
    }

    @Test func purposeListsParseAndNameTheUnknownOne() throws {
        #expect(
            try PermissiblePurpose.parseList("tenant_screening, employment,tenant_screening").get() == [
                .tenantScreening, .employment,
            ])
        guard case .failure(let unknown) = PermissiblePurpose.parseList("tenant_screening,marketing") else {
            Issue.record("marketing is not a permissible purpose")
            return
        }
        #expect(unknown.name == "marketing")
    }
}

/// The published test vector (`protocol/vectors/score-report.*`): an independent implementation checks itself
/// against it.
struct ScoreReportVectorTests {
    static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("protocol/vectors")

    @Test func theVectorVerifiesAndItsPayloadIsTheReportSerialized() throws {
        let envelope = try Data(contentsOf: Self.vectors.appendingPathComponent("score-report.dsse.json"))
        let key = try PublicKey(
            text: try String(contentsOf: Self.vectors.appendingPathComponent("score-report.pub"), encoding: .utf8))
        let report = try ScoreReport.verify(Array(envelope), key: key)
        let payload = try Data(contentsOf: Self.vectors.appendingPathComponent("score-report.payload.json"))
        #expect(report.serialized() == Array(payload))
        #expect(report.score == 571 && report.band == .lowRisk && report.reasons.count == 2)
    }
}

import CredencePrimitives
import Foundation
import Testing

@testable import CredenceProtocol

/// The direct reader (bytes to batch, no JSON tree) against the reference path (strict parse to a tree, then
/// the decoders): on every payload, the same batch and record spans or the same error with the same pointer.
struct BatchPayloadReaderTests {
    /// What a payload decodes to, and where its records lie when it decodes.
    struct Outcome: Equatable, CustomStringConvertible {
        let result: Result<Batch, ProtocolError>
        let spans: [Range<Int>]

        var description: String {
            switch result {
            case .success(let batch): "batch of \(batch.records.count) records, spans \(spans)"
            case .failure(let error): "error \(error.code) '\(error.message)' at '\(error.pointer?.description ?? "-")'"
            }
        }
    }

    static func direct(_ payload: [UInt8]) -> Outcome {
        let result = Result { () throws(ProtocolError) in try Batch.decodeUnverified(payload) }
        let spans = (try? result.get()).map { _ in ParsedBatchPayload(payload).recordSpans } ?? []
        return Outcome(result: result, spans: spans)
    }

    static func reference(_ payload: [UInt8]) -> Outcome {
        let parsed = Result { () throws(ProtocolError) in
            try StrictJSONParser.parse(payload, spansOfArrayMember: "records")
        }
        let result = Result { () throws(ProtocolError) in try Batch.decodeReference(parsed.map(\.value)) }
        let spans = (try? result.get()).map { _ in (try? parsed.get())?.spans ?? [] } ?? []
        return Outcome(result: result, spans: spans)
    }

    /// The golden batches, and the lending one with only its tradeline snapshots (its events are a kind the
    /// direct decoder leaves to the reference path).
    static let samples: [[UInt8]] = {
        var snapshots = SampleBatches.lending
        snapshots.records = snapshots.records.filter { $0.kind == .tradelineSnapshot }
        return PartnerKind.allCases.map { SampleBatches.batch(for: $0).serialized() } + [snapshots.serialized()]
    }()

    /// Checks one payload; returns whether the direct reader answered without the reference path.
    @discardableResult
    static func expectSameOutcome(_ payload: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let direct = direct(payload)
        let reference = reference(payload)
        #expect(
            direct == reference, "\(String(decoding: payload.prefix(400), as: UTF8.self))",
            sourceLocation: sourceLocation)
        return ParsedBatchPayload(payload).direct != nil
    }

    @Test func readsTheSampleBatchesDirectlyAsTheReferenceDoes() throws {
        // Commerce events and tradeline snapshots are the direct decoder's kinds; the golden lending batch also
        // holds tradeline events, and the social one social account facts: those go to the reference path.
        let answered = Self.samples.map { Self.expectSameOutcome($0) }
        #expect(answered == [false, true, false, true])
        let commerce = SampleBatches.commerce.serialized()
        let parsed = ParsedBatchPayload(commerce)
        #expect(parsed.direct?.batch == SampleBatches.commerce)
        #expect(parsed.claimedPartnerID == "market-shopco")
        // Each span is exactly one record's JSON.
        let records = parsed.recordSpans.map { try? StrictDecoder.decode(Record.self, fromJSON: Array(commerce[$0])) }
        #expect(records == SampleBatches.commerce.records)
    }

    /// Edits that keep the JSON valid but touch a rule: whitespace, escapes, non-ASCII, number forms, null,
    /// unknown, repeated and reordered members, other types, trailing content.
    @Test func agreesOnEditsAtEveryRule() throws {
        let edits: [(String, String)] = [
            (#"":"#, #"" : "#), (#","#, ",\n\t "), (#"{"#, "{ "), (#"}"#, "\r\n}"),
            (#""amount":"#, #""amount_extra":1,"amount":"#), (#""amount":"#, #""amount":5,"amount":"#),
            (#""record_id""#, #""record\u005fid""#), (#""record_id":"#, #""record_id":"caf\u00e9","x":"#),
            (#""shopco-evt-1""#, #""shopco-\u0065vt-1""#), (#""shopco-evt-1""#, "\"shopco-\u{e9}vt-1\""),
            (#""shopco-evt-1""#, #""shopco\"evt""#), (#""klarna""#, "\"kla\u{1F600}rna\""),
            (#""klarna""#, #""kla\ud83d\ude00rna""#), (#""klarna""#, #""kla\ud83drna""#),
            (#""amount":59800"#, #""amount":59800.0"#), (#""amount":59800"#, #""amount":5.98e4"#),
            (#""amount":59800"#, #""amount":-0"#), (#""amount":59800"#, #""amount":059800"#),
            (#""amount":59800"#, #""amount":-59800"#), (#""amount":59800"#, #""amount":9223372036854775808"#),
            (#""amount":59800"#, #""amount":"59800""#), (#""amount":59800"#, #""amount":null"#),
            (#""line":1"#, #""line":-9223372036854775808"#), (#""line":1"#, #""line":1E0"#),
            (#""bnpl_provider":"klarna""#, #""bnpl_provider":null"#), (#""prev_batch_sha256":"#, #""prev":"#),
            (#""verified":true"#, #""verified":"true""#), (#""verified":true"#, #""verified":nul"#),
            (#""kind":"commerce_event""#, #""kind":"social_account_fact""#),
            (#""kind":"commerce_event""#, #""kind":"tradeline_snapshot""#),
            (#""subjects":["#, #""subjects":[],"s":["#), (#""records":["#, #""records":{"a":["#),
            (#""provenance":{"#, #""provenance":{},"p":{"#), (#""encodings":{"#, #""encodings":null,"e":{"#),
            (#""payment_history":["#, #""payment_history":[{"month":"2026-13","status":"ok","status_raw":"1"},"#),
        ]
        let (checked, answered) = DocumentEdits.check(Self.samples, by: edits) { Self.expectSameOutcome($0) }
        for payload in Self.samples {
            Self.expectSameOutcome(Array(payload.dropLast()))
            var invalidUTF8 = payload
            invalidUTF8[payload.firstIndex(of: UInt8(ascii: "\""))! + 4] = 0xC3
            Self.expectSameOutcome(invalidUTF8)
        }
        #expect(checked > 60)
        // The reader answers for edits it can read (whitespace, escaped or non-ASCII values, null optionals)
        // and leaves the rest to the reference path.
        #expect(answered > 10)
    }

    @Test func agreesOnRandomlyDamagedPayloads() {
        let mutants = ByteMutation.mutants(of: Self.samples, count: 1500, seed: 3)
        let answered = mutants.filter { Self.expectSameOutcome($0) }.count
        // Most damage breaks the JSON or a format; damage inside a free-text value or a number can leave a
        // batch the reader reads (59 of these 6,000 mutants, the seed fixed).
        #expect(answered > 40)
    }

    @Test func agreesOnDeepAndDegenerateDocuments() {
        let documents = [
            "", "{}", "[]", "null", "\"x\"", "{\"records\":[]}", String(repeating: "[", count: 200),
            "{\"partner_id\":" + String(repeating: "[", count: 130) + String(repeating: "]", count: 130) + "}",
        ]
        for document in documents {
            Self.expectSameOutcome(Array(document.utf8))
        }
    }

    /// The tape skips plain string bytes eight at a time: its word test must flag exactly the words holding a
    /// byte that can end a plain run, wherever that byte is and whatever its neighbours.
    @Test func theWordTestFlagsExactlyTheBytesThatEndAPlainString() {
        func ends(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80
        }
        func word(_ bytes: [UInt8]) -> UInt64 {
            bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        }
        for position in 0..<8 {
            for byte in UInt8.min...UInt8.max {
                for filler in [UInt8(ascii: "A"), 0x20, 0x7F, 0x21, 0x5B, 0x5D] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = byte
                    #expect(JSONTape.mayEndPlainString(word(bytes)) == ends(byte), "\(bytes)")
                }
            }
        }
        var random = SplitMix64(seed: 11)
        for _ in 0..<100_000 {
            let bytes = (0..<8).map { _ in UInt8.random(in: 0x18...0x85, using: &random) }
            #expect(JSONTape.mayEndPlainString(word(bytes)) == bytes.contains(where: ends))
        }
    }
}

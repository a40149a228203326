import CredencePrimitives
import Testing

@testable import CredenceProtocol

/// The direct envelope reader (tape, base64 decoded in place) against the reference path (a JSON tree, then its
/// members): on every input, the same envelope or the same error.
struct EnvelopeReaderTests {
    static let keys = [
        try! SigningKey(seed: [UInt8](repeating: 1, count: 32)),
        try! SigningKey(seed: [UInt8](repeating: 2, count: 32)),
    ]

    /// Envelopes as this project writes them (one and two signatures, payloads whose base64 holds '/' and '+'
    /// and needs padding), and hand-written forms: no keyid, a null keyid, URL-safe unpadded base64.
    static let samples: [[UInt8]] = {
        let payloads = [Array(#"{"a":1}"#.utf8), [UInt8](0...255), Array(repeating: 0xFB, count: 1_001)]
        var samples = payloads.flatMap { payload in
            [
                EnvelopeSigner.sign(payload: payload, payloadType: PayloadType.batchV1, with: [keys[0]]).serialized(),
                EnvelopeSigner.sign(payload: payload, payloadType: "text/plain", with: keys).serialized(),
            ]
        }
        samples += [
            #"{"payloadType":"x","payload":"e30=","signatures":[{"sig":"AAAA"}]}"#,
            #"{"signatures":[{"keyid":null,"sig":"AAAA"},{"sig":"AAA","keyid":"k"}],"payload":"-_8","payloadType":"y"}"#,
        ].map { Array($0.utf8) }
        return samples
    }()

    /// Checks one input both ways; returns whether the direct reader answered.
    @discardableResult
    static func expectSameOutcome(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        var answered = false
        for strict in [false, true] {
            let direct = Result { () throws(ProtocolError) in try Envelope(parsing: bytes, strictBase64: strict) }
            let reference = Result { () throws(ProtocolError) in
                try Envelope(parsingTree: bytes, strictBase64: strict)
            }
            #expect(
                direct == reference, "strict \(strict): \(String(decoding: bytes.prefix(300), as: UTF8.self))",
                sourceLocation: sourceLocation)
            let read = bytes.withUnsafeBufferPointer { EnvelopeReader.read($0, strictBase64: strict) }
            if let read {
                answered = true
                #expect(Result.success(read) == reference, sourceLocation: sourceLocation)
            }
        }
        return answered
    }

    @Test func readsTheSamplesDirectlyAsTheReferenceDoes() {
        #expect(Self.samples.allSatisfy { Self.expectSameOutcome($0) })
    }

    /// Edits that keep the JSON valid but touch a rule: whitespace, escapes, unknown and repeated members,
    /// other types, missing and empty members, trailing content.
    @Test func agreesOnEditsAtEveryRule() {
        let edits: [(String, String)] = [
            (#"":"#, #"" : "#), (#","#, ",\n\t "), (#"{"#, "{ "), (#"}"#, "\r\n}"),
            (#""payload":"#, #""extra":1,"payload":"#), (#""payload":"#, #""payload":"AAAA","payload":"#),
            (#""sig":"#, #""sig":"AAAA","sig":"#), (#""keyid":"#, #""keyid":"k","keyid":"#),
            (#""sig":"#, #""note":"x","sig":"#), (#""payloadType":"#, #""payload\u0054ype":"#),
            (#""keyid":"#, #""keyid":null,"k":"#), (#""keyid":"#, #""keyid":5,"k":"#), ("/", #"\/"#),
            ("=", #"\u003d"#), (#""payloadType":""#, #""payloadType":"\u00e9"#), (#""sig""#, #""sag""#),
            (#""signatures":["#, #""signatures":[],"s":["#), (#""payload":""#, #""payload":1,"p":""#),
            (#""payload":""#, #""payload":" "#), (#""payload":""#, #""payload":"A"#), ("=", ""),
            (#""signatures":[{"#, #""signatures":[1,{"#), (#""signatures":"#, #""signatures":{"a":"#),
        ]
        let (checked, answered) = DocumentEdits.check(Self.samples, by: edits) { Self.expectSameOutcome($0) }
        #expect(checked > 80)
        // Whitespace and escapes outside the base64 are read directly; the rest goes to the reference path.
        #expect(answered > 20)
    }

    @Test func agreesOnRandomlyDamagedEnvelopes() {
        let mutants = ByteMutation.mutants(of: Self.samples, count: 400, seed: 5)
        let answered = mutants.filter { Self.expectSameOutcome($0) }.count
        // Damage to a base64 character often leaves other valid base64 that both paths decode alike.
        #expect(answered > 100)
    }

    @Test func agreesOnDegenerateDocuments() {
        for document in ["", "{}", "[]", "null", "\"x\"", #"{"payload":"","payloadType":"","signatures":[]}"#] {
            Self.expectSameOutcome(Array(document.utf8))
        }
    }
}

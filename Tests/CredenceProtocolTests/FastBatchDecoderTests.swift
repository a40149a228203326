import Foundation
import Testing

@testable import CredenceProtocol

/// The direct batch decoder must agree with the Decodable path whenever it answers at all.
struct FastBatchDecoderTests {
    @Test(arguments: PartnerKind.allCases)
    func agreesWithTheStrictDecoderOnTheGoldenBatches(kind: PartnerKind) throws {
        let document = try StrictJSONParser.parse(SampleBatches.batch(for: kind).serialized())
        let strict = try StrictDecoder.decode(Batch.self, from: document)
        if let fast = FastBatchDecoder<JSONValue>.batch(document) {
            #expect(fast == strict)
        }
    }

    @Test func answersForTheBatchesItIsMeantFor() throws {
        let document = try StrictJSONParser.parse(SampleBatches.commerce.serialized())
        #expect(FastBatchDecoder<JSONValue>.batch(document) == SampleBatches.commerce)
    }

    @Test func declinesWhatItDoesNotKnowSoTheStrictPathReportsIt() throws {
        var text = String(decoding: SampleBatches.commerce.serialized(), as: UTF8.self)
        text = text.replacingOccurrences(of: #""amount":"#, with: #""amount_extra":1,"amount":"#)
        let document = try StrictJSONParser.parse(Array(text.utf8))
        #expect(FastBatchDecoder<JSONValue>.batch(document) == nil)
        #expect(throws: ProtocolError.self) { try StrictDecoder.decode(Batch.self, from: document) }
    }
}

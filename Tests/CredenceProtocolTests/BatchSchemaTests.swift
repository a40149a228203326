import CredencePrimitives
import Foundation
import Testing

@testable import CredenceProtocol

/// The batch schema as the decoder enforces it: every error names its field by JSON Pointer.
struct BatchSchemaTests {
    /// The lending sample as a mutable JSON tree, to break one thing at a time.
    func sample(_ kind: PartnerKind = .lending) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(SampleBatches.batch(for: kind).serialized())) as! [String: Any]
    }

    func decode(_ object: [String: Any]) throws(ProtocolError) -> Batch {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try Batch.decodeUnverified(Array(data))
    }

    func expectError(_ object: [String: Any], pointer: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try decode(object)
            Issue.record("expected a schema error at \(pointer)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == .schemaInvalid, sourceLocation: sourceLocation)
            #expect(error.pointer?.description == pointer, "\(error.message)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: PartnerKind.allCases)
    func samplesRoundTrip(kind: PartnerKind) throws {
        let batch = SampleBatches.batch(for: kind)
        #expect(try Batch.decodeUnverified(batch.serialized()) == batch)
    }

    @Test func missingMemberIsNamed() throws {
        var batch = try sample()
        batch.removeValue(forKey: "audience")
        expectError(batch, pointer: "/audience")
    }

    @Test func unknownMemberIsNamed() throws {
        var batch = try sample()
        var records = batch["records"] as! [[String: Any]]
        var fact = records[0]["fact"] as! [String: Any]
        fact["borrower_name"] = "JOHN PUBLIC"
        records[0]["fact"] = fact
        batch["records"] = records
        expectError(batch, pointer: "/records/0/fact/borrower_name")
    }

    @Test func wrongTypesAndFormatsAreNamed() throws {
        var batch = try sample()
        batch["batch_seq"] = "1"
        expectError(batch, pointer: "/batch_seq")

        batch = try sample()
        batch["created_at"] = "2026-11-01T02:00:00+08:00"
        expectError(batch, pointer: "/created_at")

        batch = try sample()
        batch["batch_seq"] = 1.5
        expectError(batch, pointer: "/batch_seq")

        batch = try sample()
        var records = batch["records"] as! [[String: Any]]
        var fact = records[0]["fact"] as! [String: Any]
        fact["status"] = "late"
        records[0]["fact"] = fact
        batch["records"] = records
        expectError(batch, pointer: "/records/0/fact/status")

        batch = try sample()
        records = batch["records"] as! [[String: Any]]
        var subjects = records[0]["subjects"] as! [[String: Any]]
        subjects[1]["subject_key"] = "not-a-token"
        records[0]["subjects"] = subjects
        batch["records"] = records
        expectError(batch, pointer: "/records/0/subjects/1/subject_key")

        batch = try sample()
        records = batch["records"] as! [[String: Any]]
        fact = records[0]["fact"] as! [String: Any]
        fact["as_of"] = "2026-02-30"
        records[0]["fact"] = fact
        batch["records"] = records
        expectError(batch, pointer: "/records/0/fact/as_of")
    }

    @Test func crossFieldRulesAreNamed() throws {
        var batch = try sample()
        batch["prev_batch_sha256"] = String(repeating: "a", count: 64)
        expectError(batch, pointer: "/prev_batch_sha256")

        batch = try sample()
        batch["source_format"] = "x-archive"
        expectError(batch, pointer: "/source_format")

        batch = try sample()
        var records = batch["records"] as! [[String: Any]]
        var fact = records[0]["fact"] as! [String: Any]
        fact["balance"] = -1
        records[0]["fact"] = fact
        batch["records"] = records
        expectError(batch, pointer: "/records/0/fact/balance")

        batch = try sample()
        records = batch["records"] as! [[String: Any]]
        records[1]["record_id"] = records[0]["record_id"]
        batch["records"] = records
        expectError(batch, pointer: "/records/1/record_id")

        batch = try sample(.commerce)
        batch["partner_kind"] = "lending"
        batch["source_format"] = "metro2-character"
        expectError(batch, pointer: "/records/0/kind")

        batch = try sample(.commerce)
        records = batch["records"] as! [[String: Any]]
        fact = records[2]["fact"] as! [String: Any]
        fact.removeValue(forKey: "chargeback")
        records[2]["fact"] = fact
        batch["records"] = records
        expectError(batch, pointer: "/records/2/fact/chargeback")

        batch = try sample()
        batch["records"] = []
        expectError(batch, pointer: "/records")
    }

    /// Rule 28: `days_past_due` comes with delinquency events, at a Metro 2 level, and with nothing else.
    @Test func tradelineEventDaysPastDue() throws {
        func withEvent(_ change: (inout [String: Any]) -> Void) throws -> [String: Any] {
            var batch = try sample()
            var records = batch["records"] as! [[String: Any]]
            var fact = records[2]["fact"] as! [String: Any]
            change(&fact)
            records[2]["fact"] = fact
            batch["records"] = records
            return batch
        }
        #expect(throws: Never.self) { try self.decode(try withEvent { _ in }) }
        expectError(try withEvent { $0.removeValue(forKey: "days_past_due") }, pointer: "/records/2/fact/days_past_due")
        expectError(try withEvent { $0["days_past_due"] = 45 }, pointer: "/records/2/fact/days_past_due")
        expectError(
            try withEvent { $0["event"] = "cured" }, pointer: "/records/2/fact/days_past_due")
        expectError(try withEvent { $0["event"] = "defaulted" }, pointer: "/records/2/fact/event")
    }

    /// Rule 29: `contains_name` is an email's flag, a boolean, and nothing else carries it.
    @Test func containsNameOnlyOnEmails() throws {
        func withFlag(_ value: Any, onIdentifierOfType type: String) throws -> [String: Any] {
            var batch = try sample(.commerce)
            var records = batch["records"] as! [[String: Any]]
            var subjects = records[0]["subjects"] as! [[String: Any]]
            var identifiers = subjects[0]["identifiers"] as! [[String: Any]]
            let index = try #require(identifiers.firstIndex { $0["type"] as? String == type })
            identifiers[index]["contains_name"] = value
            subjects[0]["identifiers"] = identifiers
            records[0]["subjects"] = subjects
            batch["records"] = records
            return batch
        }
        let identifiers =
            ((try sample(.commerce)["records"] as! [[String: Any]])[0]["subjects"] as! [[String: Any]])[0][
                "identifiers"] as! [[String: Any]]
        let emailIndex = try #require(identifiers.firstIndex { $0["type"] as? String == "email" })
        let phoneIndex = try #require(identifiers.firstIndex { $0["type"] as? String == "phone_e164" })
        let decoded = try decode(try withFlag(true, onIdentifierOfType: "email"))
        #expect(decoded.records[0].subjects[0].identifiers[emailIndex].containsName == true)
        expectError(
            try withFlag(true, onIdentifierOfType: "phone_e164"),
            pointer: "/records/0/subjects/0/identifiers/\(phoneIndex)/contains_name")
        expectError(
            try withFlag("yes", onIdentifierOfType: "email"),
            pointer: "/records/0/subjects/0/identifiers/\(emailIndex)/contains_name")
    }

    @Test func integersMustFit() throws {
        let text = String(decoding: SampleBatches.lending.serialized(), as: UTF8.self)
            .replacingOccurrences(of: #""key_epoch":1"#, with: #""key_epoch":99999999999999999999999"#)
        do {
            _ = try Batch.decodeUnverified(Array(text.utf8))
            Issue.record("an oversized integer was accepted")
        } catch {
            #expect(error.pointer?.description == "/key_epoch")
        }
    }

    @Test func timestampsAndDatesConvert() throws {
        #expect(try Timestamp("1970-01-01T00:00:00Z").secondsSinceEpoch == 0)
        #expect(try Timestamp("2000-03-01T00:00:01.5Z").secondsSinceEpoch == 951_868_801)
        #expect(Timestamp(secondsSinceEpoch: 951_868_801).rawValue == "2000-03-01T00:00:01Z")
        #expect(try CalendarDate("2024-02-29").daysSinceEpoch == 19_782)
        #expect(CalendarDate(daysSinceEpoch: -1).rawValue == "1969-12-31")
        #expect(throws: ProtocolError.self) { try CalendarDate("2023-02-29") }
        #expect(throws: ProtocolError.self) { try Timestamp("2026-01-01T24:00:00Z") }
        #expect(throws: ProtocolError.self) { try Timestamp("2026-01-01 12:00:00Z") }
        #expect(try CurrencyCode("JPY").minorUnitExponent == 0)
        #expect(try CurrencyCode("KWD").minorUnitExponent == 3)
        #expect(throws: ProtocolError.self) { try CurrencyCode("usd") }
    }
}

/// Tokens and Bloom encodings are checked on their characters; the definition is what `Base64.decodeURLSafe`
/// decodes to 32 and 128 bytes.
struct EncodedValueFormatTests {
    static func decodes(_ text: String, toBytes count: Int) -> Bool {
        (try? Base64.decodeURLSafe(text))?.count == count
    }

    @Test func tokensAndEncodingsAreWhatTheirBase64Decodes() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. é")
        var random = SplitMix64(seed: 11)
        for _ in 0..<4000 {
            // Mostly valid characters, sometimes another one or another length.
            let length = [43, 171, 42, 44, 170, 172].randomElement(using: &random)!
            var characters = (0..<length).map { _ in alphabet[Int.random(in: 0..<64, using: &random)] }
            if Bool.random(using: &random) {
                characters[Int.random(in: 0..<length, using: &random)] = alphabet.randomElement(using: &random)!
            }
            let text = String(characters)
            #expect(Token.isValid(text) == Self.decodes(text, toBytes: 32), "\(text)")
            #expect(BloomEncoding.isValid(text) == Self.decodes(text, toBytes: 128), "\(text)")
        }
    }
}

import CredenceTesting
import Foundation
import Metro2
import Testing

/// The federation end to end: every partner kind's real adapter executable against a real aggregator over
/// HTTPS, on data from `credence simulate`.
@Suite(.serialized) struct FederationTests {
    @Test(.timeLimit(.minutes(8))) func everySimulatedExportArrivesExactlyOnceAndNothingRawIsStored() async throws {
        let federation = try await Federation.start(people: 150, seed: 11)
        defer { federation.stop() }
        #expect(Set(federation.partners.map(\.kind)) == ["lending", "commerce", "social"])
        #expect(federation.partners.filter { $0.kind == "lending" }.count >= 2)

        for partner in federation.partners {
            let backfill = try await CommandRunner.runOffPool(
                partner.executable, ["backfill", "--dir", partner.adapterDirectory] + partner.inputs)
            #expect(backfill.status == 0, "\(partner.id): \(backfill.stderr)")
            let status = try await federation.status(of: partner)
            let records = status["records"] as? Int ?? -1
            #expect(status["pending"] as? Int == 0, "\(partner.id)")
            // The deliberately invalid rows the simulator wrote, and only those, were quarantined.
            #expect(status["rejects"] as? Int == partner.invalidUnits, "\(partner.id): \(status)")
            // What the adapter sealed is what the aggregator holds for it, once.
            let stored = try federation.query(
                "SELECT count(*), coalesce(sum(record_count), 0) FROM batches WHERE partner_id = '\(partner.id)'")
            #expect(stored == ["\(status["acknowledged"] as? Int ?? -1)|\(records)"], "\(partner.id)")
            #expect(records > 0, "\(partner.id)")
        }

        // A second backfill of the same files sends nothing: every file is recognized as processed.
        let lender = try #require(federation.partners.first { $0.kind == "lending" })
        let before = try federation.query("SELECT count(*) FROM batches")
        let again = try await CommandRunner.runOffPool(
            lender.executable, ["backfill", "--dir", lender.adapterDirectory] + lender.files)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try federation.query("SELECT count(*) FROM batches") == before)
        #expect(try federation.query("SELECT count(*) FROM conflicts") == ["0"])

        try expectNoRawIdentifiers(federation)
    }

    /// Design §4: the aggregator never receives raw names, ID numbers, phones or emails. Collect the raw
    /// values from the partners' own exports and search every record body and every signed payload for them.
    private func expectNoRawIdentifiers(_ federation: Federation) throws {
        var raw: Set<String> = []
        for partner in federation.partners {
            for file in partner.files where partner.kind != "lending" && !file.hasSuffix(".zip") {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                raw.formUnion(Self.matches(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}"#, in: text))
                raw.formUnion(Self.matches(of: #"\+[1-9][0-9]{9,14}"#, in: text))
            }
            for file in partner.files where partner.kind == "lending" {
                var reader = try Metro2CharacterReader(contentsOf: URL(fileURLWithPath: file))
                while let item = try reader.next() {
                    guard case .success(let record) = item.result else { continue }
                    let consumer = record.base.consumer
                    if consumer.socialSecurityNumber.count == 9, consumer.socialSecurityNumber != "000000000" {
                        raw.insert(consumer.socialSecurityNumber)
                    }
                    if consumer.telephoneNumber.count == 10 { raw.insert(consumer.telephoneNumber) }
                    // Names as whole JSON strings: a bare four-letter surname would turn up by chance in the
                    // base64 of tokens, a quoted one only if a name were sent.
                    for name in [consumer.surname, consumer.firstName] where name.count >= 2 {
                        raw.insert("\"\(name)\"")
                    }
                    if record.base.consumerAccountNumber.count >= 10 { raw.insert(record.base.consumerAccountNumber) }
                }
            }
        }
        #expect(raw.count > 100, "the exports should hold many raw identifiers: \(raw.count)")

        // Every signed payload decoded from its envelope: stored records are slices of these, the one copy.
        var stored: [String] = []
        for envelope in try federation.query("SELECT CAST(envelope AS TEXT) FROM batches") {
            let object = try JSONSerialization.jsonObject(with: Data(envelope.utf8)) as! [String: Any]
            let payload = try #require(Data(base64Encoded: object["payload"] as! String))
            stored.append(String(decoding: payload, as: UTF8.self))
        }
        let corpus = stored.joined(separator: "\n").uppercased()
        #expect(corpus.count > 10_000)
        let found = raw.filter { corpus.contains($0.uppercased()) }
        #expect(found.isEmpty, "raw identifiers in the aggregator's store: \(found.prefix(5))")
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }
}

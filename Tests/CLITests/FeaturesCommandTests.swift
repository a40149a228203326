import CredenceProtocol
import CredenceTesting
import Foundation
import Testing

/// `credence features` through the built executable, on envelope files signed by a synthetic lender.
struct FeaturesCommandTests {
    let directory = try! TemporaryDirectory(prefix: "features-cli")

    static func token(_ label: String) -> Token {
        try! Token(String(repeating: "f", count: 42 - label.count) + label + "A")
    }

    static func snapshot(_ account: String, asOf: String, balance: Int64, subjects: [SubjectReference]) -> Record {
        Record(
            recordID: try! RawCode("\(account)-\(asOf)"), subjects: subjects,
            fact: .tradelineSnapshot(
                TradelineSnapshot(
                    furnisherID: try! RawCode("FURN1"), accountKey: token(account), portfolio: .revolving,
                    portfolioRaw: try! RawCode("R"), accountTypeRaw: try! RawCode("18"), asOf: try! CalendarDate(asOf),
                    openedOn: try! CalendarDate("2023-12-01"), currency: try! CurrencyCode("USD"),
                    creditLimit: 10_000, balance: balance, pastDue: 0, status: .current,
                    statusRaw: try! RawCode("11"))))
    }

    /// Two monthly batches of one card held jointly by Ann and Ben, whose key changes in between.
    func writeLender() throws -> (folder: String, keyFile: String) {
        var lender = SyntheticPartner(id: "sim-bank", kind: .lending, audience: "agg-test")
        let holders = [
            SubjectReference(subjectKey: Self.token("ann"), role: .primary),
            SubjectReference(subjectKey: Self.token("ben"), role: .joint),
        ]
        let change = Record(
            recordID: try! RawCode("key-change"), subjects: holders,
            fact: .accountKeyChange(
                AccountKeyChange(
                    furnisherID: try! RawCode("FURN1"), oldAccountKey: Self.token("old"),
                    newAccountKey: Self.token("new"))))
        let first = lender.nextEnvelope(
            records: [Self.snapshot("old", asOf: "2024-10-15", balance: 8_000, subjects: holders), change],
            createdAt: 1_730_000_000)
        let second = lender.nextEnvelope(
            records: [Self.snapshot("new", asOf: "2024-11-15", balance: 3_000, subjects: holders)],
            createdAt: 1_732_000_000)
        try FileManager.default.createDirectory(atPath: directory.path("outbox"), withIntermediateDirectories: true)
        _ = try directory.write("outbox/1.dsse.json", first)
        _ = try directory.write("outbox/2.dsse.json", second)
        return (directory.path("outbox"), try directory.write("bank.pub", lender.publicKeyPEM))
    }

    func writePersons() throws -> String {
        try directory.write(
            "persons.csv",
            "subject_key,person_id\n\(Self.token("ann").rawValue),ann\n\(Self.token("ben").rawValue),ben\n")
    }

    @Test func writesTheFeatureTableAtTheAsOfDate() throws {
        let (folder, keyFile) = try writeLender()
        let persons = try writePersons()
        for (asOf, utilization) in [("2024-10-31", "0.8"), ("2024-12-31", "0.3")] {
            let out = directory.path("features-\(asOf).csv")
            let result = try CommandRunner.run(
                "credence",
                [
                    "features", "--envelopes", folder, "--persons", persons, "--as-of", asOf, "--trusted-keys",
                    keyFile, "--out", out,
                ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("2 batches"), "\(result.stderr)")
            let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            let header = lines[0]
            #expect(header.first == "person_id")
            let utilizationColumn = try #require(header.firstIndex(of: "revolving_utilization"))
            let mixColumn = try #require(header.firstIndex(of: "credit_mix"))
            #expect(lines.count == 3)
            for row in lines.dropFirst() {
                // One account across the key change, for each holder.
                #expect(row[utilizationColumn] == utilization, "\(row[0])")
                #expect(row[mixColumn] == "1")
                #expect(row.count == header.count)
            }
        }
    }

    @Test func printsTheCatalog() throws {
        let result = try CommandRunner.run("credence", ["features", "--catalog"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("revolving_utilization"))
        #expect(result.stdout.contains("chargebacks_lost_24m"))
    }

    @Test func refusesWrongInputWithTheDocumentedStatus() throws {
        let (folder, _) = try writeLender()
        let persons = try writePersons()
        let out = directory.path("features.csv")
        let noAsOf = try CommandRunner.run(
            "credence", ["features", "--envelopes", folder, "--persons", persons, "--out", out])
        #expect(noAsOf.status == 2, "\(noAsOf.stderr)")
        let badDate = try CommandRunner.run(
            "credence",
            ["features", "--envelopes", folder, "--persons", persons, "--as-of", "2024-02-30", "--out", out])
        #expect(badDate.status == 2)

        let badPersons = try directory.write("bad.csv", "subject_key,person_id\nnot-a-token,x\n")
        let rejected = try CommandRunner.run(
            "credence",
            ["features", "--envelopes", folder, "--persons", badPersons, "--as-of", "2024-12-31", "--out", out])
        #expect(rejected.status == 1)
        #expect(rejected.stderr.hasPrefix("error: \(badPersons):2: "), "\(rejected.stderr)")

        let stranger = try directory.write(
            "stranger.pub", SyntheticPartner(id: "x-1", audience: "agg-test").publicKeyPEM)
        let unverified = try CommandRunner.run(
            "credence",
            [
                "features", "--envelopes", folder, "--persons", persons, "--as-of", "2024-12-31", "--trusted-keys",
                stranger, "--out", out,
            ])
        #expect(unverified.status == 1, "\(unverified.stderr)")
        #expect(unverified.stderr.contains("1.dsse.json"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

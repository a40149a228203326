import AdapterCore
import CSVFiles
import CredenceIdentity
import CredenceProtocol
import CredenceTesting
import CreditFeatures
import FeatureFiles
import Foundation
import Testing

/// `credence features` as a library, on envelope files signed by synthetic partners in a temporary directory.
struct FeatureTableJobTests {
    let directory = try! TemporaryDirectory(prefix: "features")

    /// A valid token named by a short alphanumeric label.
    static func token(_ label: String) -> Token {
        try! Token(String(repeating: "t", count: 42 - label.count) + label + "A")
    }

    static let created: Int64 = 1_735_600_000  // 2024-12-30T23:06:40Z

    static func snapshot(subject: String, account: String, balance: Int64, role: SubjectRole = .primary) -> Record {
        Record(
            recordID: try! RawCode("snap-\(account)-\(subject)"),
            subjects: [SubjectReference(subjectKey: token(subject), role: role)],
            fact: .tradelineSnapshot(
                TradelineSnapshot(
                    furnisherID: try! RawCode("FURN1"), accountKey: token(account), portfolio: .revolving,
                    portfolioRaw: try! RawCode("R"), accountTypeRaw: try! RawCode("18"),
                    asOf: try! CalendarDate("2024-12-15"), openedOn: try! CalendarDate("2020-12-15"),
                    currency: try! CurrencyCode("USD"), creditLimit: 10_000, balance: balance, pastDue: 0,
                    status: .current, statusRaw: try! RawCode("11"))))
    }

    static func lostChargeback(subject: String, order: String, at time: String) -> Record {
        Record(
            recordID: try! RawCode("cb-\(order)"), subjects: [SubjectReference(subjectKey: token(subject))],
            fact: .commerceEvent(
                CommerceEvent(
                    event: .chargebackClosed, occurredAt: try! Timestamp(time), orderKey: token(order), amount: 1_200,
                    currency: try! CurrencyCode("USD"), paymentMethod: .card,
                    chargeback: .init(
                        reason: .notReceived, reasonRaw: try! RawCode("product_not_received"),
                        statusRaw: try! RawCode("won"), outcome: .won))))
    }

    /// Writes each envelope as `<seq>.dsse.json` in `folder`, as an adapter's dry run does.
    func writeEnvelopes(_ envelopes: [[UInt8]], in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory.path(folder), withIntermediateDirectories: true)
        for (index, envelope) in envelopes.enumerated() {
            _ = try directory.write("\(folder)/\(index + 1).dsse.json", envelope)
        }
        return directory.path(folder)
    }

    func readTable(_ path: String) throws -> [[String]] {
        let reader = try CSVReader(path: path)
        var rows: [[String]] = []
        while let row = try reader.nextRow() { rows.append(row.fields) }
        return rows
    }

    @Test func writesOneRowPerPersonFromEveryPartner() throws {
        var bank = SyntheticPartner(id: "sim-bank", kind: .lending, audience: "agg-test")
        var shop = SyntheticPartner(id: "sim-shop", kind: .commerce, audience: "agg-test")
        let bankFolder = try writeEnvelopes(
            [
                bank.nextEnvelope(
                    records: [
                        Self.snapshot(subject: "bankA", account: "acct1", balance: 5_000),
                        Self.snapshot(subject: "bankB", account: "acct2", balance: 1_000),
                    ], createdAt: Self.created)
            ], in: "bank")
        let shopEnvelopes = [
            shop.nextEnvelope(
                records: [Self.lostChargeback(subject: "shopA", order: "order1", at: "2024-06-01T10:00:00Z")],
                createdAt: Self.created),
            shop.nextEnvelope(
                records: [Self.lostChargeback(subject: "shopA", order: "order2", at: "2025-03-01T10:00:00Z")],
                createdAt: Self.created),
        ]
        let shopFolder = try writeEnvelopes(shopEnvelopes, in: "shop")
        // The same batch again in another folder is read once.
        let copyFolder = try writeEnvelopes([shopEnvelopes[0]], in: "copy")
        let persons = try directory.write(
            "persons.csv",
            """
            person_id,subject_key
            alice,\(Self.token("bankA").rawValue)
            alice,\(Self.token("shopA").rawValue)
            bob,\(Self.token("bankB").rawValue)
            carol,\(Self.token("nobody").rawValue)

            """)
        let job = FeatureTableJob(
            envelopeDirectories: [bankFolder, shopFolder, copyFolder], personsPath: persons,
            asOf: try CalendarDate("2024-12-31"), outputPath: directory.path("features.csv"))
        let report = try job.run()
        #expect(report.batches == 3)
        #expect(report.duplicateBatches == 1)
        #expect(report.records == 4)
        #expect(report.personsWithRecords == 2)

        let table = try readTable(directory.path("features.csv"))
        #expect(table[0] == ["person_id"] + FeatureCatalog.names)
        #expect(table.map(\.first) == ["person_id", "alice", "bob", "carol"])
        func cell(_ person: Int, _ feature: CreditFeature) -> String { table[person][feature.rawValue + 1] }
        #expect(cell(1, .revolvingUtilization) == "0.5")
        #expect(cell(1, .oldestAccountMonths) == "48")
        #expect(cell(1, .chargebacksLost24m) == "1")
        #expect(cell(2, .revolvingUtilization) == "0.1")
        #expect(cell(2, .chargebacksLost24m) == "")
        #expect(table[3].dropFirst().allSatisfy { $0.isEmpty })
    }

    /// A data team (or the simulator's truth) knows its subjects by partner and local key: with the linkage key
    /// they become the subject keys the partner's adapter puts in its batches.
    @Test func personsNamedByPartnerAndLocalKeyAreTokenizedAsAdaptersDo() throws {
        let key = try LinkageKey(bytes: (1...32).map(UInt8.init))
        let bankKey = try RecordContext(partnerID: PartnerID("sim-bank"), linkageKey: key, defaultRegion: nil)
            .subjectKey(localKey: "ssn:123456789")
        let shopKey = try RecordContext(partnerID: PartnerID("sim-shop"), linkageKey: key, defaultRegion: .us)
            .subjectKey(localKey: "customer-42")
        let path = try directory.write(
            "truth.csv", "partner_id,local_key,person_id\nsim-bank,ssn:123456789,P1\nsim-shop,customer-42,P1\n")
        let map = try PersonMap.read(path: path, linkageKey: key)
        #expect(map.personIDs == ["P1"])
        #expect(map.person(of: bankKey) == 0 && map.person(of: shopKey) == 0)
        #expect(map.subjectKeys == [[bankKey, shopKey]])
        #expect(throws: FeatureFileError.self) { try PersonMap.read(path: path) }
        let other = try PersonMap.read(path: path, linkageKey: try LinkageKey(bytes: (2...33).map(UInt8.init)))
        #expect(other.person(of: bankKey) == nil)
    }

    @Test func eachPersonMayHaveTheirOwnAsOfDateAndInquiries() throws {
        var shop = SyntheticPartner(id: "sim-shop", kind: .commerce, audience: "agg-test")
        let folder = try writeEnvelopes(
            [
                shop.nextEnvelope(
                    records: [
                        Self.lostChargeback(subject: "shopA", order: "o1", at: "2024-06-01T10:00:00Z"),
                        Self.lostChargeback(subject: "shopB", order: "o2", at: "2024-06-01T10:00:00Z"),
                    ], createdAt: Self.created)
            ], in: "shop")
        let persons = try directory.write(
            "persons.csv",
            """
            subject_key,person_id,application_date
            \(Self.token("shopA").rawValue),alice,2024-05-31
            \(Self.token("shopB").rawValue),bob,

            """)
        let inquiries = try directory.write(
            "inquiries.csv", "person_id,inquired_on\nbob,2024-03-01\nbob,2023-01-01\nzed,2024-03-01\n")
        let job = FeatureTableJob(
            envelopeDirectories: [folder], personsPath: persons, asOf: try CalendarDate("2024-12-31"),
            asOfColumn: "application_date", inquiriesPath: inquiries, outputPath: directory.path("features.csv"))
        let report = try job.run()
        #expect(report.unknownInquiryRows == 1)
        let table = try readTable(directory.path("features.csv"))
        // Alice's chargeback came after her application date.
        #expect(table[1][CreditFeature.chargebacksLost24m.rawValue + 1] == "")
        #expect(table[1][CreditFeature.inquiries12m.rawValue + 1] == "0")
        #expect(table[2][CreditFeature.chargebacksLost24m.rawValue + 1] == "1")
        #expect(table[2][CreditFeature.inquiries12m.rawValue + 1] == "1")
    }

    @Test func trustedKeysRefuseAnEnvelopeNoneOfThemSigned() throws {
        var bank = SyntheticPartner(id: "sim-bank", kind: .lending, audience: "agg-test")
        let stranger = SyntheticPartner(id: "sim-bank", kind: .lending, audience: "agg-test")
        let record = Self.snapshot(subject: "bankA", account: "acct1", balance: 5_000)
        let folder = try writeEnvelopes(
            [bank.nextEnvelope(records: [record], createdAt: Self.created)], in: "bank")
        let trusted = EnvelopeFiles(trustedKeys: [bank.key.publicKey])
        #expect(try trusted.read(folder + "/1.dsse.json").batch.records == [record])
        let strangers = EnvelopeFiles(trustedKeys: [stranger.key.publicKey])
        let error = #expect(throws: FeatureFileError.self) { try strangers.read(folder + "/1.dsse.json") }
        #expect(error?.kind == .input)
        #expect(error?.message.hasPrefix(folder + "/1.dsse.json: ") == true)
    }

    @Test func filesThatDoNotFitAreReportedWithTheirLine() throws {
        let goodKey = Self.token("a").rawValue
        func failure(_ persons: String, asOfColumn: String? = nil) throws -> FeatureFileError? {
            let path = try directory.write("persons.csv", persons)
            return #expect(throws: FeatureFileError.self) {
                _ = try PersonMap.read(path: path, asOfColumn: asOfColumn)
            }
        }
        let path = directory.path("persons.csv")
        #expect(
            try failure("person_id,subject\np,\(goodKey)\n")?.message
                == "\(path):1: no column 'subject_key' (or 'partner_id' and 'local_key') in the header")
        let badToken = try failure("subject_key,person_id\n\(goodKey),p\nnot-a-token,q\n")
        #expect(badToken?.message.hasPrefix("\(path):3: column subject_key is not a subject key token") == true)
        #expect(badToken?.message.contains("not-a-token") == false)
        let twoDates = try failure(
            "subject_key,person_id,as_of\n\(goodKey),p,2024-01-31\n\(Self.token("b").rawValue),p,2024-02-29\n",
            asOfColumn: "as_of")
        #expect(twoDates?.message.hasPrefix("\(path):3: as_of differs from the date line 2 gives") == true)
        #expect(try failure("")?.kind == .input)

        let shared = try directory.write(
            "shared.csv", "subject_key,person_id\n\(goodKey),p\n\(goodKey),q\n\(goodKey),p\n")
        let map = try PersonMap.read(path: shared)
        #expect(map.conflictingRows == 1)
        #expect(map.person(of: Self.token("a")) == 0)
        #expect(map.personIDs == ["p", "q"])
    }

    @Test func aDirectoryWithoutEnvelopesIsAUsageError() throws {
        try FileManager.default.createDirectory(atPath: directory.path("empty"), withIntermediateDirectories: true)
        let error = #expect(throws: FeatureFileError.self) { try EnvelopeFiles.list([directory.path("empty")]) }
        #expect(error?.kind == .usage)
        #expect(throws: FeatureFileError.self) { try EnvelopeFiles.list([directory.path("missing")]) }
    }

    @Test func theCatalogTableListsEveryFeatureInOrder() {
        let lines = CatalogTable.text().split(separator: "\n")
        #expect(lines.count == CreditFeature.allCases.count + 1)
        #expect(lines[0].hasPrefix("feature"))
        for (line, feature) in zip(lines.dropFirst(), CreditFeature.allCases) {
            #expect(line.hasPrefix(feature.name + " "))
            #expect(line.hasSuffix(feature.definition.meaning))
        }
    }
}

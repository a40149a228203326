import AdapterCore
import CredenceIdentity
import CredenceProtocol
import Foundation
import LendingAdapter
import Metro2
import Testing

/// Writes `records` as a newline-delimited character file and reads it through the lending reader.
private func lendingItems(of records: [Metro2DataRecord], framing: Metro2Framing = .newlineDelimited) throws
    -> [SourceItem]
{
    let scratch = try ScratchDirectory()
    return try lendingItems(try scratch.file("accounts.dat", try Sample.file(records, framing: framing))).items
}

private func records(_ item: SourceItem) throws -> [Record] { try item.outcome.get() }

private func snapshot(_ records: [Record]) -> TradelineSnapshot? {
    records.lazy.compactMap { record -> TradelineSnapshot? in
        if case .tradelineSnapshot(let value) = record.fact { return value }
        return nil
    }.first
}

private func deletions(_ records: [Record]) -> [Deletion] {
    records.compactMap { record -> Deletion? in
        if case .deletion(let value) = record.fact { return value }
        return nil
    }
}

@Suite struct LendingFixtureTests {
    static let characterFixture = fixtures.appendingPathComponent("unpacked_variable_file.dat")
    static let jsonFixture = fixtures.appendingPathComponent("unpacked_fixed_file.json")

    @Test func bothFixturesRejectTheirRecordAlike() throws {
        // moov's sample account was opened in 2019 but reports as of 2002: rule 15 of batch.md quarantines it.
        let character = try lendingItems(Self.characterFixture)
        let json = try lendingItems(Self.jsonFixture)
        #expect(character.document.format == .metro2Character)
        #expect(json.document.format == .metro2MoovJSON)
        #expect(character.document.warnings.isEmpty && json.document.warnings.isEmpty)
        let reason = "base segment date opened 2019-11-22 is after the date of account information 2002-09-20"
        #expect(character.items.map { $0.outcome.failure?.reason } == [reason])
        #expect(json.items.map { $0.outcome.failure?.reason } == [reason])
        #expect(character.items.first?.outcome.failure?.description == "unpacked_variable_file.dat:2: " + reason)
        #expect(json.items.first?.outcome.failure?.description == "unpacked_fixed_file.json#1: " + reason)
    }

    @Test func bothFixturesGiveTheSameAccounts() throws {
        // The fixtures with the account opened in 1999 instead, in both formats.
        let scratch = try ScratchDirectory()
        var dat = Array(try Data(contentsOf: Self.characterFixture))
        let dateOpened = 496 + 1 + 4 + 75  // header line, line feed, BDW, base offset
        #expect(String(decoding: dat[dateOpened..<(dateOpened + 8)], as: UTF8.self) == "11222019")
        dat.replaceSubrange(dateOpened..<(dateOpened + 8), with: Array("11221999".utf8))
        let json = try String(contentsOf: Self.jsonFixture, encoding: .utf8)
            .replacingOccurrences(of: "\"dateOpened\": \"2019-11-22", with: "\"dateOpened\": \"1999-11-22")
        let character = try lendingItems(try scratch.file("unpacked_variable_file.dat", dat))
        let moov = try lendingItems(try scratch.file("unpacked_fixed_file.json", Array(json.utf8)))
        let fromCharacter = try character.items.flatMap(LendingAdapterTestsRecords.records)
        let fromJSON = try moov.items.flatMap(LendingAdapterTestsRecords.records)
        // Everything but where the records came from is the same.
        #expect(
            fromCharacter.map { Record(recordID: $0.recordID, subjects: $0.subjects, fact: $0.fact) }
                == fromJSON.map { Record(recordID: $0.recordID, subjects: $0.subjects, fact: $0.fact) })
        #expect(fromCharacter.map(\.recordID.rawValue) == ["0-snapshot", "0-key-change"])
        #expect(
            fromCharacter[0].provenance
                == Record.Provenance(file: try RawCode("unpacked_variable_file.dat"), line: 2))
        #expect(fromJSON[0].provenance == Record.Provenance(file: try RawCode("unpacked_fixed_file.json")))

        let account = try #require(snapshot(fromCharacter))
        #expect(account.furnisherID.rawValue == "6666666")
        #expect(account.portfolio == .mortgage && account.accountTypeRaw.rawValue == "48")
        #expect(account.status == .paidAfterDerogatory && account.statusRaw.rawValue == "62")
        #expect(account.asOf.rawValue == "2002-09-20" && account.openedOn.rawValue == "1999-11-22")
        #expect(account.closedOn?.rawValue == "2002-08-02" && account.firstDelinquencyOn?.rawValue == "2001-07-19")
        #expect(account.originalAmount == 243_800 && account.balance == 223_300 && account.actualPayment == 10_000)
        #expect(account.paymentHistory.count == 24)
        #expect(account.paymentHistory.allSatisfy { $0.status == .noHistory })
        #expect(account.paymentHistory.first?.month.rawValue == "2002-08")
        #expect(account.paymentHistory.last?.month.rawValue == "2000-09")
        #expect(account.complianceConditionRaw?.rawValue == "XA" && !account.disputed)
        #expect(account.specialCommentRaw?.rawValue == "AS")
        #expect(fromCharacter[0].subjects.map(\.role) == [.primary, .joint, .joint])
        #expect(fromCharacter[0].subjects.map(\.roleRaw?.rawValue) == ["1", "2", "2"])
        // J1 and J2 name the same person (same SSN): the same subject key.
        #expect(fromCharacter[0].subjects[1].subjectKey == fromCharacter[0].subjects[2].subjectKey)
    }

    @Test func newlineAndFramedFilesGiveTheSameRecords() throws {
        let records = [Sample.fullRecord(), Metro2DataRecord(base: Sample.base(account: "ACCT-0002"))]
        let newline = try lendingItems(of: records).flatMap(LendingAdapterTestsRecords.records)
        let framed = try lendingItems(of: records, framing: .recordDescriptorWords).flatMap(
            LendingAdapterTestsRecords.records)
        #expect(newline.map(\.fact) == framed.map(\.fact))
        #expect(newline.map(\.subjects) == framed.map(\.subjects))
        #expect(newline.first?.provenance?.line == 2 && framed.first?.provenance?.offset == 426)
    }
}

/// Named access to `records(_:)` from contexts where a local name shadows it.
enum LendingAdapterTestsRecords {
    static func records(_ item: SourceItem) throws -> [Record] { try item.outcome.get() }
}

@Suite struct LendingMappingTests {
    @Test func snapshotCarriesAmountsDatesAndCodes() throws {
        var base = Sample.base(php: "01D2B" + String(repeating: "B", count: 19))
        base.complianceConditionCode = "XB"
        base.consumer.consumerInformationIndicator = "1A"
        base.correctionIndicator = 1
        base.paymentRating = "1"
        base.specialComment = "CP"
        base.dateFirstDelinquency = Sample.date(2023, 12, 1)
        let items = try lendingItems(of: [Metro2DataRecord(base: base)])
        let account = try #require(snapshot(try records(items[0])))
        #expect(account.creditLimit == 500_000 && account.originalAmount == 420_000)
        #expect(account.scheduledPayment == 3_500 && account.actualPayment == 12_000)
        #expect(account.balance == 123_400 && account.pastDue == 0 && account.chargeOffAmount == 0)
        #expect(account.currency.rawValue == "USD")
        #expect(account.asOf.rawValue == "2024-02-29" && account.lastPaymentOn?.rawValue == "2024-02-14")
        #expect(account.firstDelinquencyOn?.rawValue == "2023-12-01" && account.closedOn == nil)
        #expect(account.termsDurationRaw?.rawValue == "REV" && account.termsFrequencyRaw?.rawValue == "M")
        #expect(account.portfolio == .revolving && account.interestType == .variable)
        #expect(account.paymentRatingRaw?.rawValue == "1")
        // Sticky codes travel raw; XB is a dispute.
        #expect(account.complianceConditionRaw?.rawValue == "XB" && account.disputed)
        #expect(account.consumerInformationRaw?.rawValue == "1A")
        #expect(account.specialCommentRaw?.rawValue == "CP")
        #expect(account.correction)
        // Entry k is k + 1 months before February 2024; D embedded, B trailing.
        let history = account.paymentHistory.map {
            "\($0.month.rawValue) \($0.statusRaw.rawValue) \($0.status.rawValue)"
        }
        #expect(
            history.prefix(6) == [
                "2024-01 0 current", "2023-12 1 dpd_30", "2023-11 D no_data", "2023-10 2 dpd_60",
                "2023-09 B no_history", "2023-08 B no_history",
            ])
        #expect(account.paymentHistory.last?.month.rawValue == "2022-02")
    }

    @Test(arguments: ["XB", "XC", "XF", "XG", "XH"])
    func disputeCodesSetDisputed(_ code: String) throws {
        var base = Sample.base()
        base.complianceConditionCode = code
        #expect(snapshot(try records(try lendingItems(of: [Metro2DataRecord(base: base)])[0]))?.disputed == true)
    }

    @Test(arguments: [("DA", Deletion.Reason.error), ("DF", .fraud)])
    func deleteStatusesBecomeAccountDeletions(_ status: String, _ reason: Deletion.Reason) throws {
        let produced = try records(try lendingItems(of: [Metro2DataRecord(base: Sample.base(status: status))])[0])
        #expect(produced.map(\.kind) == [.deletion])
        let deletion = try #require(deletions(produced).first)
        #expect(deletion.scope == .account && deletion.reason == reason && deletion.reasonRaw.rawValue == status)
        #expect(produced[0].recordID.rawValue == "0-deletion")
    }

    @Test func associatedConsumersAreSubjectsWithTheirRoles() throws {
        var record = Sample.fullRecord()
        record.l1 = nil
        record.j1.append(Metro2J1Segment(consumer: Sample.consumer(first: "LEO", ssn: "523456791", ecoa: "Z")))
        let produced = try records(try lendingItems(of: [record])[0])
        #expect(produced.map(\.recordID.rawValue) == ["0-snapshot", "0-remove-2"])
        // Base individual, J1 joint, J2 authorized user (not liable); the Z consumer is not on the snapshot.
        #expect(produced[0].subjects.map(\.role) == [.primary, .joint, .authorizedUser])
        #expect(produced[0].subjects.map(\.roleRaw?.rawValue) == ["1", "2", "3"])
        #expect(Set(produced[0].subjects.map(\.subjectKey)).count == 3)
        let removal = try #require(deletions(produced).first)
        #expect(removal.scope == .subjectOnAccount && removal.reason == .consumerRemoved)
        #expect(removal.reasonRaw.rawValue == "Z" && removal.accountKey == snapshot(produced)?.accountKey)
        #expect(produced[1].subjects.map(\.role) == [.remove])
        #expect(produced[1].subjects.map(\.roleRaw?.rawValue) == ["Z"])
    }

    @Test func subjectsCarryTokensAndEncodings() throws {
        let produced = try records(try lendingItems(of: [Sample.fullRecord()])[0])
        let context = Sample.context()
        let primary = produced[0].subjects[0]
        #expect(primary.subjectKey == (try context.subjectKey(localKey: "ssn:523456789")))
        #expect(primary.identifiers.map(\.type).contains(.usSSN))
        #expect(
            primary.encodings?.name != nil && primary.encodings?.birthDate != nil && primary.encodings?.address != nil)
        // The J2 authorized user has no SSN: keyed by name and birth date, no SSN token.
        let authorized = produced[0].subjects[2]
        #expect(authorized.subjectKey == (try context.subjectKey(localKey: "NAME-DOB|OKAFOR|GRACE||1999-01-30")))
        #expect(!authorized.identifiers.map(\.type).contains(.usSSN))
        // A nine-filled SSN means none.
        var record = Metro2DataRecord(base: Sample.base())
        record.base.consumer.socialSecurityNumber = "999999999"
        let nine = try records(try lendingItems(of: [record])[0])[0].subjects[0]
        #expect(!nine.identifiers.map(\.type).contains(.usSSN))
    }

    @Test func anL1SegmentLinksTheOldKeyToTheNewOne() throws {
        let produced = try records(try lendingItems(of: [Sample.fullRecord()])[0])
        let change = try #require(
            produced.compactMap { record -> AccountKeyChange? in
                if case .accountKeyChange(let value) = record.fact { return value }
                return nil
            }.first)
        let context = Sample.context()
        #expect(change.oldAccountKey == (try context.accountKey(furnisherID: "FURN00042", accountNumber: "ACCT-0001")))
        #expect(
            change.newAccountKey == (try context.accountKey(furnisherID: "FURN00042", accountNumber: "ACCT-0001-NEW")))
        #expect(change.newFurnisherID == nil && change.furnisherID.rawValue == "FURN00042")
        #expect(produced.last?.recordID.rawValue == "0-key-change")

        var both = Sample.fullRecord()
        both.l1?.changeIndicator = 3
        both.l1?.newIdentificationNumber = "FURN00099"
        let linked = try records(try lendingItems(of: [both])[0]).compactMap { record -> AccountKeyChange? in
            if case .accountKeyChange(let value) = record.fact { return value }
            return nil
        }
        #expect(linked.first?.newFurnisherID?.rawValue == "FURN00099")
        #expect(
            linked.first?.newAccountKey
                == (try context.accountKey(furnisherID: "FURN00099", accountNumber: "ACCT-0001-NEW")))
    }

    @Test func badRecordsAreRejectedWithTheirLineAndTheRestIsRead() throws {
        var unknownStatus = Sample.base(account: "ACCT-0002", status: "ZZ")
        unknownStatus.consumer = Sample.consumer(ssn: "523456792")
        var openedLate = Sample.base(account: "ACCT-0003")
        openedLate.dateOpened = Sample.date(2024, 3, 2)
        var badHistory = Sample.base(account: "ACCT-0004", php: "00B0" + String(repeating: "B", count: 20))
        badHistory.consumer.ecoaCode = "1"
        var badSSN = Sample.base(account: "ACCT-0005")
        badSSN.consumer.socialSecurityNumber = "666123456"
        let items = try lendingItems(of: [
            Metro2DataRecord(base: Sample.base()), Metro2DataRecord(base: unknownStatus),
            Metro2DataRecord(base: openedLate), Metro2DataRecord(base: badHistory), Metro2DataRecord(base: badSSN),
            Metro2DataRecord(base: Sample.base(account: "ACCT-0006")),
        ])
        #expect(items.map(\.position.line) == [2, 3, 4, 5, 6, 7])
        #expect(items.map(\.position.ordinal) == [0, 1, 2, 3, 4, 5])
        #expect(items[0].outcome.success != nil && items[5].outcome.success != nil)
        #expect(
            items[1].outcome.failure?.reason
                == "base segment account status 'ZZ' has no v1 mapping; expected one of 05, 11, 13, 61, 62, 63, 64, 65, 71, 78, 80, 82, 83, 84, 88, 89, 93, 94, 95, 96, 97, DA, DF"
        )
        #expect(
            items[2].outcome.failure?.reason
                == "base segment date opened 2024-03-02 is after the date of account information 2024-02-29")
        #expect(
            items[3].outcome.failure?.reason
                == "base segment payment history profile position 4 is '0' after a 'B' (no history before this month): B may only trail"
        )
        #expect(
            items[4].outcome.failure?.reason
                == "base segment social security number is not a valid SSN (reserved_number)")
        #expect(
            items[4].outcome.failure?.description
                == "accounts.dat:6: base segment social security number is not a valid SSN (reserved_number)")
    }

    @Test func aFieldThatDoesNotParseIsRejectedWithItsOffset() throws {
        var bytes = try Sample.file(
            [Metro2DataRecord(base: Sample.base()), Metro2DataRecord(base: Sample.base())],
            framing: .recordDescriptorWords)
        // The second record's date of account information (positions 182-189).
        let field = 426 + 426 + 181
        bytes.replaceSubrange(field..<(field + 8), with: Array("0229202X".utf8))
        let scratch = try ScratchDirectory()
        let items = try lendingItems(try scratch.file("framed.dat", bytes)).items
        #expect(items[1].position.offset == 852)
        #expect(
            items[1].outcome.failure?.reason
                == "base segment date of account information (positions 182-189) is '0229202X', expected a date MMDDYYYY (00000000 if none)"
        )
    }

    @Test func eventsOfTheSnapshotMonthAreRecords() throws {
        // Opened in the as-of month and 30 days past due after a current month.
        var base = Sample.base(status: "71", php: "0" + String(repeating: "B", count: 23))
        base.dateOpened = Sample.date(2024, 2, 1)
        let produced = try records(try lendingItems(of: [Metro2DataRecord(base: base)])[0])
        #expect(produced.map(\.recordID.rawValue) == ["0-snapshot", "0-event-0", "0-event-1"])
        let events = produced.compactMap { record -> TradelineEvent? in
            if case .tradelineEvent(let value) = record.fact { return value }
            return nil
        }
        #expect(events.map(\.event) == [.opened, .becameDelinquent])
        #expect(events.map(\.daysPastDue) == [nil, 30])
        #expect(events.allSatisfy { $0.month.rawValue == "2024-02" && $0.statusRaw.rawValue == "71" })
        #expect(events.allSatisfy { $0.accountKey == snapshot(produced)?.accountKey })
    }

    @Test func producedRecordsHoldNoRawIdentifiers() throws {
        var record = Sample.fullRecord()
        record.j1.append(Metro2J1Segment(consumer: Sample.consumer(first: "LEOPOLDO", ssn: "523456791", ecoa: "Z")))
        let items = try lendingItems(of: [
            record, Metro2DataRecord(base: Sample.base(account: "ACCT-0009", status: "DF")),
        ])
        let produced = try items.flatMap(LendingAdapterTestsRecords.records)
        let batch = Batch(
            partnerID: try PartnerID("lender-prairie"), partnerKind: .lending, audience: try PartnerID("aggregator"),
            keyEpoch: 1, batchSeq: 1, prevBatchSha256: nil, createdAt: try Timestamp("2024-03-01T00:00:00Z"),
            sourceFormat: .metro2Character, records: produced)
        #expect(batch.validationErrors().isEmpty)
        // The snapshot, the removal of the Z consumer, the key change, and the DF account's deletion.
        #expect(produced.map(\.kind) == [.tradelineSnapshot, .deletion, .accountKeyChange, .deletion])
        let json = String(decoding: batch.serialized(), as: UTF8.self)
        let raw = [
            "523456789", "523-45-6789", "523456790", "523456791", "2125550147", "212-555", "QUINTERO", "AMELIA",
            "MATEO",
            "OKAFOR", "GRACE", "ROSE", "LEOPOLDO", "1984-07-09", "07091984", "1999-01-30", "WILLOW", "HARBOR",
            "SPRINGFIELD",
            "PEORIA", "62704", "ACCT-0001", "ACCT-0009", "PRAIRIE LOGISTICS", "FIRST REGIONAL", "ACME",
        ]
        for value in raw {
            #expect(!json.contains(value), "'\(value)' appears in the produced records")
        }
    }

    @Test func theReaderDetectsJSONByContent() throws {
        let json = try String(contentsOf: fixtures.appendingPathComponent("unpacked_fixed_file.json"), encoding: .utf8)
        let scratch = try ScratchDirectory()
        let url = try scratch.file("export.m2", Array(("\n  " + json).utf8))
        let document = try LendingSourceReader().open(url, context: Sample.context())
        #expect(document.format == .metro2MoovJSON)
        #expect(LendingSourceReader().partnerKind == .lending)
    }

    @Test func unreadableFilesAreSourceFileErrors() throws {
        let scratch = try ScratchDirectory()
        let url = try scratch.file("orders.dat", Array("not metro 2 at all, just some text".utf8))
        let error = #expect(throws: SourceFileError.self) {
            try LendingSourceReader().open(url, context: Sample.context())
        }
        #expect(error?.file == "orders.dat")
        #expect(error?.message.hasPrefix("not a Metro 2 character file") == true)
    }
}

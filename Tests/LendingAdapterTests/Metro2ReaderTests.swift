import Foundation
import Metro2
import Testing

@Suite struct Metro2FixtureTests {
    @Test func readsMoovsVariableBlockedCharacterFile() throws {
        var reader = try Metro2CharacterReader(
            contentsOf: fixtures.appendingPathComponent("unpacked_variable_file.dat"))
        #expect(reader.framing == .newlineDelimited)
        #expect(reader.hasBlockDescriptorWords)
        #expect(reader.header.reporterName == "YOUR BUSINESS NAME HERE")
        #expect(reader.header.transUnionProgramIdentifier == "5555555555")
        #expect(reader.header.activityDate == Sample.date(2002, 8, 20))
        #expect(reader.header.reporterTelephoneNumber == "1234567890")

        let items = try readAll(&reader)
        #expect(items.count == 1)
        #expect(items.first?.position == .line(2))
        let record = try #require(items.first?.result.success)
        #expect(record.base.identificationNumber == "6666666")
        #expect(record.base.consumerAccountNumber == "553723456")
        #expect(record.base.portfolioType == "M")
        #expect(record.base.accountType == "48")
        #expect(record.base.accountStatus == "62")
        #expect(record.base.paymentHistoryProfile == String(repeating: "B", count: 24))
        #expect(record.base.highestCredit == 2438)
        #expect(record.base.currentBalance == 2233)
        #expect(record.base.dateOpened == Sample.date(2019, 11, 22))
        #expect(record.base.dateAccountInformation == Sample.date(2002, 9, 20))
        #expect(record.base.timeStamp?.rfc3339 == "2020-01-01T01:11:22Z")
        #expect(record.base.consumer.surname == "SMITH-JONES")
        #expect(record.base.consumer.socialSecurityNumber == "159328759")
        #expect(record.base.address.city == "U.S. Postal")
        #expect(record.j1.map(\.consumer.firstName) == ["KEVIN"])
        #expect(record.j2.map(\.address.city) == ["LANSING"])
        #expect(record.k3?.mortgageIdentificationNumber == "Mortgage Number")
        #expect(record.l1?.newConsumerAccountNumber == "New Consumer Account Number")
        #expect(record.n1?.occupation == "Occupation")
        #expect(reader.trailer?[.totalBaseRecords] == 1)
        #expect(reader.trailer?[.totalConsumerSegmentsJ2] == 1)
        #expect(reader.warnings.isEmpty)
    }

    @Test func moovJSONAndCharacterFilesHoldTheSameRecords() throws {
        var character = try Metro2CharacterReader(
            contentsOf: fixtures.appendingPathComponent("unpacked_variable_file.dat"))
        var json = try Metro2MoovJSONReader(contentsOf: fixtures.appendingPathComponent("unpacked_fixed_file.json"))
        #expect(json.header == character.header)
        let fromCharacter = try readAll(&character).map { try $0.result.get() }
        let fromJSON = try readAll(&json).map { try $0.result.get() }
        #expect(fromJSON == fromCharacter)
        #expect(json.trailer == character.trailer)
        #expect(json.warnings.isEmpty)
    }
}

@Suite struct Metro2FramingTests {
    static let framings: [Metro2Framing] = [
        .newlineDelimited, .crlfDelimited, .recordDescriptorWords,
        Metro2Framing(lineEnding: [], blockDescriptorWords: true),
        Metro2Framing(lineEnding: [0x0A], blockDescriptorWords: true),
    ]

    static func records() -> [Metro2DataRecord] {
        var second = Sample.fullRecord()
        second.base.consumerAccountNumber = "ACCT-0002"
        second.j1.append(second.j1[0])
        return [Sample.fullRecord(), Metro2DataRecord(base: Sample.base(account: "ACCT-0003")), second]
    }

    @Test(arguments: framings)
    func everyFramingReadsBackTheRecordsWritten(_ framing: Metro2Framing) throws {
        let scratch = try ScratchDirectory()
        let url = try scratch.file("file.dat", try Sample.file(Self.records(), framing: framing))
        var reader = try Metro2CharacterReader(contentsOf: url)
        #expect(reader.framing == (framing.lineEnding.isEmpty ? .recordDescriptorWords : .newlineDelimited))
        #expect(reader.header == Sample.header())
        let items = try readAll(&reader)
        #expect(try items.map { try $0.result.get() } == Self.records())
        #expect(reader.trailer == Metro2Trailer(totalling: Self.records()))
        #expect(reader.warnings.isEmpty)
        if framing.lineEnding.isEmpty {
            let headerLength = 426 + (framing.blockDescriptorWords ? 4 : 0)
            #expect(items.first?.position == .offset(Int64(headerLength)))
        } else {
            #expect(items.map(\.position) == [.line(2), .line(3), .line(4)])
        }
    }

    @Test func theWriterTalliesTheTrailer() throws {
        let trailer = Metro2Trailer(totalling: Self.records())
        #expect(trailer[.totalBaseRecords] == 3)
        #expect(trailer[.blockCount] == 5)
        #expect(trailer[.totalStatusCode11] == 3)
        #expect(trailer[.totalConsumerSegmentsJ1] == 3)
        #expect(trailer[.totalConsumerSegmentsJ2] == 2)
        #expect(trailer[.totalChangeSegments] == 2)
        // Base SSNs 3, J1 SSNs 3, J2 consumers have none: 6 in all; every consumer has a birth date.
        #expect(trailer[.totalSocialNumbersAllSegments] == 6)
        #expect(trailer[.totalSocialNumbersJ2Segments] == 0)
        #expect(trailer[.totalDatesBirthAllSegments] == 8)
        #expect(trailer[.totalTelephoneNumbersAllSegments] == 8)
    }

    @Test func writerOutputHasTheCRRGLengths() throws {
        let bytes = try Sample.file([Sample.fullRecord()], framing: .newlineDelimited)
        let lines = bytes.split(separator: 0x0A).map { Array($0) }
        #expect(lines.map(\.count) == [426, 426 + 100 + 200 + 34 + 34 + 40 + 30 + 54 + 146, 426])
        #expect(String(decoding: lines[1].prefix(4), as: UTF8.self) == "1064")
        #expect(String(decoding: lines[0][4..<10], as: UTF8.self) == "HEADER")
        #expect(String(decoding: lines[2][4..<11], as: UTF8.self) == "TRAILER")
    }

    @Test func aWrongRecordDescriptorWordRejectsOnlyThatRecord() throws {
        let scratch = try ScratchDirectory()
        for framing in [Metro2Framing.newlineDelimited, .recordDescriptorWords] {
            var bytes = try Sample.file(Self.records(), framing: framing)
            // The second data record (426 bytes, RDW 0426) starts after the header and the first record.
            let secondStart = 426 + framing.lineEnding.count + 1064 + framing.lineEnding.count
            #expect(String(decoding: bytes[secondStart..<(secondStart + 4)], as: UTF8.self) == "0426")
            bytes.replaceSubrange(secondStart..<(secondStart + 4), with: Array("0526".utf8))
            var reader = try Metro2CharacterReader(contentsOf: try scratch.file("bad-rdw.dat", bytes))
            let items = try readAll(&reader)
            #expect(items.count == 3)
            #expect(items[0].result.success != nil)
            #expect(items[2].result.success == Self.records()[2])
            let error = try #require(items[1].result.failure)
            #expect(
                error.reason
                    == "the record descriptor word says 0526 bytes, but the record's base segment add up to 0426")
            let expected: Metro2Position = framing.lineEnding.isEmpty ? .offset(Int64(secondStart)) : .line(3)
            #expect(items[1].position == expected)
        }
    }

    @Test func anUnknownSegmentInAFramedFileIsSkippedByItsRDW() throws {
        var bytes = try Sample.file(Self.records(), framing: .recordDescriptorWords)
        let firstStart = 426
        // Turn the first record's K1 (after base, J1, J2) into an unknown "K9".
        let k1 = firstStart + 426 + 100 + 200
        #expect(bytes[k1..<(k1 + 2)].elementsEqual("K1".utf8))
        bytes[k1 + 1] = UInt8(ascii: "9")
        let scratch = try ScratchDirectory()
        var reader = try Metro2CharacterReader(contentsOf: try scratch.file("k9.dat", bytes))
        let items = try readAll(&reader)
        #expect(items.count == 3)
        #expect(items[0].result.failure?.reason.hasPrefix("unknown appended segment 'K9' at position 727") == true)
        #expect(items[1].result.success == Self.records()[1])
        #expect(items[2].result.success == Self.records()[2])
    }

    @Test func aFramedFileCutInsideARecordIsAFileError() throws {
        let bytes = try Sample.file(Self.records(), framing: .recordDescriptorWords)
        let scratch = try ScratchDirectory()
        var reader = try Metro2CharacterReader(contentsOf: try scratch.file("cut.dat", Array(bytes.prefix(426 + 600))))
        #expect(throws: Metro2FileError.self) { try readAll(&reader) }
    }

    @Test func packedFilesAreRefusedWithTheExportHint() throws {
        var packed: [UInt8] = [0x01, 0x6E, 0x00, 0x00] + Array("HEADER".utf8)
        packed += [UInt8](repeating: 0x40, count: 356)
        let scratch = try ScratchDirectory()
        let error = #expect(throws: Metro2FileError.self) {
            try Metro2CharacterReader(contentsOf: try scratch.file("packed.dat", packed))
        }
        #expect(error?.message == "packed Metro 2 (366-byte records) is not supported; export the character format")
        // Variable-blocked packed: a binary BDW and RDW before the header.
        let variable: [UInt8] = [0x01, 0x72, 0x00, 0x00, 0x01, 0x6E, 0x00, 0x00] + Array("HEADER".utf8) + packed
        #expect(throws: Metro2FileError.packedNotSupported) {
            try Metro2CharacterReader(contentsOf: try scratch.file("packed-vb.dat", variable))
        }
    }

    @Test func aFileWithoutHeaderIsNotMetro2() throws {
        let scratch = try ScratchDirectory()
        let error = #expect(throws: Metro2FileError.self) {
            try Metro2CharacterReader(contentsOf: try scratch.file("csv.dat", Array("id,name\n1,a\n".utf8)))
        }
        #expect(error?.message.hasPrefix("not a Metro 2 character file") == true)
    }
}

@Suite struct Metro2RecordErrorTests {
    /// A newline-delimited file whose lines are the header, the given data lines and the trailer.
    static func lines(_ data: [[UInt8]], trailerTotal: Int? = nil) throws -> [UInt8] {
        let encoder = Metro2CharacterEncoder(framing: .newlineDelimited)
        var bytes = try encoder.encode(Sample.header())
        for line in data { bytes += line + [0x0A] }
        var trailer = Metro2Trailer()
        trailer[.totalBaseRecords] = Int64(trailerTotal ?? data.count)
        return bytes + (try encoder.encode(trailer))
    }

    static func recordLine(_ record: Metro2DataRecord = Metro2DataRecord(base: Sample.base())) throws -> [UInt8] {
        var encoder = Metro2CharacterEncoder(framing: Metro2Framing(lineEnding: []))
        return try encoder.encode(record)
    }

    @Test func aBadRecordInTheMiddleIsRejectedAndTheRestIsRead() throws {
        var bad = try Self.recordLine()
        // Date opened (positions 76-83) becomes February 30th.
        bad.replaceSubrange(75..<83, with: Array("02302024".utf8))
        let bytes = try Self.lines([try Self.recordLine(), bad, try Self.recordLine()])
        let scratch = try ScratchDirectory()
        var reader = try Metro2CharacterReader(contentsOf: try scratch.file("middle.dat", bytes))
        let items = try readAll(&reader)
        #expect(items.map(\.position) == [.line(2), .line(3), .line(4)])
        #expect(items[0].result.success != nil && items[2].result.success != nil)
        #expect(
            items[1].result.failure?.reason
                == "base segment date opened (positions 76-83) is '02302024', expected a date MMDDYYYY (00000000 if none)"
        )
        #expect(reader.warnings.isEmpty)
    }

    @Test func personalFieldsAreNamedButNotShown() throws {
        var bad = try Self.recordLine()
        bad.replaceSubrange(306..<314, with: Array("13131984".utf8))
        let scratch = try ScratchDirectory()
        var reader = try Metro2CharacterReader(contentsOf: try scratch.file("dob.dat", try Self.lines([bad])))
        let reason = try #require(try readAll(&reader).first?.result.failure?.reason)
        #expect(reason == "base segment date of birth (positions 307-314) is not a date MMDDYYYY (00000000 if none)")
        #expect(!reason.contains("1984"))
    }

    @Test func shortLinesAndUnknownSegmentsAreRejected() throws {
        let record = try Self.recordLine()
        let short = Array(record.prefix(300))
        let unknown = record + Array("X9".utf8) + [UInt8](repeating: 0x20, count: 30)
        let scratch = try ScratchDirectory()
        var reader = try Metro2CharacterReader(contentsOf: try scratch.file("x.dat", try Self.lines([short, unknown])))
        let reasons = try readAll(&reader).map { $0.result.failure?.reason }
        #expect(reasons[0] == "the line has 300 characters; a data record needs at least 426 (the base segment)")
        #expect(
            reasons[1]
                == "unknown appended segment 'X9' at position 427 of the record, after the base segment; expected J1, J2, K1, K2, K3, K4, L1 or N1"
        )
    }

    @Test func readsCFPBStyleLinesWithAPlaceholderRDWAndAShortTrailer() throws {
        // CFPB's sample: CRLF lines, RDW 0006 on the header, a trailer cut to 407 characters.
        let encoder = Metro2CharacterEncoder(framing: Metro2Framing(lineEnding: []))
        var header = try encoder.encode(Sample.header())
        header.replaceSubrange(0..<4, with: Array("0006".utf8))
        var trailer = Metro2Trailer()
        trailer[.totalBaseRecords] = 1
        let shortTrailer = Array(try encoder.encode(trailer).prefix(407))
        let crlf: [UInt8] = [0x0D, 0x0A]
        let bytes = header + crlf + (try Self.recordLine()) + crlf + shortTrailer + crlf
        let scratch = try ScratchDirectory()
        var reader = try Metro2CharacterReader(contentsOf: try scratch.file("cfpb.txt", bytes))
        let items = try readAll(&reader)
        #expect(items.map(\.position) == [.line(2)])
        #expect(items.first?.result.success == Metro2DataRecord(base: Sample.base()))
        #expect(reader.trailer?[.totalBaseRecords] == 1)
        #expect(reader.warnings.isEmpty)
    }

    @Test func aTrailerThatMiscountsIsAWarning() throws {
        let bytes = try Self.lines([try Self.recordLine(), try Self.recordLine()], trailerTotal: 3)
        let scratch = try ScratchDirectory()
        var reader = try Metro2CharacterReader(contentsOf: try scratch.file("count.dat", bytes))
        #expect(try readAll(&reader).count == 2)
        #expect(reader.warnings == ["the trailer's total base records is 3, but the file holds 2 data records"])
    }

    @Test func aMissingTrailerIsAWarning() throws {
        var encoder = Metro2CharacterEncoder(framing: .newlineDelimited)
        let bytes = try encoder.encode(Sample.header()) + (try encoder.encode(Metro2DataRecord(base: Sample.base())))
        let scratch = try ScratchDirectory()
        var reader = try Metro2CharacterReader(contentsOf: try scratch.file("no-trailer.dat", bytes))
        #expect(try readAll(&reader).count == 1)
        #expect(reader.warnings == ["the file ends without a trailer record after 1 data records: it may be truncated"])
    }

    @Test func recordsAfterTheTrailerAreAFileError() throws {
        let bytes = try Self.lines([try Self.recordLine()]) + (try Self.recordLine()) + [0x0A]
        let scratch = try ScratchDirectory()
        var reader = try Metro2CharacterReader(contentsOf: try scratch.file("after.dat", bytes))
        let error = #expect(throws: Metro2FileError.self) { try readAll(&reader) }
        #expect(error?.message == "line 4 follows the trailer record: the trailer must be last")
    }

    @Test func theWriterRefusesValuesThatDoNotFit() throws {
        var record = Metro2DataRecord(base: Sample.base())
        record.base.currentBalance = 1_000_000_000
        var encoder = Metro2CharacterEncoder(framing: .newlineDelimited)
        #expect(throws: Metro2FieldError.self) { try encoder.encode(record) }
        record = Metro2DataRecord(base: Sample.base(account: String(repeating: "A", count: 31)))
        let error = #expect(throws: Metro2FieldError.self) { try encoder.encode(record) }
        #expect(
            error?.description == "base segment consumer account number (positions 43-72) is not at most 30 characters")
    }
}

@Suite struct Metro2MoovJSONTests {
    @Test func readsLeadingZerosAndMissingMembers() throws {
        let json = """
            {"header": {"activityDate": "2024-03-01T00:00:00Z", "reporterName": "X"},
             "data": [{"base": {"consumerAccountNumber": "A1", "socialSecurityNumber": 12345678,
                                "telephoneNumber": 0, "dateClosed": "0001-01-01T00:00:00Z", "currentBalance": 12},
                       "k1": {"originalCreditorName": "BANK"}},
                      {"base": {"dateOpened": "2024-02-30T00:00:00Z"}},
                      [1]],
             "trailer": {"totalBaseRecords": 2}}
            """
        var reader = try Metro2MoovJSONReader(json: Array(json.utf8))
        let items = try readAll(&reader)
        let first = try #require(items[0].result.success)
        #expect(first.base.consumer.socialSecurityNumber == "012345678")
        #expect(first.base.consumer.telephoneNumber == "")
        #expect(first.base.dateClosed == nil)
        #expect(first.base.currentBalance == 12)
        #expect(first.k1?.originalCreditorName == "BANK")
        #expect(
            items[1].result.failure?.reason
                == "base segment date opened (positions 76-83) is '2024-02-30T00:00:00Z', expected an RFC 3339 date-time like 2024-01-31T00:00:00Z"
        )
        #expect(items[2].result.failure?.reason == "the data record is a array, expected an object")
        #expect(items.map(\.position) == [.index(0), .index(1), .index(2)])
        #expect(reader.warnings == ["the trailer's total base records is 2, but the file holds 3 data records"])
    }

    @Test func refusesDocumentsThatAreNotMoovFiles() {
        #expect(throws: Metro2FileError.self) { try Metro2MoovJSONReader(json: Array("[1]".utf8)) }
        #expect(throws: Metro2FileError.self) { try Metro2MoovJSONReader(json: Array(#"{"data": []}"#.utf8)) }
        #expect(throws: Metro2FileError.self) {
            try Metro2MoovJSONReader(json: Array(#"{"header": {}, "header": {}}"#.utf8))
        }
    }
}

import CSVFiles
import CredenceIdentity
import CredenceProtocol
import CredenceTesting
import LinkageFiles
import Testing

/// Reading and encoding files: the subjects must be exactly what an adapter's `RecordContext` makes of the same
/// values, and every value that does not normalize is left out and counted.
struct FileEncoderTests {
    let files = try! TestFiles()
    let tokenizer = IdentifierTokenizer(key: TestFiles.testKey)
    let bloom = BloomEncoder(key: TestFiles.testKey)

    static let header = "id,first,last,full,dob,no,street,unit,city,zip,state,country,national,mobile,home,email"
    static let mapping = try! ColumnMapping(
        idColumn: "id",
        mapArguments: [
            "first=given_name", "last=family_name", "full=full_name", "dob=birth_date", "no=street_number",
            "street=address_line1", "unit=address_line2", "city=city", "zip=postal_code", "state=region",
            "country=country", "national=national_id", "mobile=phone", "home=phone", "email=email",
        ])

    /// A file's ids and statistics, and the subjects of its rows in order.
    struct Encoded {
        let file: EncodedFile
        let records: [SubjectReference]
        var ids: [String] { file.ids }
        var statistics: EncodingStatistics { file.statistics }
    }

    func encode(
        _ text: String, mapping: ColumnMapping = Self.mapping, defaultRegion: PhoneRegion? = nil,
        dateFormat: String? = "%d/%m/%Y", chunkSize: Int = 8192
    ) throws -> Encoded {
        var encoder = FileEncoder(
            delimiter: UInt8(ascii: ","), linkageKey: TestFiles.testKey, defaultRegion: defaultRegion,
            dateFormat: try dateFormat.map { try BirthDateFormat($0) })
        encoder.chunkSize = chunkSize
        let path = try files.write("input.csv", text)
        var records: [SubjectReference] = []
        var chunks = 0
        let file = try encoder.encode(InputFile(path: path, mapping: mapping, source: PartnerID(unchecked: "left"))) {
            _, subject in
            subject
        } consume: { chunk in
            records += chunk
            chunks += 1
        }
        #expect(chunks == (records.count + chunkSize - 1) / chunkSize)
        return Encoded(file: file, records: records)
    }

    func tokens(_ subject: SubjectReference) -> [String: [String]] {
        Dictionary(grouping: subject.identifiers, by: \.type.rawValue).mapValues { $0.map(\.token.rawValue) }
    }

    func encoding(_ filter: BloomFilter) -> BloomEncoding { BloomEncoding(unchecked: filter.base64url) }

    @Test func rowsAreEncodedExactlyAsAdaptersEncodeThem() throws {
        let file = try encode(
            Self.header + "\n"
                + "1,John,Smith,,1985-03-14,123,Main Street,Apt 4,Springfield,62704,IL,US,123-45-6789,"
                + "(212) 555-0100,,John.Smith+shop@GoogleMail.com\n"
                + "2,,,\"SMITH, John\",14/03/1985,,123 Main St,,Springfield,62704-1234,Illinois,USA,"
                + "11010519491231002X,+86 139 1234 5678,,x@privaterelay.appleid.com\n"
                + "3,小明,王,,19900101,88号,建国路,,北京,100000,,CN,,139 1234 5678,,not-an-email\n")
        #expect(file.ids == ["1", "2", "3"])
        let (john, jon, wang) = (file.records[0], file.records[1], file.records[2])

        #expect(
            tokens(john) == [
                "us_ssn": ["p0_I8-BqpYB6GxZi_pfP4J1tD4HDv22bkQ6a2g8QZV8"],  // golden vector
                "phone_e164": ["iMcnmYqI0jDXHSGVdlab3MGOEZIzRmGIBq3oh6fRCw0"],  // (212) 555-0100 in the US
                "email": ["NylBIQnDoXWc3dksfAsCG_dNi74kvOOljwgujlfuOU8"],
                "email_match": ["OXqt-wE2NyDTjd9ELHfQILPaTFubi5eqbLI_xn7Xb2E"],
            ])
        #expect(john.encodings?.name == encoding(try bloom.encodeName(given: "John", family: "Smith")))
        #expect(john.encodings?.birthDate == encoding(bloom.encodeBirthDate(try BirthDate(parsing: "1985-03-14"))))
        #expect(
            john.encodings?.address
                == encoding(
                    try bloom.encodeAddress(
                        PostalAddress(
                            line1: "123 Main Street", line2: "Apt 4", city: "Springfield", region: "IL",
                            postalCode: "62704", country: "US"))))

        // A full name in any order, a --date-format date, a relay address left out, an alpha-3 country.
        #expect(
            tokens(jon) == [
                "cn_ric": ["PLLp5FhbPWsbjhRZAdwTjkXfPexLq4F5itbFEf5ld5M"],
                "phone_e164": [tokenizer.token(.phoneE164, normalized: "+8613912345678")],
            ])
        #expect(jon.encodings?.name == john.encodings?.name)
        #expect(jon.encodings?.birthDate == john.encodings?.birthDate)
        #expect(jon.encodings?.address == john.encodings?.address)

        // CJK: family name first, the house number after the street, the phone read in the row's country.
        #expect(tokens(wang) == ["phone_e164": ["HWmR9LloMOOBoY4xWKAqNrWTO2QQ-2c9EF_CNvvyGoI"]])
        #expect(wang.encodings?.name == encoding(try bloom.encodeName(full: "王小明")))
        #expect(
            wang.encodings?.address
                == encoding(
                    try bloom.encodeAddress(
                        PostalAddress(line1: "建国路88号", city: "北京", postalCode: "100000", country: "CN"))))

        let statistics = file.statistics
        #expect(statistics.rows == 3)
        #expect(statistics[.name].present == 3)
        #expect(statistics[.birthDate].present == 3)
        #expect(statistics[.address].present == 3)
        #expect(statistics[.country].present == 3)
        #expect(statistics[.nationalID].presentByType == ["us_ssn": 1, "cn_ric": 1])
        #expect(statistics[.phone].present == 3)
        #expect(statistics[.email].present == 1)
        #expect(statistics[.email].omitted == ["relay_address": 1, "bad_email": 1])
    }

    @Test func unusableValuesAreLeftOutAndCountedByReason() throws {
        let file = try encode(
            Self.header + "\n"
                + "4,Ann,Lee,,31/02/1985,,,,,,,XYZ,900-12-3456,12345,+1 212 555 0100,\n"
                + "5,,,?!,1985-13-01,,-,,,,,,110105194912310021,555-0100,212 555 0100,\n"
                + "6,Bo,Li,,,,,,,,,,,,,\n")
        let (ann, noName, bo) = (file.records[0], file.records[1], file.records[2])
        #expect(tokens(ann) == ["phone_e164": [tokenizer.token(.phoneE164, normalized: "+12125550100")]])
        #expect(ann.encodings?.birthDate == nil && ann.encodings?.address == nil && ann.encodings?.name != nil)
        #expect(noName.identifiers.isEmpty)
        #expect(noName.encodings == nil)
        #expect(bo.encodings?.name != nil && bo.identifiers.isEmpty)

        let statistics = file.statistics
        #expect(statistics[.birthDate].omitted == ["bad_date": 2])
        #expect(statistics[.country].omitted == ["bad_country_code": 1])
        #expect(statistics[.nationalID].omitted == ["reserved_number": 1, "bad_check_digit": 1])
        // Without a region, numbers written without +CC cannot be read.
        #expect(statistics[.phone].omitted == ["ambiguous_region": 3])
        #expect(statistics[.phone].present == 1)
        #expect(statistics[.name].omitted == ["empty": 1])
        #expect(statistics[.address].omitted == ["empty": 1])

        // With a default region the national forms are read (555-0100 still has too few digits).
        let withRegion = try encode(
            Self.header + "\n" + "5,,,,,,,,,,,,,555-0100,212 555 0100,\n", defaultRegion: .us)
        #expect(withRegion.statistics[.phone].present == 1)
        #expect(withRegion.statistics[.phone].omitted == ["bad_length": 1])
    }

    @Test func chunksAreEncodedInParallelAndComeBackInRowOrder() throws {
        var text = "id,mobile\n"
        for index in 0..<3000 { text += "row-\(index),+1 212 555 \(1000 + index)\n" }
        let mapping = try ColumnMapping(idColumn: "id", mapArguments: ["mobile=phone"])
        let file = try encode(text, mapping: mapping, chunkSize: 257)
        #expect(file.ids == (0..<3000).map { "row-\($0)" })
        #expect(
            file.records.map { $0.identifiers.first?.token.rawValue }
                == (0..<3000).map { tokenizer.token(.phoneE164, normalized: "+1212555\(1000 + $0)") })
        #expect(file.statistics.rows == 3000)
    }

    @Test func structuralErrorsStopTheRunWithFileAndLine() throws {
        let mapping = try ColumnMapping(idColumn: "id", mapArguments: ["name=full_name"])
        func failure(_ text: String) throws -> LinkError? {
            do {
                _ = try encode(text, mapping: mapping)
                return nil
            } catch let error as LinkError {
                return error
            }
        }
        let path = files.path("input.csv")
        #expect(
            try failure("id,name\n1,a\n2,b,c\n")
                == LinkError(
                    .input,
                    "\(path):3: the row has 3 fields but the header has 2 (quote fields that contain the delimiter or "
                        + "a line break)"))
        #expect(
            try failure("id,name\n1,a\n\"2\",\"multi\nline\"\n2,b\n")
                == LinkError(.input, "\(path):5: duplicate id '2' (first on line 3)"))
        #expect(try failure("id,name\n1,a\n  ,b\n") == LinkError(.input, "\(path):3: missing id: column 'id' is empty"))
        #expect(
            try failure("id,name\n\"1\t2\",a\n")
                == LinkError(.input, "\(path):2: the id contains a control character (a tab or line break)"))
        #expect(
            try failure("ID,name\n1,a\n")
                == LinkError(.input, "\(path):1: no column 'id' in the header (--id); columns: 'ID', 'name'"))
        #expect(
            try failure("id,name,name\n1,a,b\n")
                == LinkError(.input, "\(path):1: column 'name' appears twice in the header (--map name=full_name)"))
        #expect(
            try failure("")
                == LinkError(.input, "\(path):1: the file is empty; a header row naming the columns is required"))
    }

    @Test func nationalIDsAreTypedByTheNormalizersValidation() throws {
        let mapping = try ColumnMapping(idColumn: "id", mapArguments: ["n=national_id"])
        let file = try encode(
            "id,n\n1,110105491231002\n2,123 45 6789\n3,１１０１０５１９４９１２３１００２ｘ\n4,000-00-0000\n5,12345678\n",
            mapping: mapping)
        #expect(file.records.map { $0.identifiers.map(\.type) } == [[.cnRIC], [.usSSN], [.cnRIC], [], []])
        #expect(file.records[0].identifiers == file.records[2].identifiers)
        #expect(file.statistics[.nationalID].omitted == ["absent_value": 1, "bad_length": 1])
    }
}

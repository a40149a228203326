import CredenceTesting
import Foundation
import Testing

/// `credence link` through the built executable, on small CSV files with planted noisy duplicates.
struct LinkCommandTests {
    let directory = try! TemporaryDirectory()

    /// One synthetic person: distinct names, dates, addresses and identifiers for every index below 900.
    struct Person {
        var given: String
        var family: String
        var birthDate: String
        var street: String
        var unit = ""
        var city: String
        var postalCode: String
        var state: String
        var ssn: String
        var phone: String
        var homePhone = ""
        var email: String

        static let givenNames = [
            "James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "William", "Linda", "David", "Elizabeth",
            "Richard", "Barbara", "Joseph", "Susan", "Thomas", "Jessica", "Charles", "Sarah", "Christopher", "Karen",
            "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Margaret", "Donald", "Sandra",
        ]
        static let familyNames = [
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        ]
        static let streets = [
            "Maple", "Oak", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Sunset", "Highland", "River",
        ]
        static let places = [
            ("Springfield", "62704", "IL", "217"), ("Portland", "97201", "OR", "503"), ("Austin", "73301", "TX", "512"),
            ("Denver", "80202", "CO", "303"), ("Boston", "02108", "MA", "617"), ("Seattle", "98101", "WA", "206"),
        ]

        init(_ index: Int) {
            given = Self.givenNames[index % 30]
            family = Self.familyNames[(index * 7 + index / 30) % 30]
            birthDate =
                "\(1950 + index * 13 % 50)-\(Self.twoDigits(1 + index * 5 % 12))-\(Self.twoDigits(1 + index * 11 % 28))"
            let streetType = ["Street", "Avenue", "Road", "Lane"][index % 4]
            street = "\(100 + index * 17 % 900) \(Self.streets[index % 12]) \(streetType)"
            let place = Self.places[index % 6]
            (city, postalCode, state) = (place.0, place.1, place.2)
            ssn = "\(100 + index)-\(10 + index % 80)-\(1000 + index)"
            phone = "(\(place.3)) 555-\(1000 + index)"
            email = "\(given.lowercased()).\(family.lowercased())\(index)@example.com"
        }

        static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    }

    /// A row of a test file: its id, the person it belongs to, and its cells by column.
    struct Row {
        var id: String
        var person: Int
        var cells: [String: String]
    }

    static func customerRow(_ id: String, _ index: Int, _ person: Person) -> Row {
        Row(
            id: id, person: index,
            cells: [
                "customer_id": id, "first": person.given, "last": person.family, "dob": person.birthDate,
                "street": person.street, "unit": person.unit, "city": person.city, "zip": person.postalCode,
                "state": person.state, "country": "US", "ssn": person.ssn, "phone": person.phone,
                "home_phone": person.homePhone, "email": person.email,
            ])
    }

    static let customerColumns = [
        "customer_id", "first", "last", "dob", "street", "unit", "city", "zip", "state", "country", "ssn", "phone",
        "home_phone", "email",
    ]
    static let customerMap = [
        "--map", "first=given_name", "last=family_name", "dob=birth_date", "street=address_line1",
        "unit=address_line2", "city=city", "zip=postal_code", "state=region", "country=country", "ssn=national_id",
        "phone=phone", "home_phone=phone", "email=email",
    ]

    /// 120 people, a quarter of them without SSN, a family sharing a landline, and seven noisy duplicate rows.
    /// Ids are not in input order, so the pair orientation by input position is visible.
    static func customers() -> [Row] {
        var people = (0..<120).map(Person.init)
        for index in stride(from: 1, to: 120, by: 4) { people[index].ssn = "" }
        // A family: same surname, address and landline; different people (given names, dates, SSNs, emails).
        people[61].family = people[60].family
        (people[61].street, people[61].city, people[61].postalCode, people[61].state) =
            (people[60].street, people[60].city, people[60].postalCode, people[60].state)
        people[60].homePhone = "(503) 555-0999"
        people[61].homePhone = "503.555.0999"
        people[90].birthDate = "1971-02-30"  // not a date: left out and counted, the rest of the row used
        people[95].phone = "555-0199"  // too short for a US number: left out and counted
        people[7].unit = "Apt 4, rear"  // a comma in a quoted field

        var rows = people.enumerated().map { index, person in customerRow("cust-\(index * 7919 % 10007)", index, person)
        }
        var typo = people[3]  // two letters of the surname swapped, an upper-case email
        let family = Array(typo.family)
        typo.family = String(family[0..<2] + [family[3], family[2]] + family[4...])
        typo.email = typo.email.uppercased()
        rows.insert(customerRow("web-3", 3, typo), at: 0)  // the duplicate comes first in the file
        var swapped = people[10]  // given and family name swapped, an international phone form, no email
        (swapped.given, swapped.family) = (swapped.family, swapped.given)
        swapped.phone = "+1 " + swapped.phone.filter(\.isNumber)
        swapped.email = ""
        rows.append(customerRow("web-10", 10, swapped))
        var sparse = Person(20)  // name, birth date and email only
        (sparse.street, sparse.city, sparse.postalCode, sparse.state, sparse.ssn, sparse.phone) = (
            "", "", "", "", "", ""
        )
        rows.append(customerRow("web-20", 20, sparse))
        var moved = people[34]  // moved house and changed email: SSN, phone, name and date still agree
        (moved.street, moved.city, moved.postalCode, moved.state) = ("9 Harbor Road", "Denver", "80202", "CO")
        moved.email = "new.address34@example.org"
        rows.append(customerRow("web-34", 34, moved))
        var formatted = people[47]  // YYYYMMDD, abbreviated street type, upper-case names
        formatted.birthDate = formatted.birthDate.replacingOccurrences(of: "-", with: "")
        formatted.street = formatted.street.replacingOccurrences(of: "Avenue", with: "Ave.")
        (formatted.given, formatted.family) = (formatted.given.uppercased(), formatted.family.uppercased())
        rows.append(customerRow("web-47", 47, formatted))
        var twice = people[58]  // three rows of one person: a dropped letter, then a missing phone
        twice.given = String(twice.given.dropLast())
        rows.append(customerRow("web-58a", 58, twice))
        twice.phone = ""
        rows.append(customerRow("web-58b", 58, twice))
        return rows
    }

    /// RFC 4180 text of the rows.
    static func csv(_ rows: [Row], columns: [String], delimiter: String = ",") -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { (delimiter + "\"\n").contains($0) }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let lines = rows.map { row in columns.map { field(row.cells[$0] ?? "") }.joined(separator: delimiter) }
        return ([columns.joined(separator: delimiter)] + lines).joined(separator: "\r\n") + "\r\n"
    }

    /// The pairs of rows of one person, ordered as `pairs.csv` orders them (by input position).
    static func truePairs(_ rows: [Row]) -> [[String]] {
        var pairs: [[String]] = []
        for (first, a) in rows.enumerated() {
            for b in rows[(first + 1)...] where a.person == b.person { pairs.append([a.id, b.id]) }
        }
        return pairs
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: directory.path(name), encoding: .utf8) }

    /// The rows of an output file after its header, split at commas (the test ids hold none).
    func records(_ name: String, header: String) throws -> [[String]] {
        let lines = try read(name).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == header)
        #expect(lines.last == "", "the file ends with a line feed")
        return lines.dropFirst().dropLast().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    func keyFile() throws -> String {
        let path = directory.path("linkage.key")
        if !FileManager.default.fileExists(atPath: path) {
            let created = try CommandRunner.run("credence", ["linkage-key", "new", "--out", path])
            #expect(created.status == 0)
        }
        return path
    }

    @Test func deduplicatesOneFileIntoTheTruePairsAndClusters() throws {
        let rows = Self.customers()
        let input = try write("customers.csv", Self.csv(rows, columns: Self.customerColumns))
        let result = try CommandRunner.run(
            "credence",
            ["link", "--left", input, "--id", "customer_id"] + Self.customerMap + [
                "--linkage-key", try keyFile(), "--out", directory.path("pairs.csv"), "--clusters",
                directory.path("clusters.csv"),
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)

        let pairs = try records("pairs.csv", header: "left_id,right_id,probability")
        #expect(pairs.map { Array($0.prefix(2)) } == Self.truePairs(rows), "\(result.stderr)")
        // The typo'd duplicate is the file's first row: it is the left id although its id sorts after the other.
        #expect(pairs.first.map { Array($0.prefix(2)) } == ["web-3", "cust-3743"])
        for pair in pairs {
            let probability = try #require(Double(pair[2]))
            #expect(probability >= 0.9 && probability <= 1)
            #expect(pair[2].split(separator: ".").last?.count == 6, "six decimals: \(pair[2])")
        }

        let clusters = try records("clusters.csv", header: "id,cluster_id")
        #expect(clusters.map(\.[0]) == rows.map(\.id), "every row once, in input order")
        let clusterOf = Dictionary(uniqueKeysWithValues: clusters.map { ($0[0], Int($0[1])!) })
        var expected: [Int: Int] = [:]  // person -> cluster, numbered by first appearance
        for row in rows {
            let cluster = expected[row.person] ?? expected.count + 1
            expected[row.person] = cluster
            #expect(clusterOf[row.id] == cluster, "\(row.id)")
        }
        #expect(expected.count == 120)
        #expect(clusterOf[rows.first { $0.person == 60 }!.id] != clusterOf[rows.first { $0.person == 61 }!.id])

        // The summary: records, per-field counts with reasons, the engine's figures, the stages.
        #expect(result.stderr.contains("customers.csv: 127 records"))
        #expect(result.stderr.contains("birth_date  126 encoded, 1 omitted (bad_date 1)"), "\(result.stderr)")
        #expect(result.stderr.contains("national_id 96 encoded (us_ssn 96)"), "\(result.stderr)")
        #expect(result.stderr.contains("phone       126 encoded, 1 omitted (bad_length 1)"), "\(result.stderr)")
        for part in ["blocking:", "candidate pairs", "prior", "m=", "u=", "EM ", "iterations", "stages: read"] {
            #expect(result.stderr.contains(part), "\(part)")
        }
        #expect(result.stderr.contains("output: \(pairs.count) pairs with probability >= 0.900000; 120 clusters"))
        try expectNoRawIdentifiers(rows, in: [read("pairs.csv"), read("clusters.csv"), result.stderr])
    }

    @Test func linksTwoFilesWithTheirOwnColumnNamesAndOverlappingIds() throws {
        // The left file: a lender's customers. The right file: a shop's buyers, a third of them customers, with
        // one name column, no birth date, no SSN, no country (phones read with --default-region), ids 1, 2, 3...
        let left = (0..<120).map { Self.customerRow("\($0 + 1)", $0, Person($0)) }
        var right: [Row] = []
        for index in Array(stride(from: 0, to: 120, by: 3)) + Array(300..<305) {
            var person = Person(index)
            var name = "\(person.given) \(person.family)"
            switch index % 4 {
            case 0: name = "\(person.family), \(person.given)"
            case 1: person.phone = ""
            case 2: person.email = person.email.replacingOccurrences(of: "@example.com", with: "@example.net")
            default: person.street = person.street.replacingOccurrences(of: "Lane", with: "Ln")
            }
            let id = "\(right.count + 1)"
            right.append(
                Row(
                    id: id, person: index,
                    cells: [
                        "buyer": id, "name": name, "address": person.street, "town": person.city, "state": person.state,
                        "zip": person.postalCode, "email": person.email,
                        "phone": person.phone.replacingOccurrences(of: "(", with: "").replacingOccurrences(
                            of: ") ", with: "-"),
                    ]))
        }
        let leftPath = try write("lender.csv", Self.csv(left, columns: Self.customerColumns))
        let rightPath = try write(
            "shop.csv",
            Self.csv(right, columns: ["buyer", "name", "address", "town", "state", "zip", "phone", "email"]))
        let result = try CommandRunner.run(
            "credence",
            ["link", "--left", leftPath, "--right", rightPath, "--id", "customer_id", "--right-id", "buyer"]
                + Self.customerMap + [
                    "--right-map", "name=full_name", "address=address_line1", "town=city", "state=region",
                    "zip=postal_code", "phone=phone", "email=email", "--default-region", "US", "--linkage-key",
                    try keyFile(), "--out", directory.path("pairs.csv"), "--clusters", directory.path("clusters.csv"),
                ])
        #expect(result.status == 0, "\(result.stderr)")

        let expectedPairs = right.filter { $0.person < 120 }.map { ["\($0.person + 1)", $0.id] }
        let pairs = try records("pairs.csv", header: "left_id,right_id,probability")
        #expect(pairs.map { Array($0.prefix(2)) } == expectedPairs, "\(result.stderr)")

        let clusters = try records("clusters.csv", header: "id,cluster_id,file")
        #expect(clusters.map { [$0[0], $0[2]] } == left.map { [$0.id, "left"] } + right.map { [$0.id, "right"] })
        for row in right {
            let cluster = clusters.first { $0[0] == row.id && $0[2] == "right" }![1]
            if row.person < 120 {
                #expect(cluster == String(row.person + 1), "left rows are clusters 1...120 in order")
            } else {
                #expect(
                    cluster == String(121 + row.person - 300), "a buyer who is no customer is a person of their own")
            }
        }
        #expect(result.stderr.contains("shop.csv: 45 records"))
        try expectNoRawIdentifiers(left + right, in: [read("pairs.csv"), read("clusters.csv"), result.stderr])
    }

    @Test func aFreshKeyPerRunFindsTheSameLinksAndAKeyFileReproducesTheOutputExactly() throws {
        let rows = Self.customers()
        let input = try write("customers.csv", Self.csv(rows, columns: Self.customerColumns))
        func run(_ name: String, key: [String]) throws -> String {
            let result = try CommandRunner.run(
                "credence",
                ["link", "--left", input, "--id", "customer_id"] + Self.customerMap + key + [
                    "--out", directory.path(name),
                ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains(key.isEmpty ? "generated for this run and not kept" : "from \(key[1])"))
            return try read(name)
        }
        let key = ["--linkage-key", try keyFile()]
        #expect(try run("first.csv", key: key) == run("second.csv", key: key))
        let fresh = try run("fresh.csv", key: [])
        let pairs = fresh.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2).map(String.init) }
        #expect(pairs == Self.truePairs(rows))
    }

    @Test func inputErrorsNameTheFileAndLineAndExitWith1() throws {
        func link(_ text: String, map: [String] = ["--map", "name=full_name", "phone=phone"]) throws
            -> CommandRunner.Result
        {
            let input = try write("input.csv", text)
            return try CommandRunner.run(
                "credence", ["link", "--left", input, "--id", "id"] + map + ["--out", directory.path("pairs.csv")])
        }
        let input = directory.path("input.csv")
        let cases: [(String, [String], String)] = [
            (
                "id,name,phone\n1,Ann Lee,+1 212 555 0100\n2,Bo Li\n", [],
                "error: \(input):3: the row has 2 fields but the header has 3"
            ),
            (
                "id,name,phone\n1,Ann Lee,\n2,Bo Li,\n1,Cy Wu,\n", [],
                "error: \(input):4: duplicate id '1' (first on line 2)"
            ),
            ("id,name,phone\n1,Ann Lee,\n,Bo Li,\n", [], "error: \(input):3: missing id: column 'id' is empty"),
            ("id,name,mobile\n1,Ann Lee,\n", [], "error: \(input):1: no column 'phone' in the header"),
            ("id,name,phone\n1,\"Ann\n", [], "error: \(input):2: column 2: a quoted field is never closed"),
            (
                "id,name,phone\n1,Ann Lee,\n", ["--map", "name=nickname"],
                "error: --map 'name=nickname': unknown field 'nickname'; one of: given_name"
            ),
        ]
        for (text, map, message) in cases {
            let result = try map.isEmpty ? link(text) : link(text, map: map)
            #expect(result.status == 1, "\(message)")
            #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory.path("pairs.csv")), "nothing written")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["input.csv"])
    }

    @Test func usageErrorsExitWith2AndAFailedRunKeepsThePreviousOutput() throws {
        let input = try write("input.csv", "id,name\n1,Ann Lee\n2,Bo Li\n")
        let previous = try write("pairs.csv", "left_id,right_id,probability\nold,older,0.950000\n")
        let base = ["link", "--left", input, "--id", "id", "--map", "name=full_name", "--out", previous]
        let cases: [[String]] = [
            ["--threshold", "1.5"], ["--threshold", "0"], ["--default-region", "GB"], ["--date-format", "%d/%m/%y"],
            ["--right-map", "name=full_name"], ["--linkage-key", directory.path("missing.key")],
            ["--clusters", previous], ["--delimiter", ";;"],
            ["--map", "name"], ["--map", "name=full_name"],
        ]
        for extra in cases {
            let result = try CommandRunner.run("credence", base + extra)
            #expect(result.status == 2, "\(extra): \(result.stderr)")
            #expect(result.stderr.hasPrefix("error:") || result.stderr.contains("Error:"), "\(result.stderr)")
        }
        let missingOut = try CommandRunner.run(
            "credence", ["link", "--left", input, "--id", "id", "--map", "name=full_name"])
        #expect(missingOut.status == 2)
        let missingFile = try CommandRunner.run(
            "credence",
            ["link", "--left", directory.path("nope.csv"), "--id", "id", "--map", "name=full_name", "--out", previous])
        #expect(missingFile.status == 2)
        #expect(missingFile.stderr.contains("cannot read"))
        #expect(try read("pairs.csv") == "left_id,right_id,probability\nold,older,0.950000\n")
    }

    @Test func idsWithDelimitersAndQuotesRoundTripThroughATabSeparatedFile() throws {
        var rows = Self.customers()
        rows[0].id = "web, \"3\""  // the typo'd duplicate of person 3, first in the file
        rows[0].cells["customer_id"] = rows[0].id
        let input = try write("customers.tsv", Self.csv(rows, columns: Self.customerColumns, delimiter: "\t"))
        #expect(try read("customers.tsv").contains("\r\n\"web, \"\"3\"\"\"\t"))
        let result = try CommandRunner.run(
            "credence",
            ["link", "--left", input, "--delimiter", "tab", "--id", "customer_id"] + Self.customerMap + [
                "--linkage-key", try keyFile(), "--out", directory.path("pairs.csv"), "--clusters",
                directory.path("clusters.csv"),
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try read("pairs.csv").hasPrefix("left_id,right_id,probability\n\"web, \"\"3\"\"\",cust-3743,"))
        #expect(try read("clusters.csv").hasPrefix("id,cluster_id\n\"web, \"\"3\"\"\",1\n"))
    }

    /// No name, street, date, SSN, phone or email of the input appears in the outputs or the summary.
    func expectNoRawIdentifiers(_ rows: [Row], in outputs: [String]) throws {
        let identifying = ["first", "last", "dob", "street", "ssn", "phone", "email", "name", "address"]
        var values = Set<String>()
        for row in rows {
            for column in identifying { if let value = row.cells[column], value.count >= 5 { values.insert(value) } }
            if let ssn = row.cells["ssn"], !ssn.isEmpty { values.insert(ssn.filter(\.isNumber)) }
            if let phone = row.cells["phone"], !phone.isEmpty {
                values.insert(String(phone.filter(\.isNumber).suffix(10)))
            }
        }
        #expect(values.count > 100)
        for output in outputs {
            for value in values { #expect(!output.contains(value), "\(value) appears in an output") }
        }
    }
}

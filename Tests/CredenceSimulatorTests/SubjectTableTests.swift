import AdapterCore
import CredenceIdentity
import CredenceProtocol
import CredenceSimulator
import Foundation
import Testing

/// What a subject reference says in the fields `truth/subjects.csv` has: the tokens of national ids,
/// phones and emails, and the name, birth-date and address encodings. Two subjects with equal signatures
/// say the same thing about those fields, up to normalization.
struct SubjectSignature: Hashable {
    static let plainTextTypes: Set<TokenType> = [.cnRIC, .usSSN, .phoneE164, .email, .emailMatch]

    let identifiers: Set<String>
    let name: String?
    let birthDate: String?
    let address: String?

    init(_ subject: SubjectReference) {
        identifiers = Set(
            subject.identifiers.filter { Self.plainTextTypes.contains($0.type) }
                .map { $0.type.rawValue + ":" + $0.token.rawValue })
        name = subject.encodings?.name?.rawValue
        birthDate = subject.encodings?.birthDate?.rawValue
        address = subject.encodings?.address?.rawValue
    }

    /// The fields in which `other` differs, by name (never values).
    func differences(from other: SubjectSignature) -> [String] {
        var fields: [String] = []
        for type in Self.plainTextTypes.map(\.rawValue).sorted() {
            let mine = identifiers.filter { $0.hasPrefix(type + ":") }
            if mine != other.identifiers.filter({ $0.hasPrefix(type + ":") }) { fields.append(type) }
        }
        if name != other.name { fields.append("name") }
        if birthDate != other.birthDate { fields.append("birth_date") }
        if address != other.address { fields.append("address") }
        return fields
    }
}

/// `truth/subjects.csv` is the exports' subjects in plain text: one row per partner key of
/// `truth/records.csv`, saying what the adapters read for that key.
@Suite struct SubjectTableTests {
    @Test("one row per partner key of records.csv, in its order, with the key's first person and its noise")
    func oneRowPerPartnerKey() async throws {
        let federation = try await SimulatedFederation.shared()
        var order: [String] = []
        var firstRecord: [String: [String: String]] = [:]
        for row in try federation.truth("records.csv") {
            let key = try Self.key(of: row)
            if firstRecord[key] == nil {
                order.append(key)
                firstRecord[key] = row
            }
        }
        let subjects = try federation.truth("subjects.csv")
        #expect(try subjects.map(Self.key(of:)) == order)
        for row in subjects {
            let record = try #require(firstRecord[try Self.key(of: row)])
            #expect(row["person_id"] == record["person_id"])
            #expect(row["noise"] == record["noise"])
        }
    }

    @Test(
        "every row says what the partner's adapter reads for its key",
        arguments: PartnerCatalog.partners.map(\.id.rawValue))
    func rowsSayWhatTheAdapterReads(partnerID: String) async throws {
        let federation = try await SimulatedFederation.shared()
        let partner = try #require(PartnerCatalog.partner(partnerID))
        let reading = try GroundTruthTests.read(partner, in: federation)
        // No default region: the file's phones must carry their country code.
        let context = RecordContext(partnerID: partner.id, linkageKey: GroundTruthTests.linkageKey, defaultRegion: nil)
        // Rows with their line numbers in the file (messages name lines, not the synthetic identifiers).
        let rows = try federation.truth("subjects.csv").enumerated().map { ($0.offset + 2, $0.element) }
            .filter { $0.1["partner_id"] == partnerID }
        #expect(rows.count == Set(try rows.map { try Self.key(of: $0.1) }).count)
        var mismatches: [String] = []
        for (line, row) in rows {
            let subject = try context.subject(try Self.rawSubject(row))
            let stated = SubjectSignature(subject)
            let read = reading.statements[subject.subjectKey.rawValue] ?? []
            if !read.contains(stated) {
                let differences = read.map { stated.differences(from: $0).joined(separator: "+") }
                mismatches.append("line \(line) differs in \(differences.sorted())")
            }
            // Only a lender's units can disagree about a key: a J1 segment gives the joint holder the account
            // holder's address. Every other export says one thing per key.
            if partner.kind != .lending { #expect(read.count == 1, "line \(line)") }
        }
        #expect(!rows.isEmpty, "the population has subjects at \(partnerID)")
        #expect(rows.count == reading.subjectKeys.count)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(rows.count) rows: \(mismatches.prefix(5))")
    }

    @Test("values are written in the documented forms")
    func documentedForms() async throws {
        let federation = try await SimulatedFederation.shared()
        let subjects = try federation.truth("subjects.csv")
        let header = try #require(try CSV.rows(of: federation.url.appendingPathComponent("truth/subjects.csv")).first)
        #expect(
            header == [
                "partner_id", "local_key", "person_id", "given_name", "family_name", "birth_date", "street_number",
                "address_line1", "address_line2", "city", "postal_code", "region", "country", "national_id", "phone",
                "email", "noise",
            ])
        let phone = /\+(1|86) [0-9]{7,12}/
        let date = /[0-9]{4}-[0-9]{2}-[0-9]{2}/
        let ssn = /[0-9]{9}/
        var filled: [String: Int] = [:]
        for (offset, row) in subjects.enumerated() {
            for (column, value) in row where !value.isEmpty { filled[column, default: 0] += 1 }
            let place = "line \(offset + 2)"
            if let value = row["phone"], !value.isEmpty { #expect(value.wholeMatch(of: phone) != nil, "\(place)") }
            if let value = row["birth_date"], !value.isEmpty { #expect(value.wholeMatch(of: date) != nil, "\(place)") }
            if let value = row["national_id"], !value.isEmpty {
                #expect(value.wholeMatch(of: ssn) != nil, "\(place)")
                #expect(row["local_key"] == "ssn:" + value, "\(place)")
            }
        }
        // Every column but the house number (inside the street line in every export) is used.
        for column in header where column != "street_number" && column != "noise" {
            #expect(filled[column, default: 0] > 0, "\(column) is never filled")
        }
        #expect(filled["street_number"] == nil)
        let hanzi = subjects.filter { ($0["family_name"] ?? "").unicodeScalars.contains { $0.value >= 0x4E00 } }
        #expect(!hanzi.isEmpty, "names in Hanzi are kept as written")
    }

    /// `partner_id` and `local_key`.
    static func key(of row: [String: String]) throws -> String {
        try #require(row["partner_id"]) + " " + (try #require(row["local_key"]))
    }

    /// A row as the raw subject an adapter would build from the same values.
    static func rawSubject(_ row: [String: String]) throws -> RawSubject {
        func value(_ column: String) -> String { row[column] ?? "" }
        var identifiers: [RawIdentifier] = []
        if !value("national_id").isEmpty { identifiers.append(RawIdentifier(.usSSN, value("national_id"))) }
        if !value("phone").isEmpty { identifiers.append(RawIdentifier(.phoneE164, value("phone"))) }
        if !value("email").isEmpty { identifiers.append(RawIdentifier(.email, value("email"))) }
        let given = value("given_name")
        let family = value("family_name")
        let address = PostalAddress(
            line1: value("address_line1"), line2: value("address_line2"), city: value("city"), region: value("region"),
            postalCode: value("postal_code"), country: value("country"))
        return RawSubject(
            localKey: value("local_key"), identifiers: identifiers,
            name: given.isEmpty && family.isEmpty ? nil : .parts(given: given, middle: nil, family: family),
            birthDate: value("birth_date").isEmpty ? nil : try BirthDate(parsing: value("birth_date")),
            address: address == PostalAddress() ? nil : address)
    }
}

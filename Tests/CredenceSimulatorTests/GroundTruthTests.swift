import AdapterCore
import CommerceAdapter
import CredenceIdentity
import CredenceProtocol
import CredenceSimulator
import Foundation
import LendingAdapter
import SocialAdapter
import Testing

/// The ground truth agrees with the exports as the real adapters read them: every subject key an adapter
/// emits is in `truth/records.csv` and every truth key is emitted, and the adapters quarantine exactly
/// the units `truth/invalid_rows.csv` lists.
@Suite struct GroundTruthTests {
    static let linkageKey = try! LinkageKey(bytes: (1...32).map(UInt8.init))

    struct AdapterReading {
        var subjectKeys: Set<String> = []
        /// What the records say about each subject key (several statements when units disagree).
        var statements: [String: Set<SubjectSignature>] = [:]
        /// Where each rejected unit is (``location(file:line:offset:)``).
        var rejections: Set<String> = []
        var rejectionReasons: [String] = []
        var units = 0
    }

    static func read(_ partner: SimulatedPartner, in federation: SimulatedFederation) throws -> AdapterReading {
        let context = RecordContext(partnerID: partner.id, linkageKey: linkageKey, defaultRegion: partner.defaultRegion)
        let reader: any SourceReader =
            switch partner.kind {
            case .lending: LendingSourceReader()
            case .commerce: CommerceSourceReader()
            case .social: SocialSourceReader()
            }
        var reading = AdapterReading()
        for file in try federation.files(of: partner.id.rawValue) {
            var document = try reader.open(file, context: context)
            #expect(document.format == partner.sourceFormat)
            while let item = try document.next() {
                reading.units += 1
                switch item.outcome {
                case .success(let records):
                    for record in records {
                        for subject in record.subjects {
                            reading.subjectKeys.insert(subject.subjectKey.rawValue)
                            reading.statements[subject.subjectKey.rawValue, default: []].insert(
                                SubjectSignature(subject))
                        }
                    }
                case .failure(let rejection):
                    let position = rejection.position
                    reading.rejections.insert(
                        Self.location(file: position.file, line: position.line, offset: position.offset))
                    reading.rejectionReasons.append(rejection.description)
                }
            }
        }
        return reading
    }

    /// `file:line` for line-oriented files, `file@offset` for framed ones, the file alone for archives.
    static func location(file: String, line: Int?, offset: Int64?) -> String {
        if let line { return "\(file):\(line)" }
        if let offset { return "\(file)@\(offset)" }
        return file
    }

    @Test(
        "the adapter emits exactly the truth's keys and quarantines exactly its invalid rows",
        arguments: PartnerCatalog.partners.map(\.id.rawValue))
    func adapterOutputMatchesTruth(partnerID: String) async throws {
        let federation = try await SimulatedFederation.shared()
        let partner = try #require(PartnerCatalog.partner(partnerID))
        let reading = try Self.read(partner, in: federation)
        let context = RecordContext(partnerID: partner.id, linkageKey: Self.linkageKey, defaultRegion: nil)
        let truth = try federation.truth("records.csv").filter { $0["partner_id"] == partnerID }
        var expected = Set<String>()
        for row in truth { expected.insert(try context.subjectKey(localKey: try #require(row["local_key"])).rawValue) }
        #expect(!expected.isEmpty, "the population has customers of \(partnerID)")
        #expect(reading.subjectKeys.subtracting(expected).isEmpty, "keys in the exports but not in the truth")
        #expect(expected.subtracting(reading.subjectKeys).isEmpty, "keys in the truth but not in the exports")

        let invalid = try federation.truth("invalid_rows.csv").filter { $0["partner_id"] == partnerID }
        let expectedRejections = Set(
            invalid.map { row in
                Self.location(
                    file: URL(fileURLWithPath: row["file"] ?? "").lastPathComponent,
                    line: row["line"].flatMap { Int($0) },
                    offset: row["offset"].flatMap { Int64($0) })
            })
        #expect(reading.rejections == expectedRejections, "rejections: \(reading.rejectionReasons.prefix(5))")
        #expect(federation.summary.statistics.invalidUnitsByPartner[partnerID, default: 0] == invalid.count)
        #expect(reading.units == federation.summary.statistics.unitsByPartner[partnerID])
    }

    @Test("every unit parses with its format module's reader, except the JSON rows made invalid")
    func exportsParseWithTheFormatReaders() async throws {
        let federation = try await SimulatedFederation.shared()
        let inspection = try federation.inspected()
        let invalid = try federation.truth("invalid_rows.csv")
        for partner in PartnerCatalog.partners {
            let id = partner.id.rawValue
            #expect(inspection.units[id] == federation.summary.statistics.unitsByPartner[id], "\(id)")
            // Metro 2 defects (an SSN never issued, a date opened after the as-of date) and the social ones
            // (a creation time after the export) are well-formed: only the adapters see them. The JSON
            // defects (an impossible date, a string for a number) fail parsing already.
            let parsesBadly = partner.kind == .commerce
            let expected = parsesBadly ? invalid.filter { $0["partner_id"] == id }.count : 0
            #expect(inspection.unparsed[id, default: 0] == expected, "\(id)")
        }
    }

    @Test func invalidRowsOccurAtLendersAndMarketplaces() async throws {
        let federation = try await SimulatedFederation.shared()
        let partners = Set(try federation.truth("invalid_rows.csv").compactMap { $0["partner_id"] })
        let kinds = Set(partners.compactMap { PartnerCatalog.partner($0)?.kind })
        #expect(kinds.isSuperset(of: [.lending, .commerce]), "invalid rows at partners \(partners.sorted())")
    }

    @Test func everyPersonHasOneOutcomeAndOnePeopleRow() async throws {
        let federation = try await SimulatedFederation.shared()
        let people = try federation.truth("people.csv").compactMap { $0["person_id"] }
        let outcomes = try federation.truth("outcomes.csv").compactMap { $0["person_id"] }
        #expect(people.count == federation.configuration.people)
        #expect(people == outcomes)
        #expect(Set(people).count == people.count)
        let records = try federation.truth("records.csv")
        #expect(Set(records.compactMap { $0["person_id"] }).isSubset(of: Set(people)))
    }
}

import CommerceExports
import CredenceProtocol
import CredenceSimulator
import Foundation
import Metro2
import Testing

@testable import CredenceSimulator

/// The hard cases later work is evaluated on are present in a small population, and the exports show
/// them the way the truth says.
@Suite struct HardCaseTests {
    /// person id → household id, from `truth/people.csv`.
    static func households(_ federation: SimulatedFederation) throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try federation.truth("people.csv") { result[row["person_id"]!] = row["household_id"]! }
        return result
    }

    /// `partner|local key` → person id, from `truth/records.csv`.
    static func owners(_ federation: SimulatedFederation) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for row in try federation.truth("records.csv") {
            result[row["partner_id"]! + "|" + row["local_key"]!, default: []].insert(row["person_id"]!)
        }
        return result
    }

    /// Each exported phone number with the people whose records carry it.
    static func phoneHolders(_ federation: SimulatedFederation) throws -> [String: Set<String>] {
        let owners = try owners(federation)
        var holders: [String: Set<String>] = [:]
        for subject in try federation.exportedSubjects() {
            guard let phone = subject.phone else { continue }
            for person in owners[subject.partnerID + "|" + subject.localKey] ?? [] {
                holders[phone, default: []].insert(person)
            }
        }
        return holders
    }

    static func flagged(_ federation: SimulatedFederation, _ hardCase: HardCase) throws -> Set<String> {
        Set(try federation.truth("people.csv").filter { $0[hardCase.rawValue] == "1" }.map { $0["person_id"]! })
    }

    @Test("every hard case occurs", arguments: HardCase.allCases)
    func hardCaseOccurs(_ hardCase: HardCase) async throws {
        let federation = try await SimulatedFederation.shared()
        #expect(try !Self.flagged(federation, hardCase).isEmpty)
        let noisyRecords = try federation.truth("records.csv").filter {
            ($0["noise"] ?? "").split(separator: ";").contains(Substring(hardCase.rawValue))
        }
        if hardCase != .invalidRow { #expect(!noisyRecords.isEmpty) }
    }

    @Test func familiesShareAPhoneAndAreFlagged() async throws {
        let federation = try await SimulatedFederation.shared()
        let households = try Self.households(federation)
        let sharedWithinFamily = try Self.phoneHolders(federation).values.filter { holders in
            holders.count > 1 && Set(holders.map { households[$0]! }).count == 1
        }
        #expect(!sharedWithinFamily.isEmpty, "a phone number on file for two members of one household")
        let flagged = try Self.flagged(federation, .sharedPhone)
        for holders in sharedWithinFamily { #expect(holders.isSubset(of: flagged)) }
    }

    @Test func phonesAreSharedAcrossHouseholdsOnlyWhenRecycled() async throws {
        let federation = try await SimulatedFederation.shared()
        let households = try Self.households(federation)
        let acrossHouseholds = try Self.phoneHolders(federation).values.filter { holders in
            Set(holders.map { households[$0]! }).count > 1
        }
        #expect(!acrossHouseholds.isEmpty, "a recycled number on file for its old and its new holder")
        let recycled = try Self.flagged(federation, .recycledPhone)
        let shared = try Self.flagged(federation, .sharedPhone)
        for holders in acrossHouseholds {
            // Nobody shares a number with a stranger by accident: every such pair is a recycled number
            // (possibly also a household line).
            #expect(holders.filter { !recycled.contains($0) }.count <= 1, "\(holders)")
            #expect(holders.allSatisfy { recycled.contains($0) || shared.contains($0) })
        }
    }

    @Test func aPersonHasTwoAccountsAtOneMarketplace() async throws {
        let federation = try await SimulatedFederation.shared()
        let rows = try federation.truth("records.csv").filter {
            ($0["noise"] ?? "").contains(HardCase.duplicateAccount.rawValue)
        }
        var keysByPersonAndPartner: [String: Set<String>] = [:]
        for row in rows {
            keysByPersonAndPartner[row["person_id"]! + "|" + row["partner_id"]!, default: []].insert(row["local_key"]!)
        }
        let duplicated = keysByPersonAndPartner.filter { $0.value.count == 2 }
        #expect(!duplicated.isEmpty)
        let exported = Set(try federation.exportedSubjects().map { $0.partnerID + "|" + $0.localKey })
        for (personAndPartner, keys) in duplicated {
            let partner = String(personAndPartner.split(separator: "|")[1])
            #expect(PartnerCatalog.partner(partner)?.kind == .commerce)
            for key in keys { #expect(exported.contains(partner + "|" + key)) }
        }
    }

    @Test func typoedNamesAreOneEditFromTheLegalName() async throws {
        let federation = try await SimulatedFederation.shared()
        // Records whose only name noise is the typo (a nickname would be a second, larger difference).
        let typoed = Set(
            try federation.truth("records.csv")
                .filter { row in
                    let noise = (row["noise"] ?? "").split(separator: ";")
                    return row["partner_id"] == "sim-bank" && noise.contains("typo") && !noise.contains("nickname")
                }
                .map { $0["local_key"]! })
        let people = PopulationGenerator(configuration: federation.configuration)
        var legalNames: [String: String] = [:]
        for chunk in 0..<((federation.configuration.people + 999) / 1000) {
            let range = (chunk * 1000)..<min(chunk * 1000 + 1000, federation.configuration.people)
            for person in people.people(in: range, chunk: chunk) where person.nationality == .us {
                legalNames["ssn:" + person.nationalID] = LatinText.ascii(person.name.family + " " + person.name.given)
                    .uppercased()
            }
        }
        var checked = 0
        for file in try federation.files(of: "sim-bank") {
            var reader = try Metro2CharacterReader(contentsOf: file)
            while let item = try reader.next() {
                guard case .success(let record) = item.result else { continue }
                let consumer = record.base.consumer
                let key = "ssn:" + consumer.socialSecurityNumber
                guard typoed.contains(key), let legal = legalNames[key] else { continue }
                let exported = consumer.surname + " " + consumer.firstName
                #expect(exported != legal)
                #expect(Self.editDistance(exported, legal) <= 2, "\(exported) vs \(legal)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

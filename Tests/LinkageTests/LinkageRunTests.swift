import CredenceIdentity
import CredenceProtocol
import Foundation
import Linkage
import Testing

@Suite("Batch runs")
struct LinkageRunTests {
    static let settings: LinkageSettings = {
        var settings = LinkageSettings()
        settings.duplicateFreeSources = SyntheticPartner.duplicateFree
        settings.randomPairs = 200_000
        return settings
    }()

    /// Hand-made hard cases, run among the synthetic people so estimation sees a realistic mixture.
    static let hardCases: [LinkageRecord] = {
        let home = Encodings.address("4410 Willow Lane", "Denver", "Colorado", "80219")
        let landline = Encodings.token(.phoneE164, "+13035550142", from: 15_000, until: 20_000)
        let elsewhere = Encodings.address("77 Canyon Road", "Tucson", "Arizona", "85701")
        let recycled = "+15205550177"
        return [
            // A family sharing a landline and an address.
            LinkageRecord(
                id: "family-robert-shop", source: "shop",
                identifiers: [landline] + Encodings.email("robert.miller77@gmail.com", containsName: true),
                names: [Encodings.name("Robert Miller")], addresses: [home]),
            LinkageRecord(
                id: "family-linda-shop", source: "shop",
                identifiers: [landline] + Encodings.email("lindam@yahoo.com", containsName: false),
                names: [Encodings.name("Linda Miller")], addresses: [home]),
            Encodings.person(
                "family-emma-bank", source: "bank", name: "EMMA MILLER", born: "1995-06-02", address: home,
                identifiers: [landline, Encodings.token(.usSSN, "521440187")]),
            Encodings.person(
                "family-robert-bank", source: "bank", name: "MILLER, ROBERT", born: "1961-02-11", address: home,
                identifiers: [landline, Encodings.token(.usSSN, "521440922")]),
            // A typo'd name: the same person otherwise.
            Encodings.person(
                "typo-bank", source: "bank", name: "KATHERINE JOHNSON", born: "1979-04-22", address: elsewhere,
                identifiers: [
                    Encodings.token(.usSSN, "611220333"), Encodings.token(.phoneE164, "+15205550123", from: 18_000),
                ]),
            LinkageRecord(
                id: "typo-shop", source: "shop",
                identifiers: [Encodings.token(.phoneE164, "+15205550123", from: 19_000)]
                    + Encodings.email("kj1979@outlook.com"),
                names: [Encodings.name("Katherine Jonhson")], addresses: [elsewhere]),
            // Two marketplace accounts of one person, paying with the same card.
            LinkageRecord(
                id: "second-account-1", source: "pay",
                identifiers: [Encodings.token(.paymentFingerprint, "stripe:Xt5EWLLDS7FJjR1c")]
                    + Encodings.email("dreyes@gmail.com"), names: [Encodings.name("Daniel Reyes")]),
            LinkageRecord(
                id: "second-account-2", source: "pay",
                identifiers: [Encodings.token(.paymentFingerprint, "stripe:Xt5EWLLDS7FJjR1c")]
                    + Encodings.email("tigerstorm88@gmail.com"), names: [Encodings.name("Danny Reyes")]),
            // A recycled number: the old holder gave it up; a stranger got it a year later.
            Encodings.person(
                "recycled-old", source: "bank", name: "GARY PATEL", born: "1958-09-30", address: elsewhere,
                identifiers: [
                    Encodings.token(.usSSN, "432118876"),
                    Encodings.token(.phoneE164, recycled, from: 16_000, until: 18_000),
                ]),
            LinkageRecord(
                id: "recycled-new", source: "shop",
                identifiers: [Encodings.token(.phoneE164, recycled, from: 18_400, until: 20_000)]
                    + Encodings.email("nancy.ortiz@icloud.com", containsName: true),
                names: [Encodings.name("Nancy Ortiz")], addresses: [home]),
        ]
    }()

    static let result = LinkageRun.deduplicate(Populations.standard.map(\.record) + hardCases, settings: settings)

    @Test("a family sharing a landline and an address stays apart; the same person at two partners merges")
    func familyNotMerged() {
        let clusters = Self.result.clusters
        #expect(clusters["family-robert-shop"] != clusters["family-linda-shop"])
        #expect(clusters["family-emma-bank"] != clusters["family-linda-shop"])
        #expect(clusters["family-emma-bank"] != clusters["family-robert-bank"])
        #expect(clusters["family-robert-shop"] == clusters["family-robert-bank"])
    }

    @Test("families in the synthetic population: members sharing a landline are almost never merged")
    func householdsInPopulation() {
        let population = Populations.standard
        let clusters = Self.result.clusters
        var members: [Int: [SyntheticPopulation.Labeled]] = [:]
        for labeled in population where labeled.noise.contains(.sharedLandline) {
            members[labeled.household, default: []].append(labeled)
        }
        var pairs = 0
        var merged = 0
        for group in members.values {
            for i in group.indices {
                for j in group.indices where j > i && group[i].person != group[j].person {
                    pairs += 1
                    if clusters[group[i].record.id] == clusters[group[j].record.id] { merged += 1 }
                }
            }
        }
        #expect(pairs > 50)
        #expect(Double(merged) / Double(pairs) < 0.05, "\(merged) of \(pairs) landline-sharing relatives merged")
    }

    @Test("a typo'd name still merges, with the name at a lower band")
    func typoMerges() {
        #expect(Self.result.clusters["typo-bank"] == Self.result.clusters["typo-shop"])
        let pair = Self.result.pairs.first { Set([$0.left, $0.right]) == ["typo-bank", "typo-shop"] }
        #expect(pair?.evidence.first { $0.field == .name }?.level == "dice>=0.80")
    }

    @Test("two marketplace accounts with one card merge; a recycled number's holders do not")
    func secondAccountAndRecycledPhone() {
        let clusters = Self.result.clusters
        #expect(clusters["second-account-1"] == clusters["second-account-2"])
        #expect(clusters["recycled-old"] != clusters["recycled-new"])
    }

    @Test("synthetic records with a typo'd name join their person about as often as those without")
    func typosInPopulation() {
        let population = Populations.standard
        let clusters = Self.result.clusters
        var byPerson: [Int: [SyntheticPopulation.Labeled]] = [:]
        for labeled in population { byPerson[labeled.person, default: []].append(labeled) }
        var counts = (typo: 0, typoJoined: 0, clean: 0, cleanJoined: 0)
        for labeled in population where !labeled.noise.contains(.hanzi) {
            // Records that share a token with another record of the person (so linkable at all).
            let others = byPerson[labeled.person]!.filter { $0.record.id != labeled.record.id }
            let tokens = Set(labeled.record.identifiers.map(\.token))
            guard others.contains(where: { !tokens.isDisjoint(with: $0.record.identifiers.map(\.token)) }) else {
                continue
            }
            let joined = others.contains { clusters[$0.record.id] == clusters[labeled.record.id] }
            if labeled.noise.contains(.typo) {
                counts.typo += 1
                counts.typoJoined += joined ? 1 : 0
            } else {
                counts.clean += 1
                counts.cleanJoined += joined ? 1 : 0
            }
        }
        #expect(counts.typo > 30)
        let typoRate = Double(counts.typoJoined) / Double(counts.typo)
        let cleanRate = Double(counts.cleanJoined) / Double(counts.clean)
        #expect(typoRate > cleanRate - 0.08, "typo'd \(typoRate), others \(cleanRate)")
        #expect(typoRate > 0.8)
    }

    @Test("pairs and clusters: precise, and most true pairs found")
    func quality() {
        let population = Populations.standard
        var person: [String: Int] = [:]
        for labeled in population { person[labeled.record.id] = labeled.person }
        var truePositives = 0
        var predicted = 0
        for index in Self.result.pairs.indices {
            let (left, right, probability) = Self.result.pairs.idsAndProbability(at: index)
            #expect(probability >= 0.9)
            guard let a = person[left], let b = person[right] else { continue }
            predicted += 1
            if a == b { truePositives += 1 }
        }
        #expect(Double(truePositives) / Double(predicted) > 0.97)
        var perPerson: [Int: Int] = [:]
        for labeled in population { perPerson[labeled.person, default: 0] += 1 }
        let truePairs = perPerson.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        #expect(Double(truePositives) / Double(truePairs) > 0.6)
    }

    @Test("the same seed gives the same result, whatever the parallelism")
    func determinism() {
        let records = Array(Populations.standard.prefix(2500)).map(\.record)
        var settings = Self.settings
        let first = LinkageRun.deduplicate(records, settings: settings)
        settings.parallelism = 1
        let second = LinkageRun.deduplicate(records, settings: settings)
        #expect(first.clusters == second.clusters)
        #expect(Array(first.pairs) == Array(second.pairs))
        #expect(first.summary.model == second.summary.model)
        #expect(first.summary.candidatePairs == second.summary.candidatePairs)
    }

    @Test("link mode pairs records across the two sides only")
    func linkMode() {
        let population = Array(Populations.standard.prefix(3000))
        let left = population.filter { $0.record.source == "bank" || $0.record.source == "finance" }.map(\.record)
        let right = population.filter { $0.record.source == "shop" || $0.record.source == "id" }.map(\.record)
        let result = LinkageRun.link(left: left, right: right, settings: Self.settings)
        let leftIDs = Set(left.map(\.id))
        let rightIDs = Set(right.map(\.id))
        #expect(result.pairs.count > 50)
        #expect(result.pairs.allSatisfy { leftIDs.contains($0.left) && rightIDs.contains($0.right) })
        #expect(result.clusters.count == left.count + right.count)
        #expect(result.summary.mode == .link)
        #expect(result.summary.records == [left.count, right.count])
        #expect(result.summary.estimation.possiblePairs == left.count * right.count)
    }

    @Test("the summary reports counts, parameters and timings")
    func summary() {
        let summary = Self.result.summary
        #expect(summary.candidatePairs > 0 && summary.comparisons > summary.candidatePairs)
        #expect(summary.links == Self.result.pairs.count)
        #expect(summary.clusters > 1000)
        #expect(summary.largestCluster <= Self.settings.maxClusterSize)
        #expect(summary.timings.total >= summary.timings.scoring)
        let text = summary.description
        for expected in ["deduplicate:", "candidate pairs", "EM on phone token", "prior", "name: dice>=0.92", "time:"] {
            #expect(text.contains(expected), "\(expected)")
        }
    }

    @Test("a dataset refuses a repeated id with a message naming it")
    func duplicateIDs() throws {
        var dataset = LinkageDataset()
        try dataset.append(Encodings.person("row-7"))
        #expect(throws: LinkageError.self) { try dataset.append(Encodings.person("row-7")) }
        do {
            try dataset.append(Encodings.person("row-7"))
        } catch {
            #expect(error.code == .duplicateID)
            #expect(error.message.contains("row-7"))
        }
        #expect(dataset.count == 1)
    }

    @Test("a record from the wire keeps subject tokens and encodings, and dates as days")
    func recordFromSubject() throws {
        let phone = Encodings.token(.phoneE164, "+12125550100")
        let subject = SubjectReference(
            subjectKey: Token(unchecked: Encodings.tokenizer.token(.partnerSubject, normalized: "bank:C-1")),
            identifiers: [
                IdentifierToken(
                    type: .phoneE164, token: Token(unchecked: phone.token), firstSeen: try CalendarDate("2020-01-01"),
                    lastSeen: try CalendarDate("2024-12-31")),
                IdentifierToken(
                    type: .accountKey,
                    token: Token(unchecked: Encodings.tokenizer.token(.accountKey, normalized: "F:1"))),
                IdentifierToken(
                    type: .email, token: Token(unchecked: Encodings.email("john.smith@example.com")[0].token),
                    containsName: true),
            ],
            encodings: SubjectEncodings(
                name: try BloomEncoding(Encodings.name("John Smith").base64url),
                birthDate: try BloomEncoding(Encodings.birthDate("1985-03-14").base64url)))
        let record = LinkageRecord(id: "s1", source: "bank", subject: subject)
        #expect(record.identifiers.map(\.type) == [.phoneE164, .email])
        #expect(record.identifiers[0].token == phone.token)
        #expect(record.identifiers[0].firstSeen == 18_262)
        #expect(record.identifiers[0].lastSeen == 20_088)
        #expect(record.identifiers[0].containsName == false)
        #expect(record.identifiers[1].containsName == true)
        #expect(record.names == [Encodings.name("John Smith")])
        #expect(record.birthDates == [Encodings.birthDate("1985-03-14")])
        #expect(record.addresses.isEmpty)
    }

    @Test("a model survives JSON, and a model with a missing level is refused")
    func modelJSON() throws {
        let model = Self.result.summary.model
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(LinkageModel.self, from: data) == model)
        var broken = model
        broken.fields[LinkageField.allCases.firstIndex(of: .name)!].levels.removeLast()
        let brokenData = try JSONEncoder().encode(broken)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LinkageModel.self, from: brokenData) }
    }
}

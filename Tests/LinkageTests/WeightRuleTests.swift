import CredenceIdentity
import Foundation
import Linkage
import Testing

/// Term-frequency adjustment, redundant evidence and the arithmetic of a match weight.
@Suite("Weight rules")
struct WeightRuleTests {
    private func weight(_ score: PairScore, _ field: LinkageField) -> FieldEvidence {
        score.evidence.first { $0.field == field }!
    }

    /// 2,000 background records with their own phones, plus `sharing` records on one landline.
    private func frequencies(sharing: Int, landline: LinkageIdentifier) -> TermFrequencies {
        var frequencies = TermFrequencies()
        for index in 0..<2000 {
            frequencies.add(
                LinkageRecord(
                    id: "b\(index)", source: "test",
                    identifiers: [Encodings.token(.phoneE164, "+1212555\(1000 + index)")]))
        }
        for index in 0..<sharing {
            frequencies.add(LinkageRecord(id: "s\(index)", source: "test", identifiers: [landline]))
        }
        return frequencies
    }

    @Test("a token carried by many records weighs less than a rare one")
    func termFrequencyLowersCommonTokens() throws {
        let landline = Encodings.token(.phoneE164, "+12125550100")
        let a = LinkageRecord(id: "a", source: "test", identifiers: [landline])
        let b = LinkageRecord(id: "b", source: "test", identifiers: [landline])
        let rare = FellegiSunterScorer(model: .initial, termFrequencies: frequencies(sharing: 2, landline: landline))
        let common = FellegiSunterScorer(model: .initial, termFrequencies: frequencies(sharing: 40, landline: landline))
        let rareWeight = weight(rare.score(a, b), .phone)
        let commonWeight = weight(common.score(a, b), .phone)
        #expect(commonWeight.weight < rareWeight.weight - 3)
        #expect(commonWeight.note == "term frequency adjusted")
        // u = max(u of the level, the share of the other 2,038 records carrying it: 38).
        let m = LinkageModel.initial[.phone].levels[0].m
        #expect(abs(commonWeight.weight - log2(m / (38.0 / 2038))) < 1e-9)
        // A token only the pair itself carries is not adjusted, however few records are counted.
        #expect(rareWeight.weight == LinkageModel.initial[.phone].levels[0].weight)
        #expect(rareWeight.note == nil)
        // The same tokens without frequencies keep the level's weight.
        let plain = FellegiSunterScorer(model: .initial, termFrequencies: TermFrequencies())
        #expect(weight(plain.score(a, b), .phone).weight == LinkageModel.initial[.phone].levels[0].weight)
    }

    @Test("an identical name weighs by how often the name occurs, up or down from the level's weight")
    func nameTermFrequency() throws {
        var frequencies = TermFrequencies()
        for index in 0..<2000 {
            frequencies.add(LinkageRecord(id: "b\(index)", source: "test", names: [Encodings.name("Person \(index)")]))
        }
        let named = { (id: String, name: String) in
            LinkageRecord(id: id, source: "test", names: [Encodings.name(name)])
        }
        for id in ["z1", "z2"] { frequencies.add(named(id, "Zachary Rose")) }
        for index in 0..<40 { frequencies.add(named("s\(index)", "John Smith")) }
        let records = 2042.0
        let scorer = FellegiSunterScorer(model: .initial, termFrequencies: frequencies)
        let level = LinkageModel.initial[.name].levels[0]
        /// The rate of a name `others` records besides the pair hold: shrunk towards the level's u.
        func rate(others: Double, records: Double) -> Double { (1 + others) / (1 / level.u + records - 2) }

        // Only the pair holds the name: about one in 3,040, below the level's u of one in 1,000.
        let rare = weight(scorer.score(named("z1", "Zachary Rose"), named("z2", "Zachary Rose")), .name)
        #expect(rare.note == "term frequency adjusted")
        #expect(abs(rare.weight - log2(level.m / rate(others: 0, records: records))) < 1e-9)
        #expect(rare.weight > level.weight + 1)
        // 38 other records hold it.
        let common = weight(scorer.score(named("s0", "John Smith"), named("s1", "John Smith")), .name)
        #expect(abs(common.weight - log2(level.m / rate(others: 38, records: records))) < 1e-9)
        #expect(common.weight < level.weight - 3)
        // A near match in the same band has no value to count: the level's weight.
        let typo = weight(
            scorer.score(named("c1", "Christopher Anderson"), named("c2", "Christopher Andersen")), .name)
        try #require(typo.level == "dice>=0.92")
        #expect(typo.weight == level.weight)
        #expect(typo.note == nil)
        // Removing the other holders makes the name rare again.
        for index in 2..<40 { frequencies.remove(named("s\(index)", "John Smith")) }
        let fewer = FellegiSunterScorer(model: .initial, termFrequencies: frequencies)
        let rareAgain = weight(fewer.score(named("s0", "John Smith"), named("s1", "John Smith")), .name)
        #expect(abs(rareAgain.weight - log2(level.m / rate(others: 0, records: records - 38))) < 1e-9)
        // In a small population rarity cannot be measured yet: about the level's weight.
        var small = TermFrequencies()
        for index in 0..<8 { small.add(named("p\(index)", "Person \(index)")) }
        for id in ["z1", "z2"] { small.add(named(id, "Zachary Rose")) }
        let early = weight(
            FellegiSunterScorer(model: .initial, termFrequencies: small).score(
                named("z1", "Zachary Rose"), named("z2", "Zachary Rose")), .name)
        #expect(abs(early.weight - level.weight) < 0.02)
    }

    @Test("term frequencies are incremental: remove undoes add")
    func termFrequenciesIncremental() {
        let token = Encodings.token(.email, "a@example.com")
        let record = LinkageRecord(id: "a", source: "test", identifiers: [token])
        var frequencies = TermFrequencies([record, LinkageRecord(id: "b", source: "test")])
        #expect(frequencies.frequency(of: token) == 0.5)
        frequencies.add(LinkageRecord(id: "c", source: "test", identifiers: [token]))
        #expect(abs(frequencies.frequency(of: token) - 2.0 / 3) < 1e-12)
        frequencies.remove(record)
        #expect(frequencies.frequency(of: token) == 0.5)
        #expect(frequencies.recordCount == 2)
    }

    @Test("an email that contains the name makes only the relatives' name band redundant")
    func emailRepeatsName() throws {
        let scorer = FellegiSunterScorer(model: .initial, termFrequencies: TermFrequencies())
        func pair(containsName: Bool, names: (String, String)) -> PairScore {
            let email = Encodings.email("hamilton.family@example.com", containsName: containsName)
            return scorer.score(
                LinkageRecord(id: "a", source: "test", identifiers: email, names: [Encodings.name(names.0)]),
                LinkageRecord(id: "b", source: "test", identifiers: email, names: [Encodings.name(names.1)]))
        }
        // Two members of one family on the family's mailbox: the shared family name is what the mailbox says.
        let relatives = pair(containsName: true, names: ("Ann Hamilton", "Eve Hamilton"))
        try #require(weight(relatives, .name).level == "dice>=0.70")
        #expect(weight(relatives, .name).weight == 0)
        #expect(weight(relatives, .name).note == "counted in email")
        let relativesElsewhere = pair(containsName: false, names: ("Ann Hamilton", "Eve Hamilton"))
        #expect(weight(relativesElsewhere, .name).weight == LinkageModel.initial[.name].levels[2].weight)
        // The same given name is not implied by a shared mailbox: it counts in full.
        let same = pair(containsName: true, names: ("Ann Hamilton", "Ann Hamilton"))
        #expect(weight(same, .name).level == "dice>=0.92")
        #expect(weight(same, .name).weight == LinkageModel.initial[.name].levels[0].weight)
        #expect(weight(same, .name).note == nil)
        #expect(same.matchWeight > relatives.matchWeight)
        // Disagreeing names still lower the weight.
        let different = pair(containsName: true, names: ("Ann Hamilton", "Robert Miller"))
        #expect(weight(different, .name).weight == LinkageModel.initial[.name].levels[3].weight)
        #expect(weight(different, .name).weight < 0)
    }

    @Test("email and email_match are one field: the same address counts once")
    func emailCountsOnce() {
        let scorer = FellegiSunterScorer(model: .initial, termFrequencies: TermFrequencies())
        let email = Encodings.email("jane@example.com")
        let score = scorer.score(
            LinkageRecord(id: "a", source: "test", identifiers: email),
            LinkageRecord(id: "b", source: "test", identifiers: email))
        #expect(score.evidence.filter { $0.field == .email }.count == 1)
        #expect(weight(score, .email).weight == LinkageModel.initial[.email].levels[0].weight)
        #expect(abs(score.matchWeight - (LinkageModel.initial.priorWeight + weight(score, .email).weight)) < 1e-9)
    }

    @Test("a shared phone at a shared address counts as the household once")
    func addressCountedInPhone() {
        let scorer = FellegiSunterScorer(model: .initial, termFrequencies: TermFrequencies())
        let landline = Encodings.token(.phoneE164, "+12125550100")
        let home = Encodings.address("12 Oak Street", "Springfield", "IL", "62704")
        let score = scorer.score(
            LinkageRecord(id: "a", source: "test", identifiers: [landline], addresses: [home]),
            LinkageRecord(id: "b", source: "test", identifiers: [landline], addresses: [home]))
        #expect(weight(score, .address).weight == 0)
        #expect(weight(score, .address).note == "counted in phone")
        let withoutPhone = scorer.score(
            LinkageRecord(id: "a", source: "test", addresses: [home]),
            LinkageRecord(id: "b", source: "test", addresses: [home]))
        #expect(weight(withoutPhone, .address).weight > 5)
    }

    @Test("match weight is the prior's log odds plus the field weights; probability is 2^w / (1 + 2^w)")
    func weightArithmetic() {
        let scorer = FellegiSunterScorer(model: .initial, termFrequencies: TermFrequencies())
        let score = scorer.score(
            Encodings.person("a", identifiers: [Encodings.token(.usSSN, "123456789")]),
            Encodings.person("b", name: "Jon Smith", identifiers: [Encodings.token(.usSSN, "123456789")]))
        let sum = LinkageModel.initial.priorWeight + score.evidence.reduce(0) { $0 + $1.weight }
        #expect(abs(score.matchWeight - sum) < 1e-9)
        #expect(abs(score.probability - pow(2, sum) / (1 + pow(2, sum))) < 1e-12)
        #expect(score.left == "a" && score.right == "b")
    }
}

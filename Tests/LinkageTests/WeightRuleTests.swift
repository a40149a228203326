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

    @Test("an email that contains the name does not add the name's positive weight")
    func emailRepeatsName() {
        let scorer = FellegiSunterScorer(model: .initial, termFrequencies: TermFrequencies())
        func pair(containsName: Bool, names: (String, String)) -> PairScore {
            let email = Encodings.email("john.smith@example.com", containsName: containsName)
            return scorer.score(
                LinkageRecord(id: "a", source: "test", identifiers: email, names: [Encodings.name(names.0)]),
                LinkageRecord(id: "b", source: "test", identifiers: email, names: [Encodings.name(names.1)]))
        }
        let repeated = pair(containsName: true, names: ("John Smith", "John Smith"))
        #expect(weight(repeated, .name).weight == 0)
        #expect(weight(repeated, .name).note == "counted in email")
        #expect(weight(repeated, .name).level == "dice>=0.92")
        let independent = pair(containsName: false, names: ("John Smith", "John Smith"))
        #expect(weight(independent, .name).weight == LinkageModel.initial[.name].levels[0].weight)
        #expect(repeated.matchWeight < independent.matchWeight)
        // Disagreeing names still lower the weight.
        let different = pair(containsName: true, names: ("John Smith", "Robert Miller"))
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

import CredencePrimitives
import Testing

@testable import Linkage

@Suite("Parameter estimation")
struct EstimationTests {
    /// Comparison vectors drawn from a known mixture: matches with probability λ, each field's level from m
    /// (matches) or u (non-matches), a few fields missing at random.
    private func mixture(
        pairs: Int, matchShare: Double, m: [[Double]], u: [[Double]], seed: UInt64
    ) -> [(vector: ComparisonVector, count: Int)] {
        var generator = SplitMix64(seed: seed)
        func uniform() -> Double { Double(generator.next() >> 11) / 9_007_199_254_740_992 }
        func draw(_ probabilities: [Double]) -> UInt8 {
            var target = uniform()
            for (level, probability) in probabilities.enumerated() {
                target -= probability
                if target < 0 { return UInt8(level) }
            }
            return UInt8(probabilities.count - 1)
        }
        var counts: [UInt64: Int] = [:]
        for _ in 0..<pairs {
            let isMatch = uniform() < matchShare
            var vector = ComparisonVector()
            for field in LinkageField.allCases where uniform() >= 0.1 {
                vector[field] = draw(isMatch ? m[field.index] : u[field.index])
            }
            counts[vector.packed, default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.map { (ComparisonVector(packed: $0.key), $0.value) }
    }

    private let trueM: [[Double]] = [
        [0.97, 0.03], [0.75, 0.01, 0.24], [0.6, 0.1, 0.3], [0.5, 0.5], [0.8, 0.2],
        [0.8, 0.1, 0.06, 0.04], [0.9, 0.05, 0.03, 0.02], [0.6, 0.2, 0.05, 0.05, 0.1],
    ]
    private let trueU: [[Double]] = [
        [0.01, 0.99], [0.02, 0.005, 0.975], [0.01, 0.01, 0.98], [0.05, 0.95], [0.02, 0.98],
        [0.02, 0.05, 0.13, 0.8], [0.01, 0.04, 0.15, 0.8], [0.01, 0.02, 0.07, 0.2, 0.7],
    ]

    @Test("EM with u fixed recovers m and the match share of a known mixture")
    func emRecoversKnownParameters() {
        let patterns = mixture(pairs: 200_000, matchShare: 0.3, m: trueM, u: trueU, seed: 11)
        let outcome = ExpectationMaximization.run(
            patterns: patterns, u: trueU, initialM: LinkageModel.initial.fields.map { $0.levels.map(\.m) },
            excludedFields: [], tolerance: 1e-4, maximumIterations: 100)
        #expect(outcome.converged)
        #expect(abs(outcome.matchShare - 0.3) < 0.01)
        for field in LinkageField.allCases {
            for level in trueM[field.index].indices {
                #expect(
                    abs(outcome.m[field.index][level] - trueM[field.index][level]) < 0.02,
                    "m of \(field.rawValue) level \(level)")
            }
        }
        #expect(outcome.estimatedFields == LinkageField.allCases)
    }

    @Test("m pools the training rules by the matches each observed at a field, not by a plain average")
    func trainingPoolsRulesByObservations() {
        // The phone rule sees emails on thousands of matches, most agreeing; the birth-date rule on about a
        // hundred, most disagreeing (blocks of one birth date rarely hold two emails).
        let email = LinkageField.email.index
        var fewEmails = trueM
        fewEmails[email] = [0.05, 0.05, 0.9]
        func patterns(smallSampleRate: Double) -> [ComparisonPatterns] {
            ParameterEstimation.trainingRules.map { rule in
                switch rule {
                case .phone:
                    ComparisonPatterns(entries: mixture(pairs: 50_000, matchShare: 0.5, m: trueM, u: trueU, seed: 21))
                case .birthDateAndName:
                    ComparisonPatterns(
                        entries: mixture(pairs: 300, matchShare: 0.5, m: fewEmails, u: trueU, seed: 22),
                        samplingRate: smallSampleRate)
                default: ComparisonPatterns(entries: [])
                }
            }
        }
        let (pooled, rules) = ParameterEstimation.train(patterns(smallSampleRate: 1), u: trueU)
        #expect(rules.filter { $0.estimatedFields.contains(.email) }.count == 2)
        // A plain average would give about (0.6 + 0.05) / 2; the pool follows the 27,000 observations.
        #expect(abs(pooled[email][0] - 0.6) < 0.02)
        // A rule counts for every pair it blocks: the same 300 pairs as a sample of 50,000 weigh as much as
        // the phone rule's 50,000.
        let (weighted, _) = ParameterEstimation.train(patterns(smallSampleRate: 300.0 / 50_000), u: trueU)
        #expect(abs(weighted[email][0] - (0.6 + 0.05) / 2) < 0.05)
    }

    @Test("fields a rule blocks on keep their starting m")
    func excludedFieldsUntouched() {
        let patterns = mixture(pairs: 20_000, matchShare: 0.5, m: trueM, u: trueU, seed: 12)
        let initial = LinkageModel.initial.fields.map { $0.levels.map(\.m) }
        let outcome = ExpectationMaximization.run(
            patterns: patterns, u: trueU, initialM: initial, excludedFields: [.phone, .name], tolerance: 1e-4,
            maximumIterations: 25)
        #expect(outcome.m[LinkageField.phone.index] == initial[LinkageField.phone.index])
        #expect(outcome.m[LinkageField.name.index] == initial[LinkageField.name.index])
        #expect(!outcome.estimatedFields.contains(.phone))
        #expect(outcome.iterations <= 25)
    }

    @Test("estimation without labels on synthetic people lands near the truth")
    func estimateOnPopulation() {
        let population = Populations.standard
        var settings = LinkageSettings()
        settings.randomPairs = 200_000
        let (model, report) = ParameterEstimation.estimate(population.map(\.record), settings: settings)
        #expect(report.trainingRules.count >= 3)
        for rule in report.trainingRules {
            #expect(rule.pairs > 100, "\(rule.rule)")
            #expect(rule.converged, "\(rule.rule)")
            let blocked = ParameterEstimation.trainingRules.first { $0.name == rule.rule }!.blockedFields
            #expect(Set(rule.estimatedFields).isDisjoint(with: blocked), "\(rule.rule) estimated a blocked field")
        }
        #expect(report.randomPairs == 200_000)
        // The true prior: pairs of records of one person over all pairs.
        var perPerson: [Int: Int] = [:]
        for labeled in population { perPerson[labeled.person, default: 0] += 1 }
        let truePairs = perPerson.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        let truePrior = Double(truePairs) / Double(report.possiblePairs)
        #expect(model.prior > truePrior / 4 && model.prior < truePrior * 4)
        // Strong identifiers and exact values are strong evidence; a different SSN strong counter-evidence.
        #expect(model[.nationalID].levels[1].weight < -4)
        #expect(model[.name].levels[0].m > 0.6)
        #expect(model[.birthDate].levels[0].weight > 8)
        #expect(model[.phone].levels[0].weight > 8)
        #expect(model[.name].levels[0].u < 0.01)
    }

    @Test("few records: u from all pairs")
    func allPairsWhenFew() {
        let records = (0..<30).map { Encodings.person("r\($0)", name: "Person \($0)") }
        let (_, report) = ParameterEstimation.estimate(records, settings: LinkageSettings())
        #expect(report.possiblePairs == 435)
        #expect(report.randomPairs == 435)
    }
}

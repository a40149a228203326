import CredenceIdentity
import CredencePrimitives
import CredenceProtocol
import Testing

@testable import CredenceSimulator

/// The pieces the generator is built from: keyed permutations, calendar arithmetic, CSV, and the noise
/// functions (whose output must still denote the same person or mailbox).
@Suite struct BuildingBlockTests {
    @Test(arguments: [2, 10, 1000, 4096, 99_991])
    func indexPermutationIsABijection(domain: Int) {
        let permutation = IndexPermutation(domain: UInt64(domain), key: 42)
        var seen = Set<UInt64>()
        for value in 0..<UInt64(domain) {
            let image = permutation(value)
            #expect(image < UInt64(domain))
            seen.insert(image)
        }
        #expect(seen.count == domain)
        let other = IndexPermutation(domain: UInt64(domain), key: 43)
        if domain >= 1000 { #expect((0..<100).contains { permutation(UInt64($0)) != other(UInt64($0)) }) }
    }

    @Test func simulationDaysAgreeWithTheProtocolCalendar() {
        var random = SplitMix64(seed: 9)
        for _ in 0..<5000 {
            let ordinal = random.between(-40_000...60_000)
            let day = SimulationDay(ordinal: ordinal)
            #expect(day.ordinal == ordinal)
            #expect(day.description == CalendarDate(daysSinceEpoch: ordinal).rawValue)
            #expect(SimulationDay(year: day.year, month: day.month, day: day.day).ordinal == ordinal)
        }
        #expect(SimulationDay(year: 2024, month: 2, day: 29).adding(days: 1).description == "2024-03-01")
        #expect(SimulationMonth(year: 2024, month: 12).adding(-24).description == "2022-12")
        #expect(
            SimulationDay(year: 2000, month: 3, day: 1).years(until: SimulationDay(year: 2018, month: 2, day: 28)) == 17
        )
    }

    @Test func csvQuotesOnlyWhenNeeded() {
        #expect(CSVLine.line(["a", "b c", "d,e", "say \"hi\""]) == Array("a,b c,\"d,e\",\"say \"\"hi\"\"\"\n".utf8))
    }

    @Test func typosChangeOneLetterPosition() {
        var random = SplitMix64(seed: 3)
        var changed = 0
        for name in ["William", "Garcia-Lopez", "O'Brien", "Xiaoming", "Li"] {
            for _ in 0..<200 {
                guard let typo = NameNoise.typo(name, using: &random) else {
                    #expect(name.count < 3)
                    continue
                }
                #expect(typo != name)
                #expect(typo.first == name.first)
                #expect(HardCaseTests.editDistance(typo, name) <= 2)
                changed += 1
            }
        }
        #expect(changed == 800)
        #expect(NameNoise.homophoneTypo("王明", using: &random) == "王铭")
        #expect(NameNoise.homophoneTypo("王", using: &random) == nil)
    }

    @Test func emailVariantsKeepTheMatchKey() throws {
        var random = SplitMix64(seed: 4)
        for email in ["john.smith12@gmail.com", "jsmith7@outlook.com", "anna.lee3@yahoo.com", "10234@qq.com"] {
            let key = try EmailNormalizer.normalize(email).matchKey
            for _ in 0..<50 {
                guard let variant = EmailNoise.variant(of: email, using: &random) else { continue }
                #expect(try EmailNormalizer.normalize(variant).matchKey == key, "\(variant) vs \(email)")
            }
        }
    }

    @Test func typedPhonesNormalizeToTheSameNumber() throws {
        var random = SplitMix64(seed: 5)
        let phones = [
            PhoneNumber(nationality: .us, national: "2125550100"),
            PhoneNumber(nationality: .prc, national: "13912345678"),
            PhoneNumber(nationality: .prc, national: "1065529988"),
            PhoneNumber(nationality: .prc, national: "75523456789"),
        ]
        for phone in phones {
            for region in [PhoneRegion.us, .cn, nil] {
                for _ in 0..<30 {
                    let typed = PhoneText.typed(phone, region: region, using: &random)
                    #expect(try PhoneNumberNormalizer.normalize(typed, defaultRegion: region) == phone.e164, "\(typed)")
                }
            }
        }
    }

    @Test func riskModelIsIncreasingInRisk() {
        let functions: [(Double) -> Double] = [
            RiskModel.defaultProbability, RiskModel.missedPaymentProbability, RiskModel.rollForwardProbability,
            RiskModel.paymentFailureProbability, RiskModel.buyerDisputeProbability, RiskModel.merchantWinsProbability,
            RiskModel.lateInstalmentProbability, RiskModel.unpaidInstalmentProbability,
        ]
        for function in functions {
            #expect(function(-1) < function(0) && function(0) < function(1))
        }
        #expect(RiskModel.cureProbability(1) < RiskModel.cureProbability(-1))
    }
}

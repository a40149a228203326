import CommerceExports
import CredenceProtocol
import CredenceSimulator
import Foundation
import Metro2
import Testing

/// The hidden risk model does what `docs/simulation.md` says: riskier people default more often and have
/// worse payment histories, worse marketplace behaviour, and no protected attribute moves their risk.
@Suite struct RiskModelTests {
    struct Outcome {
        let probability: Double
        let defaulted: Bool
    }

    static func outcomes(_ federation: SimulatedFederation) throws -> [String: Outcome] {
        var result: [String: Outcome] = [:]
        for row in try federation.truth("outcomes.csv") {
            result[row["person_id"]!] = Outcome(
                probability: Double(row["default_probability"]!)!, defaulted: row["defaulted"] == "1")
        }
        return result
    }

    /// The people in the lowest and highest quarter of default probability.
    static func quartiles(_ outcomes: [String: Outcome]) -> (low: Set<String>, high: Set<String>) {
        let sorted = outcomes.sorted { ($0.value.probability, $0.key) < ($1.value.probability, $1.key) }.map(\.key)
        let quarter = sorted.count / 4
        return (Set(sorted.prefix(quarter)), Set(sorted.suffix(quarter)))
    }

    @Test func riskierPeopleDefaultMoreOften() async throws {
        let federation = try await SimulatedFederation.shared()
        let outcomes = try Self.outcomes(federation)
        let (low, high) = Self.quartiles(outcomes)
        func rate(_ people: Set<String>) -> Double {
            Double(people.filter { outcomes[$0]!.defaulted }.count) / Double(people.count)
        }
        #expect(rate(high) > 3 * rate(low), "high \(rate(high)), low \(rate(low))")
        let overall = Double(outcomes.values.filter(\.defaulted).count) / Double(outcomes.count)
        #expect((0.04...0.15).contains(overall))
        // The draw follows the stated probability: the mean probability and the realized rate agree.
        let meanProbability = outcomes.values.map(\.probability).reduce(0, +) / Double(outcomes.count)
        #expect(abs(meanProbability - overall) < 0.02)
    }

    @Test func riskierPeopleHaveWorsePaymentHistories() async throws {
        let federation = try await SimulatedFederation.shared()
        let (low, high) = Self.quartiles(try Self.outcomes(federation))
        var owner: [String: String] = [:]
        for row in try federation.truth("records.csv")
        where row["partner_id"] == "sim-bank" || row["partner_id"] == "sim-finance" {
            owner[row["partner_id"]! + "|" + row["local_key"]!] = row["person_id"]!
        }
        var delinquentMonths: [String: Int] = [:]
        var reportedMonths: [String: Int] = [:]
        for partner in ["sim-bank", "sim-finance"] {
            // The last file's 24-month profiles cover the whole history the lender reports.
            guard let last = try federation.files(of: partner).last else { continue }
            var reader = try Metro2CharacterReader(contentsOf: last)
            while let item = try reader.next() {
                guard case .success(let record) = item.result else { continue }
                let consumer = record.base.consumer
                let key =
                    consumer.socialSecurityNumber.isEmpty
                    ? [
                        "name-dob", consumer.surname, consumer.firstName, consumer.generationCode,
                        consumer.dateOfBirth?.iso8601 ?? "",
                    ].joined(separator: "|").uppercased()
                    : "ssn:" + consumer.socialSecurityNumber
                guard let person = owner[partner + "|" + key] else { continue }
                for code in record.base.paymentHistoryProfile where code != "B" && code != "D" {
                    reportedMonths[person, default: 0] += 1
                    if "123456LK".contains(code) { delinquentMonths[person, default: 0] += 1 }
                }
            }
        }
        func share(_ people: Set<String>) -> Double {
            let months = people.map { reportedMonths[$0] ?? 0 }.reduce(0, +)
            return Double(people.map { delinquentMonths[$0] ?? 0 }.reduce(0, +)) / Double(max(months, 1))
        }
        #expect(share(high) > 3 * share(low), "high \(share(high)), low \(share(low))")
    }

    @Test func riskierBuyersLoseMoreChargebacksAndPayInstalmentsLate() async throws {
        let federation = try await SimulatedFederation.shared()
        let (low, high) = Self.quartiles(try Self.outcomes(federation))
        var owner: [String: String] = [:]
        for row in try federation.truth("records.csv") {
            owner[row["partner_id"]! + "|" + row["local_key"]!] = row["person_id"]!
        }
        var bad: [String: Int] = [:]
        var orders: [String: Int] = [:]
        for partnerID in ["sim-mall-cn", "sim-shop-us"] {
            var buyerOfOrder: [Int64: String] = [:]
            for file in try federation.files(of: partnerID) {
                var reader = try CommerceExportReader(contentsOf: file)
                while let entry = try reader.next() {
                    switch entry.object {
                    case .success(.shopify(.order(let order))):
                        guard let customer = order.customer, let person = owner["\(partnerID)|customer-\(customer.id)"]
                        else { continue }
                        buyerOfOrder[order.id] = person
                        orders[person, default: 0] += 1
                        for schedule in order.paymentTerms?.schedules ?? [] {
                            guard let due = schedule.dueAt else { continue }
                            if let paid = schedule.completedAt, paid <= due { continue }
                            if schedule.completedAt == nil,
                                due.secondsSinceEpoch > federation.configuration.periodEnd.unixSeconds()
                            {
                                continue
                            }
                            bad[person, default: 0] += 1
                        }
                    case .success(.shopify(.dispute(let dispute))):
                        // `won` is the merchant's win: the consumer lost the chargeback.
                        if dispute.status == "won", let orderID = dispute.orderID, let person = buyerOfOrder[orderID] {
                            bad[person, default: 0] += 1
                        }
                    default:
                        continue
                    }
                }
            }
        }
        func rate(_ people: Set<String>) -> Double {
            Double(people.map { bad[$0] ?? 0 }.reduce(0, +))
                / Double(max(people.map { orders[$0] ?? 0 }.reduce(0, +), 1))
        }
        #expect(rate(high) > 2 * rate(low), "high \(rate(high)), low \(rate(low))")
    }

    @Test func protectedAttributesDoNotDriveRisk() async throws {
        let federation = try await SimulatedFederation.shared()
        let outcomes = try Self.outcomes(federation)
        let people = try federation.truth("people.csv")
        let years = people.compactMap { Int($0["birth_year"]!) }.sorted()
        let medianYear = years[years.count / 2]
        let groups: [(String, (([String: String]) -> Bool))] = [
            ("CN", { $0["nationality"] == "CN" }), ("US", { $0["nationality"] == "US" }),
            ("F", { $0["sex"] == "F" }), ("M", { $0["sex"] == "M" }),
            ("older", { Int($0["birth_year"]!)! < medianYear }), ("younger", { Int($0["birth_year"]!)! >= medianYear }),
        ]
        var means: [String: Double] = [:]
        for (name, member) in groups {
            let probabilities = people.filter(member).map { outcomes[$0["person_id"]!]!.probability }
            means[name] = probabilities.reduce(0, +) / Double(probabilities.count)
        }
        // Group means of a probability with spread about 0.1 over 1500 people differ by noise only (~0.004).
        #expect(abs(means["CN"]! - means["US"]!) < 0.02)
        #expect(abs(means["F"]! - means["M"]!) < 0.02)
        #expect(abs(means["older"]! - means["younger"]!) < 0.02)
    }
}

import CredenceProtocol
import CredenceSimulator
import CredenceTesting
import Foundation
import Testing

/// Options a user can get wrong are refused before anything is written, with a message naming the option.
@Suite struct ConfigurationTests {
    @Test(arguments: [
        (SimulationConfiguration(people: 0, seed: 1), "--people"),
        (SimulationConfiguration(people: 10, seed: 1, reportingMonths: 0), "--months"),
        (SimulationConfiguration(people: 10, seed: 1, reportingMonths: 25), "--months"),
    ])
    func invalidOptionsAreRefused(configuration: SimulationConfiguration, option: String) async throws {
        let directory = try TemporaryDirectory(prefix: "credence-simulation")
        let error = await #expect(throws: SimulationError.self) {
            try await Simulation(configuration).run(writingTo: directory.url.appendingPathComponent("out"))
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains(option) == true)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("out").path))
    }

    @Test func aNonEmptyOutputDirectoryIsRefused() async throws {
        let directory = try TemporaryDirectory(prefix: "credence-simulation")
        try Data("keep me".utf8).write(to: directory.url.appendingPathComponent("notes.txt"))
        let error = await #expect(throws: SimulationError.self) {
            try await Simulation(SimulationConfiguration(people: 10, seed: 1)).run(writingTo: directory.url)
        }
        #expect(error?.code == .unusableOutput)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["notes.txt"])
    }

    @Test func partnersJSONDescribesEveryPartner() async throws {
        let federation = try await SimulatedFederation.generate(people: 300, seed: 8, months: 2)
        let data = try Data(contentsOf: federation.url.appendingPathComponent("partners.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let partners = try #require(document["partners"] as? [[String: Any]])
        #expect(partners.map { $0["id"] as? String } == PartnerCatalog.partners.map(\.id.rawValue))
        for partner in partners {
            let files = try #require(partner["files"] as? [String])
            #expect(!files.isEmpty)
            for file in files {
                #expect(
                    FileManager.default.fileExists(atPath: federation.url.appendingPathComponent(file).path), "\(file)")
            }
            #expect(partner["kind"] is String && partner["source_format"] is String)
        }
        let lender = try #require(partners.first { $0["id"] as? String == "sim-bank" })
        #expect((lender["files"] as? [String])?.count == 2)
        #expect(lender["default_region"] as? String == "US")
        let readme = try String(contentsOf: federation.url.appendingPathComponent("README.txt"), encoding: .utf8)
        #expect(readme.contains("--people 300 --seed 8 --months 2 --end-month 2024-12 --archive-consent 0.05"))
    }
}

import CredenceSimulator
import CredenceTesting
import Foundation
import Testing

/// Output is a function of the configuration only: byte-identical for the same seed whatever the
/// parallelism, different for another seed.
@Suite struct DeterminismTests {
    @Test func sameSeedWritesIdenticalBytes() async throws {
        let first = try await SimulatedFederation.generate(people: 1000, seed: 99, months: 3)
        let again = try TemporaryDirectory(prefix: "credence-simulation")
        var configuration = first.configuration
        configuration.parallelism = 1
        try await Simulation(configuration).run(writingTo: again.url)
        let firstFiles = try first.allFiles()
        let againFiles = try SimulatedFederationFiles.all(at: again.url)
        #expect(firstFiles.keys.sorted() == againFiles.keys.sorted())
        #expect(firstFiles.count > 20)
        for (path, data) in firstFiles { #expect(againFiles[path] == data, "\(path) differs") }
    }

    @Test func anotherSeedWritesOtherPeople() async throws {
        let one = try await SimulatedFederation.generate(people: 400, seed: 1, months: 1)
        let two = try await SimulatedFederation.generate(people: 400, seed: 2, months: 1)
        let oneFiles = try one.allFiles()
        let twoFiles = try two.allFiles()
        for path in ["truth/people.csv", "truth/records.csv", "truth/outcomes.csv", "partners/sim-id/claims.jsonl"] {
            #expect(oneFiles[path] != nil)
            #expect(oneFiles[path] != twoFiles[path], "\(path) is the same for seeds 1 and 2")
        }
    }
}

/// Reads a whole output tree (for a run made without ``SimulatedFederation``).
enum SimulatedFederationFiles {
    static func all(at url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = url.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return result
    }
}

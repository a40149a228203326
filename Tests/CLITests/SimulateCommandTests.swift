import CredenceTesting
import Foundation
import Testing

/// `credence simulate` through the built executable: what it writes, and what it refuses.
struct SimulateCommandTests {
    @Test func writesPartnerExportsAndTruthDeterministically() throws {
        let directory = try TemporaryDirectory()
        for name in ["first", "second"] {
            let result = try CommandRunner.run(
                "credence",
                ["simulate", "--people", "40", "--seed", "5", "--months", "2", "--out", directory.path(name)])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("wrote 40 people"))
        }
        let partners = try Data(contentsOf: URL(fileURLWithPath: directory.path("first/partners.json")))
        let description = try JSONSerialization.jsonObject(with: partners) as? [String: Any]
        #expect((description?["partners"] as? [Any])?.count == 7)
        for file in ["partners.json", "truth/records.csv", "truth/people.csv", "truth/outcomes.csv"] {
            #expect(
                FileManager.default.contents(atPath: directory.path("first/" + file))
                    == FileManager.default.contents(atPath: directory.path("second/" + file)), "\(file)")
        }
    }

    @Test func refusesANonEmptyOutputAndBadOptionsWithStatus2() throws {
        let directory = try TemporaryDirectory()
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: directory.path("existing.txt")))
        let occupied = try CommandRunner.run(
            "credence", ["simulate", "--people", "10", "--seed", "1", "--out", directory.url.path])
        #expect(occupied.status == 2)
        #expect(occupied.stderr.split(separator: "\n").count == 1, "\(occupied.stderr)")
        #expect(FileManager.default.contents(atPath: directory.path("existing.txt")) == Data("keep me".utf8))
        let badMonth = try CommandRunner.run(
            "credence",
            ["simulate", "--people", "10", "--seed", "1", "--end-month", "2024-13", "--out", directory.path("x")])
        #expect(badMonth.status == 2)
        let noPeople = try CommandRunner.run(
            "credence", ["simulate", "--people", "0", "--seed", "1", "--out", directory.path("y")])
        #expect(noPeople.status == 2, "\(noPeople.stderr)")
    }
}

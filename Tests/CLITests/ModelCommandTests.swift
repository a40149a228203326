import CredenceProtocol
import CredenceTesting
import Foundation
import Testing

/// `credence model fit` and `credence model score` through the built executable, on labeled CSV files with a
/// planted signal: risk rises with utilization, falls with the months since the last delinquency and depends
/// on the channel; `noise` carries nothing and `gender` is protected.
struct ModelCommandTests {
    let directory = try! TemporaryDirectory(prefix: "model-command")

    static let header = "applicant_id,utilization,months_since_delinquency,channel,noise,gender,defaulted"

    /// `rows` applicants drawn from `seed`, as CSV text.
    static func labeledFile(rows: Int, seed: UInt64) -> String {
        var generator = SplitMix64(seed: seed)
        var lines = [header]
        for index in 0..<rows {
            let utilization = Double.random(in: 0..<1, using: &generator)
            let delinquent = Int.random(in: 0..<3, using: &generator) == 0
            let months = Int.random(in: 0...60, using: &generator)
            let channel = ["web", "branch", "partner"].randomElement(using: &generator)!
            let logit =
                -3.2 + 3.5 * utilization + (delinquent ? 1.2 - Double(months) / 30 : 0)
                + (channel == "partner" ? 0.7 : 0)
            let defaulted = Double.random(in: 0..<1, using: &generator) < 1 / (1 + exp(-logit))
            let gender = Bool.random(using: &generator) ? "F" : "M"
            let noise = Int.random(in: 0..<1000, using: &generator)
            lines.append(
                "A\(index),\(String(format: "%.3f", utilization)),\(delinquent ? String(months) : ""),\(channel),"
                    + "\(noise),\(gender),\(defaulted ? 1 : 0)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func fit(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run("credence", ["model", "fit"] + arguments)
    }

    static func json(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test func fitThenScoreOnALabeledFile() throws {
        let train = try directory.write("train.csv", Self.labeledFile(rows: 4_000, seed: 1))
        let model = directory.path("model.json")
        let fitted = try fit([
            "--data", train, "--target", "defaulted", "--id", "applicant_id", "--protected", "gender", "--out", model,
        ])
        #expect(fitted.status == 0, "\(fitted.stderr)")
        #expect(fitted.stdout.contains("Information value per column"))
        #expect(fitted.stdout.contains("AUC"))
        #expect(fitted.stdout.contains("Gini"))
        #expect(fitted.stdout.contains("KS"))
        #expect(fitted.stdout.contains("noise"))
        // The protected column is reported by group, with its adverse impact ratio, and never used.
        let impact = try #require(fitted.stdout.components(separatedBy: "Adverse impact at cutoff").last)
        #expect(impact.contains("  gender\n"))
        #expect(impact.contains("    F  ") && impact.contains("    M  "))
        #expect(impact.contains("ratio 1.000"))
        let document = try Self.json(model)
        #expect(document["format"] as? String == "credence.scorecard.v1")
        let features = try #require(document["features"] as? [[String: Any]])
        let names = features.compactMap { $0["name"] as? String }
        #expect(Set(names) == ["utilization", "months_since_delinquency", "channel"])
        let fitSummary = try #require(document["fit"] as? [String: Any])
        #expect(try #require(fitSummary["auc"] as? Double) > 0.7)
        #expect(fitSummary["rows"] as? Int == 4_000)
        // Utilization's risk rises: its points fall from bin to bin.
        let utilization = try #require(features.first { $0["name"] as? String == "utilization" })
        #expect(utilization["trend"] as? String == "increasing")
        let points = try #require(utilization["bins"] as? [[String: Any]]).compactMap { $0["points"] as? Double }
        #expect(points.count >= 2)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0 > $1 }, "\(points)")

        let test = try directory.write("test.csv", Self.labeledFile(rows: 2_000, seed: 2))
        let scoresPath = directory.path("scores.csv")
        let scored = try CommandRunner.run(
            "credence",
            ["model", "score", "--model", model, "--data", test, "--id", "applicant_id", "--out", scoresPath])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stderr.contains("scored 2000 rows"))
        let lines = try directory.read("scores.csv").split(separator: "\n").map(String.init)
        #expect(lines.first == "id,score,probability_bad,reason1,reason2,reason3,reason4")
        #expect(lines.count == 2_001)
        let codes = Set(features.compactMap { $0["reason_code"] as? String })
        var scores: [Int] = []
        for (index, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 7)
            #expect(fields[0] == "A\(index)")
            let probability = try #require(Double(fields[2]))
            #expect(probability > 0 && probability < 1)
            scores.append(try #require(Int(fields[1])))
            let reasons = fields[3...].filter { !$0.isEmpty }
            #expect(reasons.allSatisfy(codes.contains))
            #expect(Set(reasons).count == reasons.count)
        }
        // Out of sample, good applicants still outscore bad ones.
        let outcomes = Self.labeledFile(rows: 2_000, seed: 2).split(separator: "\n").dropFirst().map {
            $0.hasSuffix(",1")
        }
        #expect(Self.auc(scores: scores, isBad: outcomes) > 0.68)
    }

    @Test func aMissingTargetColumnIsAnInputError() throws {
        let train = try directory.write("train.csv", Self.labeledFile(rows: 50, seed: 3))
        let result = try fit(["--data", train, "--target", "bad_flag", "--out", directory.path("model.json")])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: \(train):1: no column 'bad_flag' in the header (--target)"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("model.json")))
    }

    @Test func aNonBinaryTargetIsLocated() throws {
        var lines = Self.labeledFile(rows: 50, seed: 4).split(separator: "\n").map(String.init)
        // Line 9 of the file: its target becomes 2.
        lines[8] = String(lines[8].dropLast()) + "2"
        let train = try directory.write("train.csv", lines.joined(separator: "\n") + "\n")
        let result = try fit([
            "--data", train, "--target", "defaulted", "--protected", "gender", "--out", directory.path("model.json"),
        ])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "error: \(train):9: column 'defaulted' (--target) holds a value that is not an outcome"))
    }

    @Test func aBannedColumnOfferedAsAFeatureIsRefused() throws {
        let train = try directory.write("train.csv", Self.labeledFile(rows: 200, seed: 5))
        let result = try fit([
            "--data", train, "--target", "defaulted", "--id", "applicant_id", "--out", directory.path("model.json"),
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("column 'gender' is a banned input ('gender': sex or gender)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.path("model.json")))
    }

    @Test func aModelWithABannedFeatureIsRefusedAtScoring() throws {
        let train = try directory.write("train.csv", Self.labeledFile(rows: 2_000, seed: 6))
        let model = directory.path("model.json")
        let fitted = try fit([
            "--data", train, "--target", "defaulted", "--id", "applicant_id", "--exclude", "gender", "--out", model,
        ])
        #expect(fitted.status == 0, "\(fitted.stderr)")
        let tampered = try String(contentsOfFile: model, encoding: .utf8)
            .replacingOccurrences(of: "\"name\": \"utilization\"", with: "\"name\": \"postal_code\"")
        #expect(tampered.contains("postal_code"))
        try directory.write("tampered.json", tampered)
        let result = try CommandRunner.run(
            "credence",
            [
                "model", "score", "--model", directory.path("tampered.json"), "--data", train, "--id", "applicant_id",
                "--out", directory.path("scores.csv"),
            ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("feature 'postal_code' is a banned input"))
    }

    @Test func badOptionValuesAreUsageErrors() throws {
        let train = try directory.write("train.csv", Self.labeledFile(rows: 50, seed: 7))
        let trend = try fit([
            "--data", train, "--target", "defaulted", "--trend", "utilization=up", "--out", directory.path("m.json"),
        ])
        #expect(trend.status == 2)
        #expect(trend.stderr.contains("--trend 'utilization=up'"))
        let pdo = try fit([
            "--data", train, "--target", "defaulted", "--protected", "gender", "--pdo", "0", "--out",
            directory.path("m.json"),
        ])
        #expect(pdo.status == 2)
    }

    /// The chance that a random good outscores a random bad, ties counting half.
    static func auc(scores: [Int], isBad: [Bool]) -> Double {
        let goods = scores.indices.filter { !isBad[$0] }.map { scores[$0] }
        let bads = scores.indices.filter { isBad[$0] }.map { scores[$0] }
        var pairs = 0.0
        for good in goods {
            for bad in bads { pairs += good > bad ? 1 : good == bad ? 0.5 : 0 }
        }
        return pairs / Double(goods.count * bads.count)
    }
}

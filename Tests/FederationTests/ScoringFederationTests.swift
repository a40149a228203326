import AdapterCore
import CredenceIdentity
import CredenceProtocol
import CredenceTesting
import Foundation
import Testing

/// Scores in the running federation: adapters push, the aggregator links persons and scores them, consumers
/// query signed reports that verify offline, every query shows on the person's file, a purpose outside the
/// key's scope and a revoked key are refused, and a new model re-scores everyone from stored features.
@Suite(.serialized) struct ScoringFederationTests {
    /// The simulation's last reported month is 2024-12: features as of its last day, as the default model was fitted.
    static let asOf = "2024-12-31"

    @Test(.timeLimit(.minutes(10))) func personsAreScoredAndConsumersGetSignedReports() async throws {
        let federation = try await Federation.start(
            people: 300, seed: 43, environment: ["CREDENCE_AGGREGATOR_SCORING_AS_OF": Self.asOf])
        defer { federation.stop() }
        try await federation.backfillAll()
        try await federation.waitUntilCaughtUp()
        try await federation.waitUntilCaughtUp(scoring: true)

        // Every person with subjects has a score computed as of the configured day with the default model.
        let livePersons = Int(try federation.query("SELECT count(DISTINCT person_id) FROM subjects")[0])!
        let scored = try federation.query(
            "SELECT count(*), min(as_of), max(as_of), min(model_version) FROM person_scores")
        let columns = scored[0].split(separator: "|").map(String.init)
        #expect(Int(columns[0]) == livePersons, "\(scored) for \(livePersons) persons")
        #expect(columns[1] == Self.asOf && columns[2] == Self.asOf)
        #expect(columns[3].hasPrefix("credence-default-"))

        // The aggregator's incremental features are exactly what `credence features` computes offline from the
        // same envelopes and the same persons.
        try await Self.expectStoredFeaturesMatchOfflineFeatures(federation)

        // Persons who default in the simulated outcome window score lower on average.
        let (defaulters, others) = try Self.meanScores(federation)
        #expect(defaulters.count >= 5 && others.count >= 100, "\(defaulters.count) defaulters, \(others.count) others")
        #expect(defaulters.mean < others.mean, "defaulters \(defaulters.mean), others \(others.mean)")

        // A landlord may screen tenants, nothing else.
        let aggregator = federation.aggregator
        let keyFile = federation.root.path("landlord.key")
        try await Federation.expectSuccess(
            "credence-aggregator",
            [
                "consumer", "add", "--dir", aggregator.directory, "--id", "landlord-1", "--name", "Acme Rentals",
                "--purposes", "tenant_screening", "--key-out", keyFile,
            ])
        let subject = try Self.subjectWithSSN(federation)
        let token = try await Federation.expectSuccess(
            "credence",
            [
                "token", "--linkage-key", federation.root.path("federation.linkage-key"), "--type", "us_ssn",
                subject.ssn,
            ]
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let reportPath = federation.root.path("report.dsse.json")
        let query = { (purpose: String) in
            [
                "score", "--server", aggregator.baseURL, "--ca", aggregator.directory + "/ca.pem", "--api-key-file",
                keyFile, "--purpose", purpose, "--identifier", "us_ssn=\(token)", "--out", reportPath,
            ]
        }
        try await Federation.expectSuccess("credence", query("tenant_screening"))

        // The report verifies offline under the aggregator's key and names the person the SSN was linked to.
        let verified = try await Federation.expectSuccess(
            "credence", ["verify-report", "--key", aggregator.logPublicKeyPath, "--json", reportPath])
        let report = try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as! [String: Any]
        let linkedPerson = try federation.query(
            "SELECT person_id FROM subjects WHERE subject_key = '\(subject.subjectKey)'")
        #expect([report["person_id"] as? String] == linkedPerson.map { $0 })
        let stored = try federation.query(
            "SELECT score FROM person_scores WHERE person_id = '\(linkedPerson.first ?? "")'")
        #expect(stored == ["\(report["score"] as? Int ?? -1)"])
        #expect(report["purpose"] as? String == "tenant_screening" && report["consumer_id"] as? String == "landlord-1")
        #expect(report["as_of"] as? String == Self.asOf)
        #expect(!(report["contributing_batches"] as! [String]).isEmpty)
        let summary = try await Federation.expectSuccess(
            "credence", ["verify-report", "--key", aggregator.logPublicKeyPath, reportPath])
        #expect(summary.stdout.hasPrefix("Report verified: "))

        // A tampered report does not verify; neither does it under another key.
        var envelope =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath)))
            as! [String: Any]
        var payload = try Base64.decode(envelope["payload"] as! String)
        let scoreText = Array("\"score\":".utf8)
        let at = try #require(payload.firstRange(of: scoreText)).upperBound
        payload[at] = payload[at] == UInt8(ascii: "9") ? UInt8(ascii: "1") : UInt8(ascii: "9")
        envelope["payload"] = Base64.encode(payload)
        let tampered = federation.root.path("tampered.dsse.json")
        try JSONSerialization.data(withJSONObject: envelope).write(to: URL(fileURLWithPath: tampered))
        let refused = try await CommandRunner.runOffPool(
            "credence", ["verify-report", "--key", aggregator.logPublicKeyPath, tampered])
        #expect(refused.status == 1 && refused.stderr.contains("NOT verified"), "\(refused.stderr)")
        let otherKey = federation.root.path("other")
        try await Federation.expectSuccess("credence", ["keygen", "--out", otherKey])
        let wrongKey = try await CommandRunner.runOffPool(
            "credence", ["verify-report", "--key", otherKey + ".pub", reportPath])
        #expect(wrongKey.status == 1, "\(wrongKey.stderr)")

        // The inquiry is on the person's file, for the operator and (through them) the person.
        let file = try await Federation.expectSuccess(
            "credence-aggregator", ["person", "show", "--dir", aggregator.directory, linkedPerson.first ?? ""])
        #expect(file.stdout.contains("inquiries (1):"), "\(file.stdout)")
        #expect(file.stdout.contains("landlord-1  tenant_screening  report \(report["report_id"] as? String ?? "?")"))
        #expect(file.stdout.contains("score \(report["score"] as? Int ?? -1) "))

        // A purpose outside the key's scope is refused, and leaves no inquiry.
        let lending = try await CommandRunner.runOffPool("credence", query("credit_application"))
        #expect(lending.status == 1 && lending.stderr.contains("403"), "\(lending.stderr)")
        #expect(lending.stderr.contains("The purpose is outside the key's permitted purposes"))
        #expect(try federation.query("SELECT count(*) FROM inquiries") == ["1"])

        // Identifiers nobody carries find no person.
        let strangerToken = try await Federation.expectSuccess(
            "credence",
            [
                "token", "--linkage-key", federation.root.path("federation.linkage-key"), "--type", "us_ssn",
                "078-05-1121",
            ]
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var stranger = query("tenant_screening")
        stranger[stranger.firstIndex(of: "us_ssn=\(token)")!] = "us_ssn=\(strangerToken)"
        let unknown = try await CommandRunner.runOffPool("credence", stranger)
        #expect(unknown.status == 1 && unknown.stderr.contains("404"), "\(unknown.stderr)")

        // A revoked key is refused at once.
        try await Federation.expectSuccess(
            "credence-aggregator", ["consumer", "revoke", "--dir", aggregator.directory, "--id", "landlord-1"])
        let revoked = try await CommandRunner.runOffPool("credence", query("tenant_screening"))
        #expect(revoked.status == 1 && revoked.stderr.contains("The API key has been revoked"), "\(revoked.stderr)")
        #expect(try federation.query("SELECT count(*) FROM inquiries") == ["1"])

        // A new model re-scores every person from the stored features, without reading records again.
        let model = federation.root.path("shifted-model.json")
        try Self.shiftedDefaultModel(by: 40).write(to: URL(fileURLWithPath: model))
        let before = try Self.scores(federation)
        aggregator.stop()
        try aggregator.start(environment: [
            "CREDENCE_AGGREGATOR_SCORING_AS_OF": Self.asOf, "CREDENCE_AGGREGATOR_SCORING_MODEL": model,
        ])
        for _ in 0..<300 {
            if try federation.query("SELECT count(*) FROM person_scores WHERE model_version = 'shifted-40'")
                == ["\(livePersons)"]
            {
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let after = try Self.scores(federation)
        #expect(after.count == before.count)
        #expect(after.allSatisfy { person, score in before[person].map { $0 + 40 } == score }, "scores moved unevenly")
    }

    static func expectStoredFeaturesMatchOfflineFeatures(_ federation: Federation) async throws {
        let envelopes = federation.root.path("accepted-envelopes")
        try FileManager.default.createDirectory(atPath: envelopes, withIntermediateDirectories: true)
        for line in try federation.query("SELECT batch_id, hex(envelope) FROM batches") {
            let parts = line.split(separator: "|").map(String.init)
            try Data(try #require(Hex.decode(parts[1]))).write(
                to: URL(fileURLWithPath: "\(envelopes)/\(parts[0]).dsse.json"))
        }
        let persons = federation.root.path("persons.csv")
        let rows = try federation.query("SELECT subject_key || ',' || person_id FROM subjects")
        try (["subject_key,person_id"] + rows).joined(separator: "\n").write(
            toFile: persons, atomically: true, encoding: .utf8)
        let inquiries = federation.root.path("no-inquiries.csv")
        try "person_id,inquired_on\n".write(toFile: inquiries, atomically: true, encoding: .utf8)
        let table = federation.root.path("features.csv")
        try await Federation.expectSuccess(
            "credence",
            [
                "features", "--envelopes", envelopes, "--persons", persons, "--as-of", Self.asOf, "--inquiries",
                inquiries, "--out", table,
            ])
        var offline: [String: [Double?]] = [:]
        for line in try String(contentsOfFile: table, encoding: .utf8).split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            offline[String(cells[0])] = cells.dropFirst().map { Double($0) }
        }
        var compared = 0
        for line in try federation.query("SELECT person_id, features FROM person_scores") {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            let stored = try JSONSerialization.jsonObject(with: Data(parts[1].utf8)) as! [Any]
            let values = stored.map { ($0 as? NSNumber)?.doubleValue }
            let expected = try #require(offline[parts[0]], "person \(parts[0]) is not in the offline table")
            #expect(values.count == expected.count)
            for (index, (value, other)) in zip(values, expected).enumerated() {
                let same = value == other || (value != nil && other != nil && abs(value! - other!) < 1e-9)
                #expect(
                    same,
                    "person \(parts[0]) feature \(index): stored \(String(describing: value)), offline \(String(describing: other))"
                )
                if !same { return }
            }
            compared += 1
        }
        #expect(compared == offline.count, "\(compared) stored feature vectors, \(offline.count) persons offline")
    }

    /// Mean stored score of the persons the truth's defaulters and non-defaulters were linked into (a person's
    /// truth is the one most of its subjects belong to).
    static func meanScores(_ federation: Federation) throws -> (
        defaulters: (count: Int, mean: Double), others: (count: Int, mean: Double)
    ) {
        let truth = Dictionary(
            uniqueKeysWithValues: try IdentityResolutionFederationTests.truth(federation).map {
                ($0.subjectKey, $0.personID)
            })
        let outcome = Dictionary(
            uniqueKeysWithValues: try String(
                contentsOfFile: federation.simulation + "/truth/outcomes.csv", encoding: .utf8
            ).split(separator: "\n").dropFirst().map { line in
                let fields = line.split(separator: ",")
                return (String(fields[0]), fields[2] == "1")
            })
        var votes: [String: [String: Int]] = [:]
        for line in try federation.query("SELECT subject_key, person_id FROM subjects") {
            let parts = line.split(separator: "|").map(String.init)
            if let truePerson = truth[parts[0]] { votes[parts[1], default: [:]][truePerson, default: 0] += 1 }
        }
        var sums: [Bool: (count: Int, total: Double)] = [:]
        for (person, score) in try scores(federation) {
            guard let truePerson = votes[person]?.max(by: { $0.value < $1.value })?.key,
                let defaulted = outcome[truePerson]
            else { continue }
            let sum = sums[defaulted] ?? (0, 0)
            sums[defaulted] = (sum.count + 1, sum.total + Double(score))
        }
        func mean(_ flag: Bool) -> (count: Int, mean: Double) {
            let sum = sums[flag] ?? (0, 0)
            return (sum.count, sum.total / Double(max(sum.count, 1)))
        }
        return (mean(true), mean(false))
    }

    static func scores(_ federation: Federation) throws -> [String: Int] {
        Dictionary(
            uniqueKeysWithValues: try federation.query("SELECT person_id, score FROM person_scores").map { line in
                let parts = line.split(separator: "|")
                return (String(parts[0]), Int(parts[1])!)
            })
    }

    /// A lender-held subject with an SSN: its subject key and SSN, from the simulation's plain-text truth.
    static func subjectWithSSN(_ federation: Federation) throws -> (subjectKey: String, ssn: String) {
        let linkageKey = try LinkageKey(
            fileContents: try String(contentsOfFile: federation.root.path("federation.linkage-key"), encoding: .utf8))
        let text = try String(contentsOfFile: federation.simulation + "/truth/subjects.csv", encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields[13].count == 9 else { continue }
            let context = RecordContext(
                partnerID: PartnerID(unchecked: fields[0]), linkageKey: linkageKey, defaultRegion: nil)
            return (try context.subjectKey(localKey: fields[1]).rawValue, fields[13])
        }
        throw FederationError("the simulation has no subject with an SSN")
    }

    /// The shipped default model with every score `points` higher (base points moved) under another version.
    static func shiftedDefaultModel(by points: Double) throws -> Data {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models/default.json")
        var model = try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as! [String: Any]
        model["base_points"] = (model["base_points"] as! Double) + points
        model["model_version"] = "shifted-\(Int(points))"
        return try JSONSerialization.data(withJSONObject: model, options: [.sortedKeys])
    }
}

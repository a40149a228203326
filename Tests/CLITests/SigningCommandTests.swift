import CredenceProtocol
import CredenceTesting
import Foundation
import Testing

/// keygen, sign, verify and inspect, through the real executable and its exit statuses.
@Suite struct SigningCommandTests {
    let directory = try! TemporaryDirectory()
    let goldenPayload = Repository.path("protocol/vectors/batch-lending.payload.json")

    func keygen(_ name: String) throws -> (key: String, pub: String, keyID: String) {
        let result = try CommandRunner.run("credence", ["keygen", "--out", directory.path(name)])
        #expect(result.status == 0, "\(result.stderr)")
        let keyID = String(result.stdout.split(separator: " ").first ?? "")
        return (directory.path(name + ".key"), directory.path(name + ".pub"), keyID)
    }

    func sign(_ key: String, _ payload: String, to output: String) throws -> CommandRunner.Result {
        try CommandRunner.run(
            "credence", ["sign", "--key", key, "--payload-type", PayloadType.batchV1, "-o", output, payload])
    }

    @Test func keygenWritesAPrivateKeyOnlyItsOwnerCanRead() throws {
        let (key, pub, keyID) = try keygen("partner")
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let pem = try String(contentsOfFile: pub, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        #expect(try PublicKey(text: pem).keyID == keyID)
        #expect(keyID.hasPrefix("sha256:") && keyID.count == 23)
        #expect(try String(contentsOfFile: key, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test func keygenNeverOverwrites() throws {
        _ = try keygen("partner")
        let again = try CommandRunner.run("credence", ["keygen", "--out", directory.path("partner")])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func signThenVerifyReportsKeyTypeAndBatchID() throws {
        let (key, pub, keyID) = try keygen("partner")
        let envelope = directory.path("batch.dsse.json")
        #expect(try sign(key, goldenPayload, to: envelope).status == 0)
        let verify = try CommandRunner.run("credence", ["verify", "--key", pub, envelope])
        #expect(verify.status == 0, "\(verify.stderr)")
        let batchID = Envelope.digest(of: Array(try Data(contentsOf: URL(fileURLWithPath: goldenPayload))))
        #expect(verify.stdout.hasPrefix("Verified OK"))
        #expect(verify.stdout.contains(keyID))
        #expect(verify.stdout.contains(PayloadType.batchV1))
        #expect(verify.stdout.contains("batch_id \(batchID)"))
        #expect(verify.stdout.split(separator: "\n").count == 1)
    }

    @Test func signAndVerifyThroughStandardStreams() throws {
        let (key, pub, _) = try keygen("partner")
        let payload = try Data(contentsOf: URL(fileURLWithPath: goldenPayload))
        let signed = try CommandRunner.run(
            "credence",
            ["sign", "--key", key, "--payload-type", PayloadType.batchV1, "-"], stdin: Array(payload))
        #expect(signed.status == 0)
        let verify = try CommandRunner.run(
            "credence", ["verify", "--key", pub, "--json", "-"], stdin: signed.stdoutBytes)
        #expect(verify.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any]
        #expect(report?["verified"] as? Bool == true)
        #expect(report?["batch_id"] as? String == Envelope.digest(of: Array(payload)))
        #expect(report?["partner_id"] as? String == "lender-acme")
    }

    @Test func aTamperedEnvelopeFailsWithStatusOne() throws {
        let (key, pub, _) = try keygen("partner")
        let envelope = directory.path("batch.dsse.json")
        _ = try sign(key, goldenPayload, to: envelope)
        var parsed = try Envelope(parsing: Data(contentsOf: URL(fileURLWithPath: envelope)))
        var payload = parsed.payload
        payload[payload.count / 2] ^= 0x01
        parsed = Envelope(payloadType: parsed.payloadType, payload: payload, signatures: parsed.signatures)
        try Data(parsed.serialized()).write(to: URL(fileURLWithPath: envelope))
        let verify = try CommandRunner.run("credence", ["verify", "--key", pub, envelope])
        #expect(verify.status == 1)
        #expect(verify.stdout.hasPrefix("Verification FAILED"))
    }

    @Test func theWrongKeyFailsWithStatusOne() throws {
        let (key, _, _) = try keygen("partner")
        let (_, otherPub, _) = try keygen("other")
        let envelope = directory.path("batch.dsse.json")
        _ = try sign(key, goldenPayload, to: envelope)
        #expect(try CommandRunner.run("credence", ["verify", "--key", otherPub, envelope]).status == 1)
    }

    @Test func policyAndFormatFailuresAreStatusOne() throws {
        let (key, pub, _) = try keygen("partner")
        let envelope = directory.path("batch.dsse.json")
        _ = try sign(key, goldenPayload, to: envelope)
        let wrongType = try CommandRunner.run(
            "credence", ["verify", "--key", pub, "--payload-type", "application/x", envelope])
        #expect(wrongType.status == 1)
        #expect(wrongType.stdout.contains("payloadType"))
        try Data("not json".utf8).write(to: URL(fileURLWithPath: directory.path("junk.json")))
        #expect(try CommandRunner.run("credence", ["verify", "--key", pub, directory.path("junk.json")]).status == 1)
    }

    @Test func unusableKeysAndUsageErrorsAreStatusTwo() throws {
        let (key, pub, _) = try keygen("partner")
        let envelope = directory.path("batch.dsse.json")
        _ = try sign(key, goldenPayload, to: envelope)
        let smallOrder = "01" + String(repeating: "00", count: 31)
        let weak = try CommandRunner.run("credence", ["verify", "--key", smallOrder, envelope])
        #expect(weak.status == 2)
        #expect(weak.stderr.contains("small-order"))
        #expect(try CommandRunner.run("credence", ["verify", "--key", "no-such-key.pem", envelope]).status == 2)
        #expect(try CommandRunner.run("credence", ["verify", "--key", key, envelope]).status == 2)  // a private key
        #expect(try CommandRunner.run("credence", ["verify", "--key", pub, "--threshold", "2", envelope]).status == 2)
        #expect(try CommandRunner.run("credence", ["verify", envelope]).status == 2)
        #expect(try CommandRunner.run("credence", ["verify", "--key", pub, "--no-such-flag", envelope]).status == 2)
        #expect(
            try CommandRunner.run("credence", ["verify", "--key", pub, directory.path("missing.json")]).status == 2)
        #expect(
            try CommandRunner.run("credence", ["sign", "--key", pub, "--payload-type", "t", goldenPayload]).status == 2)
    }

    @Test func signRefusesAnInvalidBatch() throws {
        let (key, _, _) = try keygen("partner")
        try Data(#"{"partner_id": "x"}"#.utf8).write(to: URL(fileURLWithPath: directory.path("bad.json")))
        let result = try sign(key, directory.path("bad.json"), to: directory.path("out.json"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("/partner_id"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("out.json")))
    }

    @Test func strictModeRefusesURLSafeBase64() throws {
        let vectors = Repository.path("Tests/CredenceProtocolTests/Vectors/dsse")
        let key = vectors + "/keys/partner-a.pub.pem"
        let envelope = vectors + "/03-valid-urlsafe-base64.json"
        #expect(try CommandRunner.run("credence", ["verify", "--key", key, envelope]).status == 0)
        #expect(try CommandRunner.run("credence", ["verify", "--key", key, "--strict", envelope]).status == 1)
    }

    @Test func inspectSaysWhetherItTrustsTheBatch() throws {
        let (key, pub, keyID) = try keygen("partner")
        let envelope = directory.path("batch.dsse.json")
        _ = try sign(key, goldenPayload, to: envelope)
        let untrusted = try CommandRunner.run("credence", ["inspect", envelope])
        #expect(untrusted.status == 0)
        #expect(untrusted.stdout.contains("NOT VERIFIED"))
        #expect(untrusted.stdout.contains("lender-acme (lending)"))
        #expect(untrusted.stdout.contains("tradeline_snapshot 1"))

        let json = try CommandRunner.run("credence", ["inspect", "--json", "--key", pub, envelope])
        #expect(json.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(summary?["partner_id"] as? String == "lender-acme")
        #expect(summary?["partner_kind"] as? String == "lending")
        #expect(summary?["audience"] as? String == "credence-aggregator-dev")
        #expect(summary?["batch_seq"] as? Int == 1)
        #expect(summary?["record_count"] as? Int == 3)
        #expect((summary?["records_by_kind"] as? [String: Int])?["deletion"] == 1)
        #expect((summary?["records_by_kind"] as? [String: Int])?["tradeline_event"] == 1)
        #expect(summary?["verified"] as? Bool == true)
        #expect(summary?["verified_by"] as? [String] == [keyID])

        let (_, otherPub, _) = try keygen("other")
        #expect(try CommandRunner.run("credence", ["inspect", "--key", otherPub, envelope]).status == 1)
    }
}

/// The shared DSSE cross-test vectors, verified by the executable: status 0 exactly for the valid ones.
struct CLIVectorTests {
    struct Vector: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let envelope: String
        let keys: [String]
        let threshold: Int
        let payloadType: String?
        let strict: Bool
        let expect: String
        var testDescription: String { name }
    }

    static let directory = Repository.path("Tests/CredenceProtocolTests/Vectors/dsse")

    static let vectors: [Vector] = {
        struct Manifest: Decodable { let vectors: [Vector] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let data = try! Data(contentsOf: URL(fileURLWithPath: directory + "/manifest.json"))
        return try! decoder.decode(Manifest.self, from: data).vectors
    }()

    @Test(arguments: vectors)
    func exitStatusMatchesTheVerdict(vector: Vector) throws {
        var arguments = ["verify", "--threshold", String(vector.threshold)]
        for key in vector.keys { arguments += ["--key", Self.directory + "/" + key] }
        if let type = vector.payloadType { arguments += ["--payload-type", type] }
        if vector.strict { arguments.append("--strict") }
        arguments.append(Self.directory + "/" + vector.envelope)
        let result = try CommandRunner.run("credence", arguments)
        #expect(result.status == (vector.expect == "valid" ? 0 : 1), "\(result.stdout)\(result.stderr)")
    }
}

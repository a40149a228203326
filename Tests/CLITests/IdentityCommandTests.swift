import CredenceTesting
import Foundation
import Testing

/// linkage-key, token, help and completions, through the real executable.
struct IdentityCommandTests {
    let directory = try! TemporaryDirectory()

    /// The TEST linkage key and expected tokens of `protocol/vectors/identifiers.json`.
    struct Vectors: Decodable {
        struct TokenVector: Decodable {
            let type: String
            let input: String
            let region: String?
            let normalized: String
            let token: String
        }
        struct Key: Decodable { let hex: String }
        let linkageKey: Key
        let tokens: [TokenVector]
    }

    static let vectors: Vectors = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let data = try! Data(contentsOf: URL(fileURLWithPath: Repository.path("protocol/vectors/identifiers.json")))
        return try! decoder.decode(Vectors.self, from: data)
    }()

    @Test func linkageKeyNewWritesAPrivateFileAndAFingerprint() throws {
        let path = directory.path("linkage.key")
        let created = try CommandRunner.run("credence", ["linkage-key", "new", "--out", path])
        #expect(created.status == 0)
        let fingerprint = String(created.stdout.split(separator: " ").first ?? "")
        #expect(fingerprint.hasPrefix("lk:"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let shown = try CommandRunner.run("credence", ["linkage-key", "fingerprint", path])
        #expect(shown.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == fingerprint)
        #expect(try CommandRunner.run("credence", ["linkage-key", "new", "--out", path]).status == 2)
    }

    @Test func tokensMatchTheGoldenVectors() throws {
        let keyFile = directory.path("test.key")
        try Data((Self.vectors.linkageKey.hex + "\n").utf8).write(to: URL(fileURLWithPath: keyFile))
        for vector in Self.vectors.tokens.prefix(12) {
            var arguments = ["token", "--linkage-key", keyFile, "--type", vector.type, "--json"]
            if let region = vector.region { arguments += ["--region", region] }
            let result = try CommandRunner.run("credence", arguments + ["--", vector.input])
            #expect(result.status == 0, "\(vector.input): \(result.stderr)")
            let output = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String]
            #expect(output?["token"] == vector.token, "\(vector.type) \(vector.input)")
            #expect(output?["normalized"] == vector.normalized)
        }
        let plain = try CommandRunner.run(
            "credence",
            ["token", "--linkage-key", keyFile, "--type", "phone_e164", "--region", "CN", "139 1234 5678"])
        #expect(plain.status == 0)
        #expect(plain.stdout.trimmingCharacters(in: .newlines).count == 43)
    }

    @Test func badIdentifiersAndUsageErrorsAreReported() throws {
        let keyFile = directory.path("test.key")
        try Data((Self.vectors.linkageKey.hex + "\n").utf8).write(to: URL(fileURLWithPath: keyFile))
        let badID = try CommandRunner.run(
            "credence", ["token", "--linkage-key", keyFile, "--type", "cn_ric", "110105194912310021"])
        #expect(badID.status == 1)
        #expect(!badID.stderr.isEmpty)
        #expect(
            try CommandRunner.run("credence", ["token", "--linkage-key", keyFile, "--type", "passport", "X1"]).status
                == 2)
        #expect(
            try CommandRunner.run(
                "credence", ["token", "--linkage-key", keyFile, "--type", "phone_e164", "--region", "ZZ", "1"]
            ).status
                == 2)
        try Data("short\n".utf8).write(to: URL(fileURLWithPath: directory.path("bad.key")))
        #expect(
            try CommandRunner.run(
                "credence", ["token", "--linkage-key", directory.path("bad.key"), "--type", "us_ssn", "1"]
            ).status
                == 2)
    }

    @Test(arguments: [
        [], ["keygen"], ["sign"], ["verify"], ["inspect"], ["linkage-key"], ["linkage-key", "new"],
        ["linkage-key", "fingerprint"], ["token"],
    ])
    func everyVerbHasHelp(verb: [String]) throws {
        let result = try CommandRunner.run("credence", verb + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func shellCompletionsNameTheVerbs(shell: String) throws {
        let result = try CommandRunner.run("credence", ["--generate-completion-script", shell])
        #expect(result.status == 0)
        for verb in ["keygen", "sign", "verify", "inspect", "linkage-key", "token"] {
            #expect(result.stdout.contains(verb))
        }
    }
}

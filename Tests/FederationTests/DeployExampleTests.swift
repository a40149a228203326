import CredenceTesting
import Foundation
import Testing

/// deploy/adapter.example.json must stay what `init` writes, member for member, so an operator who starts
/// from it gets a configuration the adapter accepts.
struct DeployExampleTests {
    @Test func theAdapterExampleHasExactlyTheMembersInitWrites() async throws {
        let directory = try TemporaryDirectory()
        let aggregator = try AggregatorProcess.initialize(in: directory.path("aggregator"))
        try await Federation.expectSuccess("credence", ["linkage-key", "new", "--out", directory.path("linkage.key")])
        try await Federation.expectSuccess(
            "credence-lending-adapter",
            [
                "init", "--dir", directory.path("adapter"), "--partner-id", "acme-bank", "--aggregator",
                "https://aggregator.example:8443", "--audience", aggregator.id, "--ca",
                aggregator.directory + "/ca.pem",
                "--log-key", aggregator.logPublicKeyPath, "--linkage-key", directory.path("linkage.key"), "--region",
                "US",
            ])
        func members(_ path: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        }
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/adapter.example.json").path
        let written = try members(directory.path("adapter/adapter.json"))
        let documented = try members(example)
        #expect(Set(written.keys) == Set(documented.keys))
        for key in [
            "backoff_base_milliseconds", "max_records_per_batch", "outbox_high_water_mark", "give_up_after_seconds",
        ] {
            #expect("\(written[key]!)" == "\(documented[key]!)", "\(key): the example shows another default")
        }
    }

    /// deploy/aggregator.example.json documents every member `credence-aggregator init` writes, with the same
    /// defaults, and the aggregator starts from it.
    @Test func theAggregatorExampleHasTheMembersAndDefaultsInitWrites() throws {
        let directory = try TemporaryDirectory()
        let aggregator = try AggregatorProcess.initialize(in: directory.path("aggregator"))
        func members(_ path: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        }
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/aggregator.example.json").path
        let written = try members(aggregator.directory + "/aggregator.json")
        let documented = try members(example)
        #expect(Set(written.keys) == Set(documented.keys))
        for key in written.keys where !["id", "listen", "client_ca"].contains(key) {
            if let section = written[key] as? [String: Any] {
                // A section's absent member is its null default in the example.
                let shown = documented[key] as? [String: Any] ?? [:]
                #expect(Set(section.keys).isSubset(of: shown.keys), "\(key)")
                for (member, value) in section {
                    #expect("\(value)" == "\(shown[member] ?? "absent")", "\(key).\(member)")
                }
                for (member, value) in shown where section[member] == nil {
                    #expect(value is NSNull, "\(key).\(member)")
                }
            } else {
                #expect("\(written[key]!)" == "\(documented[key]!)", "\(key): the example shows another default")
            }
        }
        // The example is a configuration the aggregator accepts.
        try FileManager.default.removeItem(atPath: aggregator.directory + "/aggregator.json")
        try FileManager.default.copyItem(atPath: example, toPath: aggregator.directory + "/aggregator.json")
        try aggregator.start()
        aggregator.stop()
    }
}

import CredenceClient
import CredenceLog
import CredenceProtocol
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// The ingest API through the real `credence-aggregator` over HTTPS on loopback.
@Suite(.serialized) struct IngestTests {
    @Test func acceptReplayAndLookups() async throws {
        try await AggregatorHarness.with { harness in
            let first = harness.partner.nextEnvelope(records: 4)
            let created = try await harness.client.pushEnvelope(first)
            #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
            let receipt = try BatchReceipt(json: created.body)
            #expect(receipt.leafIndex == 0 && receipt.treeSize == 1 && receipt.batchSeq == 1)
            let logKey = try PublicKey(
                text: String(contentsOfFile: harness.aggregator.logPublicKeyPath, encoding: .utf8))
            do {
                _ = try receipt.verify(log: LogIdentity(aggregatorID: harness.aggregator.id, publicKey: logKey))
            } catch {
                Issue.record("receipt does not verify: \(error)\n\(receipt.checkpoint)")
            }

            let replay = try await harness.client.pushEnvelope(first)
            #expect(replay.status == 200)
            #expect(replay.body == created.body)

            let second = try await harness.client.pushEnvelope(harness.partner.nextEnvelope(records: 2))
            #expect(second.status == 201)
            let statistics = try await harness.statistics()
            #expect(statistics.batches == 2 && statistics.records == 6)

            let sequence = try await harness.client.get("/v1/partners/partner-one/sequence")
            let state = try JSONSerialization.jsonObject(with: Data(sequence.body)) as? [String: Any]
            #expect(state?["last_seq"] as? Int == 2)
            #expect(state?["next_seq"] as? Int == 3)
            #expect(state?["last_batch_id"] as? String == harness.partner.previousBatchID)

            let metadata = try await harness.client.get("/v1/batches/\(receipt.batchID)")
            #expect(metadata.status == 200)
            #expect(
                try await harness.client.get("/v1/batches/\(String(repeating: "0", count: 64))").problemSlug
                    == "not-found")

            let checkpoint = try await harness.client.get("/v1/log/checkpoint")
            #expect(String(decoding: checkpoint.body, as: UTF8.self).hasPrefix("credence/agg-test\n2\n"))
            #expect(
                try await harness.client.get("/v1/log/inclusion?batch_id=\(receipt.batchID)&tree_size=2").status == 200)
            #expect(try await harness.client.get("/v1/log/consistency?from=1&to=2").status == 200)
            #expect(try await harness.client.get("/v1/log/consistency?from=3&to=2").problemSlug == "malformed-request")
            #expect(try await harness.client.get("/healthz").status == 200)
            #expect(try await harness.client.get("/readyz").status == 200)
            let metrics = String(decoding: try await harness.client.get("/metrics").body, as: UTF8.self)
            #expect(metrics.contains(#"credence_batches_accepted_total{outcome="appended"} 2"#))
            #expect(metrics.contains(#"credence_batches_accepted_total{outcome="replayed"} 1"#))
            #expect(metrics.contains("credence_records_accepted_total 6"))
            #expect(metrics.contains("credence_store_commit_duration_seconds_bucket"))
        }
    }

    @Test func theCLIPushesAndVerifiesReceiptsAndConsistency() async throws {
        try await AggregatorHarness.with { harness in
            let envelopes = harness.directory.path("envelopes")
            try FileManager.default.createDirectory(atPath: envelopes, withIntermediateDirectories: true)
            let receipts = harness.directory.path("receipts")
            try FileManager.default.createDirectory(atPath: receipts, withIntermediateDirectories: true)
            var paths: [String] = []
            for index in 1...3 {
                let path = envelopes + "/batch-\(index).json"
                try Data(harness.partner.nextEnvelope(records: 2)).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            let connection = ["--server", harness.aggregator.baseURL, "--ca", harness.aggregator.directory + "/ca.pem"]
            let push = try CommandRunner.run("credence", ["push"] + connection + ["--receipts", receipts] + paths)
            #expect(push.status == 0, "\(push.stdout)\(push.stderr)")
            #expect(push.stdout.split(separator: "\n").filter { $0.hasPrefix("accepted") }.count == 3)
            let again = try CommandRunner.run("credence", ["push"] + connection + [paths[0]])
            #expect(again.status == 0 && again.stdout.hasPrefix("replayed"))

            let receiptFiles = try FileManager.default.contentsOfDirectory(atPath: receipts)
            #expect(receiptFiles.count == 3)
            let receiptPath = receipts + "/" + receiptFiles[0]
            let verified = try CommandRunner.run(
                "credence", ["verify-receipt", "--log-key", harness.aggregator.logPublicKeyPath, receiptPath])
            #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
            #expect(verified.stdout.hasPrefix("Receipt verified"))

            // A receipt checked against another key, or edited, does not verify.
            let otherKey = harness.directory.path("other.pub")
            try Data(SigningKey().publicKey.pemRepresentation.utf8).write(to: URL(fileURLWithPath: otherKey))
            #expect(
                try CommandRunner.run("credence", ["verify-receipt", "--log-key", otherKey, receiptPath]).status == 1)
            var edited = try String(contentsOfFile: receiptPath, encoding: .utf8)
            edited = edited.replacingOccurrences(of: "\"leaf_index\":", with: "\"leaf_index\":1")
            try Data(edited.utf8).write(to: URL(fileURLWithPath: receiptPath + ".edited"))
            #expect(
                try CommandRunner.run(
                    "credence",
                    ["verify-receipt", "--log-key", harness.aggregator.logPublicKeyPath, receiptPath + ".edited"]
                ).status == 1)

            let consistency = try CommandRunner.run(
                "credence",
                ["log", "consistency"] + connection + ["--from", "1", "--log-key", harness.aggregator.logPublicKeyPath])
            #expect(consistency.status == 0, "\(consistency.stdout)\(consistency.stderr)")
            #expect(consistency.stdout.contains("tree 1 → 3"))

            let rejected = try CommandRunner.run("credence", ["push"] + connection + [receiptPath])
            #expect(rejected.status == 1)
            #expect(rejected.stdout.contains("rejected"))
        }
    }

    @Test func gracefulShutdownExitsCleanly() async throws {
        let harness = try await AggregatorHarness.start()
        try await harness.client.shutdown()
        #expect(harness.aggregator.stop() == 0)
    }
}

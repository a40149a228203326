import CredenceClient
import CredenceLog
import CredenceProtocol
import CredenceStore
import CredenceTesting
import Foundation
import Testing
import TransparencyLog

/// SIGKILL at random moments while a partner pushes: every acknowledged batch is stored exactly once,
/// no batch is stored in part, and every checkpoint after a crash is consistent with the ones before.
@Suite(.serialized) struct CrashTests {
    static let kills = 20

    static func recordCount(_ envelope: [UInt8]) throws -> Int {
        try Batch.decodeUnverified(try Envelope(parsing: envelope).payload).records.count
    }

    @Test(.timeLimit(.minutes(5))) func killedAggregatorsLoseNothingAndNeverFork() async throws {
        let directory = try TemporaryDirectory(prefix: "crash")
        let aggregator = try AggregatorProcess.initialize(in: directory.path("agg"))
        let listen = "127.0.0.1:\(try freeLoopbackPort())"
        try aggregator.start(listen: listen)
        var partner = SyntheticPartner(id: "crash-partner", audience: aggregator.id)
        let keyFile = directory.path("partner.pub")
        try Data(partner.publicKeyPEM.utf8).write(to: URL(fileURLWithPath: keyFile))
        _ = try CommandRunner.run(
            "credence-aggregator",
            [
                "partner", "add", "--dir", aggregator.directory, "--id", partner.id, "--kind", "commerce", "--key",
                keyFile,
            ])
        let logKey = try PublicKey(text: String(contentsOfFile: aggregator.logPublicKeyPath, encoding: .utf8))
        let identity = LogIdentity(aggregatorID: aggregator.id, publicKey: logKey)
        let client = try AggregatorClient(
            baseURL: aggregator.baseURL, trustedCAPEM: aggregator.caPEM, timeoutSeconds: 5)

        var acknowledged: [String: Int] = [:]  // batch id → records
        var checkpoints: [Checkpoint] = []
        var generator = SplitMix64(seed: 20_261_130)
        for _ in 0..<Self.kills {
            // Push for a random while, then kill without warning, possibly mid-request.
            let deadline = ContinuousClock.now + .milliseconds(Int.random(in: 150...600, using: &generator))
            var pending: [UInt8]? = nil
            while ContinuousClock.now < deadline {
                let envelope = pending ?? partner.nextEnvelope(records: Int.random(in: 1...40, using: &generator))
                pending = envelope
                guard let reply = try? await client.pushEnvelope(envelope) else { break }
                if reply.status == 200 || reply.status == 201 {
                    let receipt = try BatchReceipt(json: reply.body)
                    checkpoints.append(try receipt.verify(log: identity))
                    acknowledged[receipt.batchID] = try Self.recordCount(envelope)
                    pending = nil
                } else if reply.status != 503 {
                    Issue.record("unexpected \(reply.status): \(String(decoding: reply.body, as: UTF8.self))")
                }
            }
            // A request is in flight right now.
            let inFlight = pending ?? partner.nextEnvelope(records: 5)
            async let racing = try? await client.pushEnvelope(inFlight)
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...20, using: &generator)))
            aggregator.kill()
            _ = await racing
            try aggregator.start(listen: listen)
            // Retry what was not acknowledged: the same bytes, so a committed one comes back as a replay.
            let reply = try await client.pushEnvelope(inFlight)
            #expect(reply.status == 200 || reply.status == 201)
            let receipt = try BatchReceipt(json: reply.body)
            checkpoints.append(try receipt.verify(log: identity))
            acknowledged[receipt.batchID] = try Self.recordCount(inFlight)
        }
        let note = String(decoding: try await client.get("/v1/log/checkpoint").body, as: UTF8.self)
        let final = try SignedCheckpoint(parsing: note).verify(
            keyName: identity.origin, publicKey: logKey, origin: identity.origin)
        try await client.shutdown()
        aggregator.stop()

        // Every acknowledged batch exactly once, whole.
        let store = try SQLiteStore(path: aggregator.databasePath)
        for (batchID, records) in acknowledged {
            let stored = try await store.batch(id: batchID)
            #expect(stored?.recordCount == records, "batch \(batchID)")
        }
        let statistics = try await store.statistics()
        #expect(statistics.batches >= acknowledged.count)
        #expect(acknowledged.count > Self.kills)
        // No partial batch: record rows match every batch's count, and the sequence is gapless.
        var totalRecords = 0
        var sequence: Int64 = 1
        while let stored = try await store.batch(partnerID: partner.id, sequence: sequence) {
            totalRecords += stored.recordCount
            sequence += 1
        }
        #expect(Int(sequence - 1) == statistics.batches)
        #expect(totalRecords == statistics.records)
        // The log never forked: the final tree extends every checkpoint handed out before any crash.
        let leaves = try await store.leafHashes().map { try MerkleHash(bytes: $0) }
        let tree = MerkleTree(leafHashes: leaves)
        #expect(try tree.rootHash(forSize: final.size) == final.rootHash)
        for checkpoint in checkpoints {
            let proof = try tree.consistencyProof(from: checkpoint.size, to: final.size)
            try MerkleProof.verifyConsistency(
                firstSize: checkpoint.size, secondSize: final.size, firstRoot: checkpoint.rootHash,
                secondRoot: final.rootHash, proof: proof)
        }
    }
}

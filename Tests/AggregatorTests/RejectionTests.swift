import CredenceClient
import CredenceProtocol
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// Every rejection of design §2 through its problem type, and the store unchanged after each.
@Suite(.serialized) struct RejectionTests {
    func expectRejected(
        _ harness: AggregatorHarness, _ reply: AggregatorClient.Reply, status: Int, slug: String,
        unchangedFrom before: StoreStatistics, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        #expect(
            reply.status == status, "\(String(decoding: reply.body, as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(reply.problemSlug == slug, sourceLocation: sourceLocation)
        #expect(reply.contentType == ProblemDetails.mediaType, sourceLocation: sourceLocation)
        let after = try await harness.statistics()
        #expect(after.batches == before.batches && after.records == before.records, sourceLocation: sourceLocation)
    }

    @Test func everyRejectionHasItsProblemTypeAndChangesNothing() async throws {
        try await AggregatorHarness.with(arguments: ["--max-body-bytes", "60000", "--max-records", "50"]) { harness in
            let client = harness.client
            let accepted = harness.partner.nextEnvelope()
            let firstReply = try await client.pushEnvelope(accepted)
            #expect(firstReply.status == 201)
            let before = try await harness.statistics()
            let partner = harness.partner
            let now = Int64(Date().timeIntervalSince1970)
            let next = partner.nextSequence
            let previous = partner.previousBatchID

            try await expectRejected(
                harness, try await client.pushEnvelope(Array("not json".utf8)), status: 400, slug: "malformed-envelope",
                unchangedFrom: before)
            try await expectRejected(
                harness,
                try await client.send("POST", "/v1/batches", json: nil, headers: [("Content-Type", "text/plain")]),
                status: 415, slug: "unsupported-media-type", unchangedFrom: before)
            let huge = partner.sign(
                partner.makeBatch(sequence: next, previous: previous, records: 40, createdAt: now).serialized()
                    + [UInt8](repeating: 0x20, count: 70_000))
            try await expectRejected(
                harness, try await client.pushEnvelope(huge), status: 413, slug: "payload-too-large",
                unchangedFrom: before)
            let many = partner.sign(
                partner.makeBatch(sequence: next, previous: previous, records: 51, createdAt: now).serialized())
            try await expectRejected(
                harness, try await client.pushEnvelope(many), status: 413, slug: "too-many-records",
                unchangedFrom: before)

            let stranger = SyntheticPartner(id: "stranger", audience: harness.aggregator.id)
            try await expectRejected(
                harness,
                try await client.pushEnvelope(
                    stranger.sign(
                        stranger.makeBatch(sequence: 1, previous: nil, records: 1, createdAt: now).serialized())),
                status: 403, slug: "unknown-key", unchangedFrom: before)

            var tampered = try Envelope(
                parsing: partner.sign(
                    partner.makeBatch(sequence: next, previous: previous, records: 2, createdAt: now).serialized()))
            var payload = tampered.payload
            payload[payload.count / 2] ^= 0x01
            tampered = Envelope(payloadType: tampered.payloadType, payload: payload, signatures: tampered.signatures)
            try await expectRejected(
                harness, try await client.pushEnvelope(tampered.serialized()), status: 422, slug: "bad-signature",
                unchangedFrom: before)

            let otherType = EnvelopeSigner.sign(
                payload: Array("{}".utf8), payloadType: "application/json", with: [partner.key])
            try await expectRejected(
                harness, try await client.pushEnvelope(otherType.serialized()), status: 422,
                slug: "unsupported-payload-type",
                unchangedFrom: before)

            var foreign = partner
            foreign = SyntheticPartner(
                id: partner.id, kind: partner.kind, audience: "another-aggregator", key: partner.key)
            try await expectRejected(
                harness,
                try await client.pushEnvelope(
                    foreign.sign(
                        foreign.makeBatch(sequence: next, previous: previous, records: 1, createdAt: now).serialized())),
                status: 403, slug: "wrong-audience", unchangedFrom: before)

            var wrongEpoch = partner
            wrongEpoch.keyEpoch = 2
            try await expectRejected(
                harness,
                try await client.pushEnvelope(
                    wrongEpoch.sign(
                        wrongEpoch.makeBatch(sequence: next, previous: previous, records: 1, createdAt: now)
                            .serialized())),
                status: 403, slug: "key-epoch-mismatch", unchangedFrom: before)

            let second = SyntheticPartner(id: "partner-two", audience: harness.aggregator.id)
            try harness.register(second)
            let impostor = second.sign(
                partner.makeBatch(sequence: next, previous: previous, records: 1, createdAt: now).serialized())
            try await expectRejected(
                harness, try await client.pushEnvelope(impostor), status: 403, slug: "partner-mismatch",
                unchangedFrom: before)

            // One invalid record (a negative amount) rejects the whole batch, naming the field.
            var text = String(
                decoding: partner.makeBatch(sequence: next, previous: previous, records: 3, createdAt: now)
                    .serialized(), as: UTF8.self)
            let amountRange = text.range(of: #""amount":"#)!
            text.replaceSubrange(amountRange, with: #""amount":-"#)
            let invalid = try await client.pushEnvelope(partner.sign(Array(text.utf8)))
            try await expectRejected(harness, invalid, status: 422, slug: "schema-invalid", unchangedFrom: before)
            let document = try JSONSerialization.jsonObject(with: Data(invalid.body)) as? [String: Any]
            let errors = document?["errors"] as? [[String: String]]
            #expect(errors?.first?["pointer"] == "/records/0/fact/amount")

            let future = partner.sign(
                partner.makeBatch(sequence: next, previous: previous, records: 1, createdAt: now + 3600).serialized())
            try await expectRejected(
                harness, try await client.pushEnvelope(future), status: 422, slug: "created-in-future",
                unchangedFrom: before)

            let gap = try await client.pushEnvelope(
                partner.sign(
                    partner.makeBatch(sequence: next + 2, previous: previous, records: 1, createdAt: now).serialized()))
            try await expectRejected(harness, gap, status: 409, slug: "sequence-gap", unchangedFrom: before)
            #expect(gap.problem?.expectedSeq == next)

            let fork = partner.sign(
                partner.makeBatch(sequence: next - 1, previous: nil, records: 1, createdAt: now, salt: "x").serialized()
            )
            try await expectRejected(
                harness, try await client.pushEnvelope(fork), status: 409, slug: "sequence-conflict",
                unchangedFrom: before)
            let badChain = partner.sign(
                partner.makeBatch(
                    sequence: next, previous: String(repeating: "e", count: 64), records: 1, createdAt: now
                ).serialized())
            try await expectRejected(
                harness, try await client.pushEnvelope(badChain), status: 409, slug: "sequence-conflict",
                unchangedFrom: before)
            #expect(
                try await SQLiteStore(path: harness.aggregator.databasePath).conflicts(ofPartner: partner.id).count == 2
            )

            let revoke = try CommandRunner.run(
                "credence-aggregator",
                ["partner", "revoke", "--dir", harness.aggregator.directory, "--id", partner.id, "--epoch", "1"])
            #expect(revoke.status == 0, "\(revoke.stderr)")
            try await expectRejected(
                harness, try await client.pushEnvelope(harness.partner.nextEnvelope()), status: 403,
                slug: "revoked-key",
                unchangedFrom: before)
            // A batch accepted before the revocation still gets its original receipt, and nothing changes.
            let replay = try await client.pushEnvelope(accepted)
            #expect(replay.status == 200 && replay.body == firstReply.body)
            #expect(try await harness.statistics().batches == before.batches)

            let unauthenticated = try await client.get("/v1/admin/partners")
            #expect(unauthenticated.status == 401 && unauthenticated.problemSlug == "unauthenticated")
            let listed = try await client.get(
                "/v1/admin/partners", headers: [("Authorization", "Bearer \(harness.aggregator.adminToken)")])
            #expect(listed.status == 200)
            #expect(try await client.get("/no/such/route").problemSlug == "not-found")
            let wrongMethod = try await client.send("PUT", "/v1/batches", json: Array("{}".utf8))
            #expect(wrongMethod.status == 405 && wrongMethod.problemSlug == "method-not-allowed")
            let getBatches = try await client.get("/v1/batches")
            #expect(getBatches.status == 405, "GET /v1/batches: \(getBatches.status)")
            let deleteBatch = try await client.send(
                "DELETE", "/v1/batches/\(String(repeating: "a", count: 64))", json: nil)
            #expect(deleteBatch.status == 405 && deleteBatch.problemSlug == "method-not-allowed")
        }
    }

    @Test func adminAPIRegistersRotatesAndRefusesWeakKeys() async throws {
        try await AggregatorHarness.with { harness in
            let auth = [("Authorization", "Bearer \(harness.aggregator.adminToken)")]
            let weak =
                #"{"partner_id":"weak-one","kind":"lending","public_key":"0100000000000000000000000000000000000000000000000000000000000000"}"#
            let refused = try await harness.client.send(
                "POST", "/v1/admin/partners", json: Array(weak.utf8), headers: auth)
            #expect(refused.status == 422 && refused.problemSlug == "weak-key")
            var lender = SyntheticPartner(id: "lender-two", kind: .lending, audience: harness.aggregator.id)
            let body = try JSONSerialization.data(withJSONObject: [
                "partner_id": lender.id, "kind": "lending", "public_key": lender.publicKeyPEM,
            ])
            #expect(
                try await harness.client.send("POST", "/v1/admin/partners", json: Array(body), headers: auth).status
                    == 201)
            #expect(
                try await harness.client.send("POST", "/v1/admin/partners", json: Array(body), headers: auth)
                    .problemSlug == "already-exists")
            #expect(try await harness.client.pushEnvelope(lender.nextEnvelope()).status == 201)

            // Rotation: epoch 2 signs the next batch; the sequence continues across the rotation.
            let newKey = SigningKey()
            let rotate = try JSONSerialization.data(withJSONObject: ["public_key": newKey.publicKey.pemRepresentation])
            #expect(
                try await harness.client.send(
                    "POST", "/v1/admin/partners/lender-two/keys", json: Array(rotate), headers: auth
                ).status == 201)
            let rotated = SyntheticPartner(
                id: lender.id, kind: .lending, audience: harness.aggregator.id, key: newKey, keyEpoch: 2)
            let payload = rotated.makeBatch(
                sequence: lender.nextSequence, previous: lender.previousBatchID, records: 2,
                createdAt: Int64(Date().timeIntervalSince1970))
            #expect(try await harness.client.pushEnvelope(rotated.sign(payload.serialized())).status == 201)
        }
    }

    @Test func aPartnerAboveItsRateGets429WithRetryAfter() async throws {
        try await AggregatorHarness.with(
            arguments: ["--partner-rate", "0.5"], environment: ["CREDENCE_AGGREGATOR_PARTNER_BURST": "2"]
        ) { harness in
            #expect(try await harness.client.pushEnvelope(harness.partner.nextEnvelope()).status == 201)
            #expect(try await harness.client.pushEnvelope(harness.partner.nextEnvelope()).status == 201)
            let limited = try await harness.client.pushEnvelope(harness.partner.nextEnvelope())
            #expect(limited.status == 429 && limited.problemSlug == "rate-limited")
            #expect((limited.retryAfter ?? 0) >= 1)
        }
    }
}

/// Beyond its configured concurrency the aggregator answers 503 with Retry-After instead of queueing.
struct OverloadTests {
    @Test func excessConcurrentIngestsGet503WithRetryAfter() async throws {
        try await AggregatorHarness.with(environment: ["CREDENCE_AGGREGATOR_MAX_CONCURRENT_INGESTS": "1"]) { harness in
            var partners: [SyntheticPartner] = []
            for index in 0..<12 {
                let partner = SyntheticPartner(id: "burst-\(index)", audience: harness.aggregator.id)
                try harness.register(partner)
                partners.append(partner)
            }
            let envelopes = partners.indices.map { partners[$0].nextEnvelope(records: 800) }
            let client = harness.client
            let replies = try await withThrowingTaskGroup(of: AggregatorClient.Reply.self) { group in
                for envelope in envelopes { group.addTask { try await client.pushEnvelope(envelope) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let overloaded = replies.filter { $0.status == 503 }
            #expect(!overloaded.isEmpty, "\(replies.map(\.status))")
            #expect(overloaded.allSatisfy { $0.problemSlug == "overloaded" && ($0.retryAfter ?? 0) >= 1 })
            #expect(replies.allSatisfy { $0.status == 201 || $0.status == 503 })
            let accepted = replies.filter { $0.status == 201 }.count
            #expect(try await harness.statistics().batches == accepted)
        }
    }
}

import AdapterCore
import CredenceClient
import CredenceIdentity
import CredenceLog
import CredenceProtocol
import CredenceTesting
import Foundation
import Testing

/// Identity resolution in the running aggregator: subjects from several partners are linked into persons as
/// their batches arrive, later batches merge into the right person, and a correcting batch that removes the
/// evidence of a wrong merge splits it again. Everything goes through the real executable over HTTPS, with
/// subjects encoded exactly as adapters encode them.
@Suite(.serialized) struct IdentityResolutionTests {
    static let linkageKey = try! LinkageKey(bytes: (101...132).map(UInt8.init))

    /// A commerce partner that sends one record per raw subject.
    struct Shop {
        var partner: SyntheticPartner
        let context: RecordContext
        var recordNumber = 0

        init(_ id: String, audience: String) {
            partner = SyntheticPartner(id: id, kind: .commerce, audience: audience)
            context = RecordContext(
                partnerID: PartnerID(unchecked: id), linkageKey: IdentityResolutionTests.linkageKey,
                defaultRegion: .us)
        }

        func key(_ localKey: String) throws -> String { try context.subjectKey(localKey: localKey).rawValue }

        mutating func envelope(_ subjects: [RawSubject]) throws -> [UInt8] {
            let now = Int64(Date().timeIntervalSince1970)
            var records: [Record] = []
            for subject in subjects {
                recordNumber += 1
                records.append(
                    partner.commerceRecord(
                        "\(partner.id)-\(recordNumber)", about: try context.subject(subject), createdAt: now))
            }
            return partner.nextEnvelope(records: records, createdAt: now)
        }
    }

    static func person(
        _ key: String, given: String, family: String, born: String?, email: String? = nil, phone: String? = nil,
        street: String? = nil
    ) throws -> RawSubject {
        var identifiers: [RawIdentifier] = []
        if let email { identifiers.append(RawIdentifier(.email, email)) }
        if let phone { identifiers.append(RawIdentifier(.phoneE164, phone)) }
        return RawSubject(
            localKey: key, identifiers: identifiers, name: .parts(given: given, middle: nil, family: family),
            birthDate: try born.map { try BirthDate(parsing: $0) },
            address: street.map {
                PostalAddress(line1: $0, city: "Springfield", region: "IL", postalCode: "62701", country: "US")
            })
    }

    static let alice = try! person(
        "alice", given: "Alice", family: "Johnson", born: "1985-03-14", email: "alice.j@example.com",
        phone: "(217) 555-0100", street: "12 Main St")
    static let carol = try! person(
        "carol", given: "Carol", family: "Johnson", born: "2001-07-30", phone: "(217) 555-0100", street: "12 Main St")
    static let bob = try! person(
        "bob", given: "Robert", family: "Miller", born: "1970-11-02", email: "rmiller@example.org",
        phone: "(217) 555-0199", street: "400 Oak Ave")

    struct Linked {
        let client: AggregatorClient
        let token: String

        func waitUntilLinked() async throws {
            for _ in 0..<200 {
                let status = try await json("/v1/admin/linkage")
                if status["linked_batches"] as? Int == status["accepted_batches"] as? Int { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw TestingError("linking did not catch up with ingest")
        }

        /// Waits until scoring has caught up with linking.
        func waitUntilScored() async throws {
            for _ in 0..<200 {
                let status = try await json("/v1/admin/scoring")
                if status["scored_batches"] as? Int == status["accepted_batches"] as? Int { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw TestingError("scoring did not catch up with linking")
        }

        /// The batch ids the person's score was computed from.
        func scoredBatches(ofPerson person: String) async throws -> Set<String> {
            let file = try await json("/v1/admin/persons/\(person)")
            let score = try #require(file["score"] as? [String: Any], "person \(person) has no score: \(file)")
            return Set(score["contributing_batches"] as! [String])
        }

        func json(_ path: String) async throws -> [String: Any] {
            let reply = try await client.get(path, headers: [("Authorization", "Bearer \(token)")])
            guard reply.status == 200 else {
                throw TestingError("\(path): \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
            }
            return try JSONSerialization.jsonObject(with: Data(reply.body)) as! [String: Any]
        }

        func person(ofSubject key: String) async throws -> [String: Any] {
            try await json("/v1/admin/subjects/\(key)/person")
        }

        func personID(ofSubject key: String) async throws -> String {
            try await person(ofSubject: key)["person_id"] as! String
        }
    }

    @Test func subjectsMergeAcrossPartnersAndACorrectionSplitsAWrongMerge() async throws {
        try await AggregatorHarness.with { harness in
            let audience = harness.aggregator.id
            var shopA = Shop("shop-a", audience: audience)
            var shopB = Shop("shop-b", audience: audience)
            var shopC = Shop("shop-c", audience: audience)
            for shop in [shopA, shopB, shopC] { try harness.register(shop.partner) }
            let linked = Linked(client: harness.client, token: harness.aggregator.adminToken)

            // A household: Alice and Carol share a landline and an address, nothing else.
            let first = try await harness.client.pushEnvelope(try shopA.envelope([Self.alice, Self.carol, Self.bob]))
            #expect(first.status == 201)
            // Alice again at another shop, with a typo in her name and no phone: the email carries her.
            let aliceAtB = try Self.person(
                "customer-77", given: "Alcie", family: "Johnson", born: "1985-03-14", email: "Alice.J@example.com")
            let second = try await harness.client.pushEnvelope(try shopB.envelope([aliceAtB]))
            #expect(second.status == 201)
            try await linked.waitUntilLinked()
            // Her score is computed from both shops' batches; Bob's only from the first.
            try await linked.waitUntilScored()
            let batchIDs = try [first, second].map { try BatchReceipt(json: $0.body).batchID }
            #expect(
                try await linked.scoredBatches(ofPerson: try await linked.personID(ofSubject: try shopA.key("alice")))
                    == Set(batchIDs))
            #expect(
                try await linked.scoredBatches(ofPerson: try await linked.personID(ofSubject: try shopA.key("bob")))
                    == [batchIDs[0]])

            let alicePerson = try await linked.personID(ofSubject: try shopA.key("alice"))
            #expect(try await linked.personID(ofSubject: try shopB.key("customer-77")) == alicePerson)
            #expect(try await linked.personID(ofSubject: try shopA.key("carol")) != alicePerson)
            #expect(try await linked.personID(ofSubject: try shopA.key("bob")) != alicePerson)
            let report = try await linked.json("/v1/admin/persons/\(alicePerson)")
            let subjects = report["subjects"] as! [[String: Any]]
            #expect(Set(subjects.map { $0["partner_id"] as! String }) == ["shop-a", "shop-b"])
            let joined = (report["events"] as! [[String: Any]]).first { $0["kind"] as? String == "joined" }
            let evidence = try #require(joined?["evidence"] as? [[String: Any]])
            let email = evidence.first { $0["field"] as? String == "email" }
            #expect((email?["weight"] as? Double ?? 0) > 0, "\(evidence)")
            #expect((joined?["probability"] as? Double ?? 0) >= 0.9)

            // After a restart, a later batch still finds the person it belongs to, and the ids stay.
            harness.aggregator.stop()
            try harness.aggregator.start()
            let client = try AggregatorClient(
                baseURL: harness.aggregator.baseURL, trustedCAPEM: harness.aggregator.caPEM)
            defer { Task { try? await client.shutdown() } }
            let relinked = Linked(client: client, token: harness.aggregator.adminToken)
            let aliceAtC = try Self.person(
                "c-1", given: "Alice", family: "Johnson", born: "1985-03-14", phone: "+1 217 555 0100",
                street: "12 Main Street")
            // A data-entry error at shop B: Dan's account was opened with Bob's details.
            let wrongDan = try Self.person(
                "customer-90", given: "Robert", family: "Miller", born: "1970-11-02", email: "rmiller@example.org",
                street: "400 Oak Ave")
            #expect(try await client.pushEnvelope(try shopC.envelope([aliceAtC])).status == 201)
            #expect(try await client.pushEnvelope(try shopB.envelope([wrongDan])).status == 201)
            try await relinked.waitUntilLinked()
            #expect(try await relinked.personID(ofSubject: try shopC.key("c-1")) == alicePerson)
            let bobPerson = try await relinked.personID(ofSubject: try shopA.key("bob"))
            let wrongMerge = try await relinked.person(ofSubject: try shopB.key("customer-90"))
            #expect(wrongMerge["person_id"] as? String == bobPerson, "\(wrongMerge)")

            // Shop B corrects Dan's record: without Bob's identifiers nothing holds the merge together.
            let correctedDan = try Self.person(
                "customer-90", given: "Daniel", family: "Brown", born: "1990-01-01", email: "dan.brown@example.net")
            #expect(try await client.pushEnvelope(try shopB.envelope([correctedDan])).status == 201)
            try await relinked.waitUntilLinked()
            #expect(try await relinked.personID(ofSubject: try shopA.key("bob")) == bobPerson)
            let danPerson = try await relinked.personID(ofSubject: try shopB.key("customer-90"))
            #expect(danPerson != bobPerson)
            // The split re-scored both persons: Dan's score no longer draws on Bob's batch, nor Bob's on Dan's.
            try await relinked.waitUntilScored()
            let bobBatches = try await relinked.scoredBatches(ofPerson: bobPerson)
            let danBatches = try await relinked.scoredBatches(ofPerson: danPerson)
            #expect(bobBatches == [batchIDs[0]] && !danBatches.contains(batchIDs[0]), "\(bobBatches) \(danBatches)")
            let bobEvents = try await relinked.json("/v1/admin/persons/\(bobPerson)")["events"] as! [[String: Any]]
            #expect(
                bobEvents.contains { $0["kind"] as? String == "split" && $0["other_person_id"] as? String == danPerson }
            )

            // The operator's view of the same file, from the command line.
            let shown = try CommandRunner.run(
                "credence-aggregator",
                ["person", "show", "--dir", harness.aggregator.directory, "--subject", try shopB.key("customer-77")])
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.hasPrefix("person \(alicePerson)"))
            #expect(shown.stdout.contains("joined") && shown.stdout.contains("email"))
            let unknown = try CommandRunner.run(
                "credence-aggregator", ["person", "show", "--dir", harness.aggregator.directory, "P99999999"])
            #expect(unknown.status == 1 && unknown.stderr.contains("no person P99999999"))
        }
    }

    /// With linking off (an operator absorbing a backfill), accepted batches wait in the log; once it is on
    /// again they are linked in log order as if it had never been off.
    @Test func linkingOffLeavesBatchesWaitingUntilItIsOnAgain() async throws {
        try await AggregatorHarness.with(environment: ["CREDENCE_AGGREGATOR_LINKAGE_ENABLED": "false"]) { harness in
            var shopA = Shop("shop-a", audience: harness.aggregator.id)
            var shopB = Shop("shop-b", audience: harness.aggregator.id)
            for shop in [shopA, shopB] { try harness.register(shop.partner) }
            #expect(try await harness.client.pushEnvelope(try shopA.envelope([Self.alice, Self.bob])).status == 201)
            let aliceAtB = try Self.person(
                "b-7", given: "Alice", family: "Johnson", born: "1985-03-14", email: "alice.j@example.com")
            #expect(try await harness.client.pushEnvelope(try shopB.envelope([aliceAtB])).status == 201)
            let off = Linked(client: harness.client, token: harness.aggregator.adminToken)
            try await Task.sleep(for: .milliseconds(300))
            let waiting = try await off.json("/v1/admin/linkage")
            #expect(waiting["enabled"] as? Bool == false)
            #expect(waiting["accepted_batches"] as? Int == 2 && waiting["linked_batches"] as? Int == 0, "\(waiting)")

            harness.aggregator.stop()
            try harness.aggregator.start()
            let client = try AggregatorClient(
                baseURL: harness.aggregator.baseURL, trustedCAPEM: harness.aggregator.caPEM)
            defer { Task { try? await client.shutdown() } }
            let on = Linked(client: client, token: harness.aggregator.adminToken)
            try await on.waitUntilLinked()
            #expect(try await on.json("/v1/admin/linkage")["enabled"] as? Bool == true)
            #expect(
                try await on.personID(ofSubject: try shopB.key("b-7"))
                    == (try await on.personID(ofSubject: try shopA.key("alice"))))
        }
    }

    /// The score API's refusals over HTTPS, each with its problem type and no inquiry recorded; a consumer made
    /// through the admin API; and a family's shared landline given alone, which two persons carry equally.
    @Test func theScoreAPIRefusesWhatItCannotAnswer() async throws {
        try await AggregatorHarness.with { harness in
            var shop = Shop("shop-a", audience: harness.aggregator.id)
            try harness.register(shop.partner)
            #expect(
                try await harness.client.pushEnvelope(try shop.envelope([Self.alice, Self.carol, Self.bob])).status
                    == 201)
            let linked = Linked(client: harness.client, token: harness.aggregator.adminToken)
            try await linked.waitUntilLinked()
            try await linked.waitUntilScored()

            let admin = [("Authorization", "Bearer \(harness.aggregator.adminToken)")]
            let created = try await harness.client.send(
                "POST", "/v1/admin/consumers",
                json: Array(
                    #"{"consumer_id":"lender-1","name":"First Lender","purposes":["credit_application"]}"#.utf8),
                headers: admin)
            #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
            let issued = try JSONSerialization.jsonObject(with: Data(created.body)) as! [String: Any]
            let key = try #require(issued["api_key"] as? String)
            #expect(key.hasPrefix("credence_ck_"))
            let duplicate = try await harness.client.send(
                "POST", "/v1/admin/consumers",
                json: Array(#"{"consumer_id":"lender-1","name":"Again","purposes":["employment"]}"#.utf8),
                headers: admin)
            #expect(duplicate.problem?.type.hasSuffix("/already-exists") == true)

            func token(_ type: TokenType, _ raw: String) throws -> String {
                IdentifierTokenizer(key: Self.linkageKey).token(
                    type, normalized: try IdentifierNormalizer.normalize(raw, as: type, defaultRegion: .us))
            }
            func query(_ body: String, key: String? = key) async throws -> AggregatorClient.Reply {
                try await harness.client.send(
                    "POST", "/v1/scores/query", json: Array(body.utf8),
                    headers: key.map { [("Authorization", "Bearer \($0)")] } ?? [])
            }
            let email = try token(.email, "alice.j@example.com")
            let phone = try token(.phoneE164, "(217) 555-0100")
            let good = #"{"purpose":"credit_application","identifiers":[{"type":"email","token":"\#(email)"}]}"#
            #expect(try await query(good).status == 200)
            let refusals: [(reply: AggregatorClient.Reply, problem: String)] = [
                (try await query(good, key: nil), "unauthenticated"),
                (try await query(good, key: "credence_ck_not-a-key"), "unauthenticated"),
                (
                    try await harness.client.send(
                        "POST", "/v1/scores/query", json: nil, headers: [("Authorization", "Bearer \(key)")]),
                    "unsupported-media-type"
                ),
                (try await query("{"), "malformed-request"),
                (try await query(#"{"purpose":"credit_application","identifiers":[],"extra":1}"#), "malformed-request"),
                (
                    try await query(#"{"purpose":"marketing","identifiers":[{"type":"email","token":"\#(email)"}]}"#),
                    "malformed-request"
                ),
                (
                    try await query(
                        #"{"purpose":"credit_application","identifiers":[{"type":"email","token":"short"}]}"#),
                    "malformed-request"
                ),
                (
                    try await query(
                        #"{"purpose":"credit_application","identifiers":[{"type":"account","token":"\#(email)"}]}"#),
                    "malformed-request"
                ),
                (try await query(String(repeating: " ", count: 70_000) + good), "payload-too-large"),
                (
                    try await query(
                        #"{"purpose":"tenant_screening","identifiers":[{"type":"email","token":"\#(email)"}]}"#),
                    "forbidden-purpose"
                ),
                (
                    try await query(
                        #"{"purpose":"credit_application","identifiers":[{"type":"email","token":"\#(try token(.email, "nobody@example.com"))"}]}"#
                    ),
                    "no-matching-person"
                ),
                // Alice and Carol share the landline: alone it cannot tell them apart; with Alice's email it can.
                (
                    try await query(
                        #"{"purpose":"credit_application","identifiers":[{"type":"phone_e164","token":"\#(phone)"}]}"#),
                    "ambiguous-person"
                ),
            ]
            for (reply, problem) in refusals {
                #expect(
                    reply.problem?.type == "https://credence.dev/problems/\(problem)",
                    "\(problem): \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
            }
            let both =
                #"{"purpose":"credit_application","identifiers":[{"type":"phone_e164","token":"\#(phone)"},{"type":"email","token":"\#(email)"}]}"#
            #expect(try await query(both).status == 200)
            // Only the two answered queries left inquiries.
            #expect(try await linked.json("/v1/admin/scoring")["inquiries"] as? Int == 2)
        }
    }
}

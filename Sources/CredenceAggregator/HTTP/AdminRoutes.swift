import CredenceProtocol
import CredenceStore
import Foundation
import Hummingbird
import IdentityResolution
import NIOCore

/// `/v1/admin`: partner registry management, behind the admin bearer token.
struct AdminRoutes: Sendable {
    let store: any Store
    let identities: any IdentityStore
    let scores: any ScoreStore
    let consumers: ConsumerRegistry
    let adminToken: String
    /// Whether the linking service runs (`linkage.enabled`).
    let linkingEnabled: Bool

    struct NewPartner: Decodable {
        let partnerID: String
        let kind: String
        let publicKey: String
    }

    struct NewKey: Decodable {
        let publicKey: String
    }

    struct NewConsumer: Decodable {
        let consumerID: String
        let name: String
        let purposes: [String]
    }

    func register(on group: RouterGroup<AggregatorRequestContext>) {
        let registry = PartnerRegistry(store: store, now: { Int64(Date().timeIntervalSince1970) })
        group.add(middleware: AdminAuthentication(token: adminToken))
        group.get("partners") { _, _ in json(try await run { () throws(RegistryError) in try await registry.list() }) }
        group.get("partners/:partnerID") { _, context in
            let id = try context.parameters.require("partnerID")
            return json(try await run { () throws(RegistryError) in try await registry.entry(id) })
        }
        group.post("partners") { request, context in
            let body = try await decodeJSONBody(NewPartner.self, from: request)
            let entry = try await run { () throws(RegistryError) in
                try await registry.add(id: body.partnerID, kind: body.kind, publicKey: body.publicKey)
            }
            return json(entry, status: .created)
        }
        group.post("partners/:partnerID/keys") { request, context in
            let id = try context.parameters.require("partnerID")
            let body = try await decodeJSONBody(NewKey.self, from: request)
            let entry = try await run { () throws(RegistryError) in
                try await registry.rotate(id: id, publicKey: body.publicKey)
            }
            return json(entry, status: .created)
        }
        group.get("linkage") { _, _ in
            let progress = try await identities.linkageProgress()
            let leaves = try await store.statistics().batches
            return json(
                LinkageStatus(
                    enabled: linkingEnabled, linkedBatches: progress.linkedLeaves, acceptedBatches: leaves,
                    persons: progress.nextPersonNumber - 1, modelSubjects: progress.modelSubjects))
        }
        group.get("scoring") { _, _ in
            let progress = try await scores.scoringProgress()
            let statistics = try await scores.scoringStatistics()
            return json(
                ScoringStatus(
                    scoredBatches: progress.scoredLeaves,
                    linkedBatches: try await identities.linkageProgress().linkedLeaves,
                    acceptedBatches: try await store.statistics().batches, modelID: progress.basis?.modelID,
                    asOf: progress.basis?.asOf, scoredPersons: statistics.scoredPersons,
                    inquiries: statistics.inquiries))
        }
        group.get("persons/:personID") { _, context in
            let id = try context.parameters.require("personID")
            guard let file = try await identities.personFile(id) else {
                throw ProblemError(.notFound, "no person \(id)")
            }
            return json(try await PersonFileReport.load(file, scores: scores))
        }
        group.get("subjects/:subjectKey/person") { _, context in
            let key = try context.parameters.require("subjectKey")
            guard let person = try await identities.personID(ofSubject: key),
                let file = try await identities.personFile(person)
            else {
                throw ProblemError(.notFound, "no linked subject \(key) (not accepted, or not linked yet)")
            }
            return json(try await PersonFileReport.load(file, scores: scores))
        }
        group.get("consumers") { _, _ in
            json(try await run { () throws(RegistryError) in try await consumers.list() })
        }
        group.post("consumers") { request, context in
            let body = try await decodeJSONBody(NewConsumer.self, from: request)
            let issued = try await run { () throws(RegistryError) in
                try await consumers.add(
                    id: body.consumerID, name: body.name, purposes: body.purposes.joined(separator: ","))
            }
            return json(issued, status: .created)
        }
        group.post("consumers/:consumerID/revoke") { _, context in
            let id = try context.parameters.require("consumerID")
            return json(try await run { () throws(RegistryError) in try await consumers.revoke(id: id) })
        }
        group.post("partners/:partnerID/keys/:epoch/revoke") { _, context in
            let id = try context.parameters.require("partnerID")
            guard let epoch = Int(try context.parameters.require("epoch")) else {
                throw ProblemError(.malformedRequest, "the key epoch must be an integer")
            }
            return json(try await run { () throws(RegistryError) in try await registry.revoke(id: id, epoch: epoch) })
        }
    }

    struct LinkageStatus: Encodable {
        /// Off, accepted batches wait in the log to be linked.
        let enabled: Bool
        /// Accepted batches already linked into persons; linking trails ingest by a moment.
        let linkedBatches: Int
        let acceptedBatches: Int
        /// Persons ever formed (merged-away persons included: ids are never reused).
        let persons: Int
        /// Subjects the linkage model in use was estimated on; 0 while the starting model is in use.
        let modelSubjects: Int
    }

    struct ScoringStatus: Encodable {
        /// Linked batches whose records are on persons' files and scored; scoring trails linking by a moment.
        let scoredBatches: Int
        let linkedBatches: Int
        let acceptedBatches: Int
        /// The model of the stored scores (`<model_version>@<file digest>`), once scoring has started.
        let modelID: String?
        let asOf: String?
        let scoredPersons: Int
        let inquiries: Int
    }

    private func run<T>(_ body: () async throws(RegistryError) -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw ProblemError(error.problem, error.message)
        }
    }
}

/// Requires `Authorization: Bearer <admin token>`, compared in constant time.
struct AdminAuthentication<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let presented = request.headers[.authorization].flatMap { value -> String? in
            value.hasPrefix("Bearer ") ? String(value.dropFirst(7)) : nil
        }
        guard let presented, Self.constantTimeEquals(Array(presented.utf8), Array(token.utf8)) else {
            throw ProblemError(.unauthenticated, "the admin API needs 'Authorization: Bearer <admin token>'")
        }
        return try await next(request, context)
    }

    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

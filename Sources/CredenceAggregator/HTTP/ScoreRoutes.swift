import CredenceIdentity
import CredenceProtocol
import CredenceStore
import Foundation
import Hummingbird
import NIOCore
import PersonScoring

/// `POST /v1/scores/query`: a consumer, with an API key scoped to permissible purposes, asks for the score of the
/// person its identifier tokens lead to, and receives a score report signed by the aggregator. The query is
/// recorded as an inquiry on the person's file before the report leaves, so no report is ever issued unseen.
struct ScoreRoutes: Sendable {
    let scores: any ScoreStore
    let consumers: ConsumerRegistry
    let aggregatorID: PartnerID
    let signingKey: SigningKey
    let metrics: AggregatorMetrics
    /// Wakes scoring: the inquiry counts in the person's `inquiries_12m` from now on.
    let inquiryRecorded: AsyncStream<Void>.Continuation

    /// The body of a query.
    struct Query: Decodable {
        struct Identifier: Decodable {
            let type: String
            let token: String
        }

        let purpose: String
        let identifiers: [Identifier]
    }

    static let maximumIdentifiers = 16
    static let reportMediaType = "application/vnd.dsse.envelope.v1+json"

    func register(on router: Router<AggregatorRequestContext>) {
        router.post("/v1/scores/query") { request, context in try await self.query(request, context) }
    }

    private func query(_ request: Request, _ context: AggregatorRequestContext) async throws -> Response {
        let consumer = try await authenticate(request)
        let query = try await decode(request)
        guard let purpose = PermissiblePurpose(rawValue: query.purpose) else {
            throw ProblemError(
                .malformedRequest, "purpose '\(query.purpose)' is not one of \(PermissiblePurpose.listed)")
        }
        guard consumer.purposes.contains(purpose.rawValue) else {
            throw ProblemError(
                .forbiddenPurpose,
                "consumer '\(consumer.id)' may query for \(consumer.purposes.joined(separator: ", ")), "
                    + "not \(purpose.rawValue)")
        }
        let identifiers = try Self.identifiers(query)
        let personID = try await person(matching: identifiers)
        guard let stored = try await scores.score(ofPerson: personID) else {
            throw ProblemError(
                .overloaded, "the person's file changed a moment ago and is being scored; retry shortly",
                retryAfter: 1)
        }
        let now = Int64(Date().timeIntervalSince1970)
        let report = ScoreReport(
            reportID: Self.newReportID(), aggregatorID: aggregatorID, consumerID: PartnerID(unchecked: consumer.id),
            purpose: purpose, issuedAt: Timestamp(secondsSinceEpoch: now), personID: personID, score: stored.score,
            probabilityBad: stored.probabilityBad, reasons: try PersonScorer.reasons(of: stored),
            modelVersion: stored.modelVersion, asOf: CalendarDate(unchecked: stored.asOf),
            scoredAt: Timestamp(secondsSinceEpoch: stored.scoredAt),
            contributingBatches: stored.contributingBatches.map(SHA256Digest.init(unchecked:)))
        try await scores.recordInquiry(
            InquiryRecord(
                personID: personID, consumerID: consumer.id, purpose: purpose.rawValue, inquiredAt: now,
                reportID: report.reportID))
        inquiryRecorded.yield()
        metrics.reportIssued()
        return Response(
            status: .ok, headers: [.contentType: Self.reportMediaType],
            body: .init(byteBuffer: ByteBuffer(bytes: report.signed(with: signingKey).serialized())))
    }

    private func authenticate(_ request: Request) async throws -> ConsumerRecord {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw ProblemError(.unauthenticated, "the score API needs 'Authorization: Bearer <consumer API key>'")
        }
        do {
            return try await consumers.authenticate(apiKey: String(header.dropFirst(7)))
        } catch {
            throw ProblemError(error.problem, error.message)
        }
    }

    private func decode(_ request: Request) async throws -> Query {
        guard mediaType(of: request) == "application/json" else {
            throw ProblemError(.unsupportedMediaType, "Content-Type must be application/json")
        }
        return try await decodeJSONBody(Query.self, from: request)
    }

    private static func identifiers(_ query: Query) throws -> [IdentifierKey] {
        guard (1...maximumIdentifiers).contains(query.identifiers.count) else {
            throw ProblemError(.malformedRequest, "give 1 to \(maximumIdentifiers) identifiers")
        }
        return try query.identifiers.enumerated().map { index, identifier in
            guard let type = TokenType(rawValue: identifier.type), IdentifierToken.subjectTypes.contains(type) else {
                let types = IdentifierToken.subjectTypes.map(\.rawValue).sorted().joined(separator: ", ")
                throw ProblemError(
                    .malformedRequest, "/identifiers/\(index)/type: '\(identifier.type)' is not one of \(types)")
            }
            guard Token.isValid(identifier.token) else {
                throw ProblemError(
                    .malformedRequest, "/identifiers/\(index)/token: not a \(Token.formatDescription)")
            }
            return IdentifierKey(type: type.rawValue, token: identifier.token)
        }
    }

    /// The person carrying the most of the identifiers; a tie is ambiguous (a family's shared phone given alone).
    private func person(matching identifiers: [IdentifierKey]) async throws -> String {
        let matches = try await scores.persons(matching: identifiers)
        guard let best = matches.values.max() else {
            throw ProblemError(
                .noMatchingPerson, "no linked subject carries any of the \(identifiers.count) identifiers")
        }
        let leaders = matches.filter { $0.value == best }.keys.sorted()
        guard leaders.count == 1 else {
            throw ProblemError(
                .ambiguousPerson,
                "\(leaders.count) persons each carry \(best) of the identifiers; give more identifiers to tell them apart"
            )
        }
        return leaders[0]
    }

    private static func newReportID() -> String { Hex.encode(SecureRandom.bytes(16)) }
}

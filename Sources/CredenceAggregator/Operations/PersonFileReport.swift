public import CredenceStore
public import IdentityResolution
public import PersonScoring

/// A person's whole file for the person and the operator: why its subjects are linked (``PersonReport``), and
/// its score, reasons and inquiries (``CreditFileSummary``). The JSON is the linkage report's members plus
/// `score` and `inquiries`; served by `GET /v1/admin/persons/{id}` and printed by `credence-aggregator person show`.
public struct PersonFileReport: Encodable, Sendable {
    public let linkage: PersonReport
    public let credit: CreditFileSummary

    private enum CodingKeys: String, CodingKey {
        case score, inquiries
    }

    public static func load(_ file: PersonFile, scores: any ScoreStore) async throws -> PersonFileReport {
        PersonFileReport(
            linkage: PersonReport(file),
            credit: try CreditFileSummary(
                score: try await scores.score(ofPerson: file.personID),
                inquiries: try await scores.inquiries(ofPerson: file.personID)))
    }

    public func encode(to encoder: any Encoder) throws {
        try linkage.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(credit.score, forKey: .score)
        try container.encode(credit.inquiries, forKey: .inquiries)
    }

    public var text: String { linkage.text + "\n" + credit.text }
}

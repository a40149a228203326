/// Why a consumer asks for a person's score: the permissible purposes of a consumer report (FCRA §604 style).
/// A consumer's API key names the purposes it may use; a query names one, and the inquiry it leaves on the
/// person's file says which, so the person can see who looked and why.
public enum PermissiblePurpose: String, Codable, Sendable, CaseIterable {
    /// The person applied for credit with the consumer.
    case creditApplication = "credit_application"
    /// Reviewing or collecting an account the person already holds with the consumer.
    case accountReview = "account_review"
    /// The person applied to rent a home from the consumer.
    case tenantScreening = "tenant_screening"
    /// Employment screening, with the person's written consent.
    case employment
    /// Underwriting insurance the person applied for.
    case insuranceUnderwriting = "insurance_underwriting"
    /// The person asked for their own report.
    case consumerRequest = "consumer_request"

    /// The purposes as a comma-separated list, for messages and the command line.
    public static var listed: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Parses `credit_application,account_review`; a failure names the first unknown purpose.
    public static func parseList(_ text: String) -> Result<[PermissiblePurpose], UnknownPurpose> {
        var purposes: [PermissiblePurpose] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let name = String(item.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            guard let purpose = PermissiblePurpose(rawValue: name) else { return .failure(UnknownPurpose(name: name)) }
            if !purposes.contains(purpose) { purposes.append(purpose) }
        }
        return .success(purposes)
    }

    /// A purpose name that is not one of ``PermissiblePurpose``.
    public struct UnknownPurpose: Error, Sendable {
        public let name: String
        public var message: String { "unknown purpose '\(name)' (one of \(PermissiblePurpose.listed))" }
    }
}

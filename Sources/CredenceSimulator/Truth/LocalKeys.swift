import CredenceProtocol
import Metro2

/// The partner's own key for a subject, exactly as each source reader forms it for the `partner_subject`
/// token (LendingAdapter `Metro2RecordMapper`, CommerceAdapter `BuyerIdentity`, SocialAdapter
/// `SocialRecordDraft`), so that `truth/records.csv` names the keys an adapter's output carries.
enum LocalKeys {
    /// Metro 2: `ssn:<nine digits>` when an SSN is reported, otherwise
    /// `NAME-DOB|<surname>|<first name>|<generation>|<YYYY-MM-DD>` in upper case.
    static func lending(_ consumer: Metro2Consumer) -> String {
        if !consumer.socialSecurityNumber.isEmpty { return "ssn:" + consumer.socialSecurityNumber }
        let birth = consumer.dateOfBirth?.iso8601 ?? ""
        return ["name-dob", consumer.surname, consumer.firstName, consumer.generationCode, birth]
            .joined(separator: "|").uppercased()
    }

    /// Shopify and Stripe: the platform's customer id (`customer-<id>`).
    static func commerce(customerID: String) -> String { "customer-" + customerID }

    /// X archive: the platform and the account id (`x:<accountId>`).
    static func xArchive(accountID: String) -> String { "x:" + accountID }

    /// OpenID Connect: the issuer's host and the subject (`oidc:<host>:<sub>`).
    static func oidc(issuerHost: String, subject: String) -> String { "oidc:" + issuerHost + ":" + subject }

    /// Whether a key may name more than one person, possibly in different chunks: a lender's name and
    /// birth-date key (two PRC customers with the same pinyin name and birth date). Every other key comes
    /// from a keyed permutation of the person's index and is unique by construction.
    static func mayNameSeveralPeople(_ localKey: String, kind: PartnerKind) -> Bool {
        kind == .lending && !localKey.hasPrefix("ssn:")
    }
}

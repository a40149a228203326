import Scorecard
import Testing

/// Design §6's banned inputs, matched by name however the name is spelled.
struct BannedInputsTests {
    @Test(
        arguments: [
            ("sex", BannedInputs.Category.sexOrGender), ("Gender", .sexOrGender), ("applicantGender", .sexOrGender),
            ("maritalStatus", .maritalStatus), ("MARITAL_STATUS", .maritalStatus), ("maritalstatus", .maritalStatus),
            ("applicant_age", .age), ("age", .age), ("dateOfBirth", .age), ("dateofbirth", .age),
            ("birth_year", .age), ("dob", .age), ("race", .raceOrEthnicity), ("Ethnicity", .raceOrEthnicity),
            ("religion", .religion), ("nationality", .nationalOrigin), ("citizenship_status", .nationalOrigin),
            ("health_score", .health), ("is_pregnant", .health), ("disability_flag", .health),
            ("union_member", .politicalOrUnion), ("political_donations", .politicalOrUnion),
            ("post_text", .postContent), ("tweet_sentiment", .postContent), ("followers_count", .socialGraph),
            ("friends_avg_score", .socialGraph), ("zip", .location), ("zip5", .location), ("ZipCode", .location),
            ("postal_code", .location), ("post_code", .location), ("latitude", .location), ("home_lng", .location),
            ("geohash6", .location), ("neighbourhood_income", .location), ("disputes_filed", .disputes),
            ("chargebacks_won", .chargebacksWon), ("chargebacks_12m", .chargebacksWon),
        ])
    func bannedNamesAreRecognized(name: String, category: BannedInputs.Category) {
        #expect(BannedInputs.match(name)?.category == category, "\(name)")
    }

    /// Design §6's permitted features, several of which share a word with a banned input.
    @Test(
        arguments: [
            "oldest_account_age", "average_account_age_months", "platform_account_age", "revolving_utilization",
            "max_line_utilization", "inquiries_12m", "accounts_opened_12m", "months_since_delinquency",
            "worst_status_24m", "count_30dpd", "chargebacks_lost_12m", "consumerLostChargebacks",
            "credit_union_accounts", "contact_stability", "identity_verification_level", "bnpl_late_payments",
            "collections", "postage_spend",
        ])
    func permittedNamesPass(name: String) {
        #expect(BannedInputs.match(name) == nil, "\(name)")
    }

    @Test func namesSplitIntoWords() {
        #expect(BannedInputs.tokens(of: "maritalStatus") == ["marital", "status"])
        #expect(BannedInputs.tokens(of: "HTTPStatus_code-2") == ["http", "status", "code", "2"])
        #expect(BannedInputs.tokens(of: "zip5") == ["zip", "5"])
        #expect(BannedInputs.tokens(of: "") == [])
    }

    @Test func matchNamesTheWordAndCategory() {
        let match = BannedInputs.match("home_zip")
        #expect(match?.term == "zip")
        #expect(match?.description == "'zip': \(BannedInputs.Category.location.rawValue)")
    }
}

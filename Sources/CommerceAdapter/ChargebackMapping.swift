import CredenceProtocol

/// The normative dispute mappings of `protocol/batch.md` sections 10.5 and 10.6, as tables. A code in no
/// table is quarantined, never guessed.
enum ChargebackMapping {
    /// What a dispute status says: an inquiry (not a chargeback, never sent), an open chargeback, or a
    /// closed one with its outcome.
    enum Stage: Equatable {
        case inquiry
        case open
        case closed(CommerceEvent.Chargeback.Outcome)
    }

    /// Section 10.6: Shopify Payments and Stripe share the networks' reason categories.
    static let reasons: [String: CommerceEvent.Chargeback.Reason] = [
        "fraudulent": .fraud, "debit_not_authorized": .fraud,
        "product_not_received": .notReceived,
        "product_unacceptable": .notAsDescribed,
        "duplicate": .duplicate,
        "credit_not_processed": .creditNotProcessed,
        "subscription_canceled": .subscriptionCanceled,
        "unrecognized": .unrecognized,
        "general": .general,
        "bank_cannot_process": .other, "customer_initiated": .other, "incorrect_account_details": .other,
        "insufficient_funds": .other, "noncompliant": .other,
    ]

    /// Shopify dispute statuses; `charge_refunded` (deprecated) counts as `accepted`.
    static let shopifyStages: [String: Stage] = [
        "needs_response": .open, "under_review": .open,
        "accepted": .closed(.accepted), "charge_refunded": .closed(.accepted),
        "won": .closed(.won), "lost": .closed(.lost),
    ]

    /// Stripe dispute statuses; the `warning_*` ones belong to inquiries.
    static let stripeStages: [String: Stage] = [
        "warning_needs_response": .inquiry, "warning_under_review": .inquiry, "warning_closed": .inquiry,
        "needs_response": .open, "under_review": .open,
        "won": .closed(.won), "lost": .closed(.lost), "prevented": .closed(.prevented),
    ]

    static func reason(_ raw: String) throws(CommerceMappingError) -> CommerceEvent.Chargeback.Reason {
        guard let reason = reasons[raw] else {
            throw CommerceMappingError(
                .unmappedCode,
                "reason: '\(raw.prefix(64))' is not a dispute reason with a v1 mapping (protocol/batch.md 10.6)")
        }
        return reason
    }

    static func stage(_ raw: String, in table: [String: Stage], platform: String) throws(CommerceMappingError)
        -> Stage
    {
        guard let stage = table[raw] else {
            throw CommerceMappingError(
                .unmappedCode,
                "status: '\(raw.prefix(64))' is not a \(platform) dispute status; expected one of "
                    + table.keys.sorted().joined(separator: ", "))
        }
        return stage
    }
}

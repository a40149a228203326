import CredenceProtocol
import SocialExports

/// How OpenID Connect for Identity Assurance 1.0 `verified_claims` become the batch's
/// `identity_verification` (batch.md §8.5), the only source of that member: an X badge never is.
///
/// Each piece of evidence maps to a level:
///
/// | evidence `type` | condition | level |
/// | --- | --- | --- |
/// | `document`, `id_document` | a check method `vpip`, `vpiruv`, `pvp` or `bvp`, or method `pipp` (checked with the person present) | `in_person` |
/// | `document`, `id_document` | otherwise a check method `vcrypt`, or method `eid` (the document's chip was read) | `eid` |
/// | `document`, `id_document`, `utility_bill` | otherwise | `document` |
/// | `electronic_record` | `record.type` is `bank_account` | `bank` |
/// | `electronic_record` | otherwise (a register, a utility or tax record) | `electronic_record` |
/// | `electronic_signature`, `qes` | | `eid` |
/// | `vouch` | someone's statement, not a checked credential | `none` |
///
/// Any other evidence type has no v1 mapping: the claims object is quarantined rather than guessed at.
/// A `verified_claims` element without evidence says the provider verified under its trust framework
/// without saying how: level `eid` for the framework `eidas` (identification with a notified eIDAS
/// electronic identity), `none` for any other, with the framework kept.
///
/// The strongest level wins, in the order `in_person` > `eid` > `bank` > `document` >
/// `electronic_record` > `none`: first among the evidence of one element, then among the elements (on a
/// tie, the most recent verification). `trust_framework` is that element's; `verified_at` is its
/// `verification.time`, or else the latest time of its evidence and checks.
enum IdentityAssuranceMapping {
    typealias Level = SocialAccountFact.IdentityVerification.Level

    /// Weakest first.
    static let strength: [Level] = [.none, .electronicRecord, .document, .bank, .eid, .inPerson]

    static let inPersonChecks: Set<String> = ["vpip", "vpiruv", "pvp", "bvp"]

    /// The identity verification the elements support, or nil when there are none.
    static func identityVerification(_ verifiedClaims: [OIDCVerifiedClaims]) throws(SocialRecordFailure)
        -> SocialAccountFact.IdentityVerification?
    {
        var best: (rank: Int, time: Int64, verification: SocialAccountFact.IdentityVerification)?
        for (index, element) in verifiedClaims.enumerated() {
            let pointer = verifiedClaims.count == 1 ? "/verified_claims" : "/verified_claims/\(index)"
            let verification = element.verification
            var level = verification.evidence.isEmpty ? levelWithoutEvidence(verification.trustFramework) : .none
            for (evidenceIndex, evidence) in verification.evidence.enumerated() {
                let candidate = try self.level(of: evidence, at: "\(pointer)/verification/evidence/\(evidenceIndex)")
                if rank(candidate) > rank(level) { level = candidate }
            }
            guard let trustFramework = try? RawCode(verification.trustFramework) else {
                throw SocialRecordFailure(
                    "\(pointer)/verification/trust_framework: expected a code of 1-64 printable characters")
            }
            let verifiedAt = verification.time ?? latestTime(of: verification.evidence)
            let candidate = SocialAccountFact.IdentityVerification(
                level: level, trustFramework: trustFramework, verifiedAt: verifiedAt)
            let time = verifiedAt?.secondsSinceEpoch ?? .min
            if let current = best, (current.rank, current.time) >= (rank(level), time) { continue }
            best = (rank(level), time, candidate)
        }
        return best?.verification
    }

    static func level(of evidence: OIDCEvidence, at pointer: String) throws(SocialRecordFailure) -> Level {
        let checks = Set(evidence.checkDetails.map(\.checkMethod))
        switch evidence.type {
        case "document", "id_document":
            if !checks.isDisjoint(with: inPersonChecks) || evidence.method == "pipp" { return .inPerson }
            if checks.contains("vcrypt") || evidence.method == "eid" { return .eid }
            return .document
        case "utility_bill": return .document
        case "electronic_record": return evidence.recordType == "bank_account" ? .bank : .electronicRecord
        case "electronic_signature", "qes": return .eid
        case "vouch": return .none
        default:
            throw SocialRecordFailure(
                "\(pointer)/type: evidence type '\(evidence.type.prefix(40))' has no v1 identity verification level "
                    + "(expected document, electronic_record, electronic_signature or vouch)")
        }
    }

    static func levelWithoutEvidence(_ trustFramework: String) -> Level {
        trustFramework == "eidas" ? .eid : .none
    }

    static func rank(_ level: Level) -> Int { strength.firstIndex(of: level) ?? 0 }

    private static func latestTime(of evidence: [OIDCEvidence]) -> Timestamp? {
        let times = evidence.flatMap { [$0.time] + $0.checkDetails.map(\.time) }.compactMap { $0 }
        return times.max()
    }
}

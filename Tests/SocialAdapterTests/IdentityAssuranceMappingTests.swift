import AdapterCore
import CredenceProtocol
import CredenceTesting
import Foundation
import SocialAdapter
import SocialExports
import Testing

/// The evidence table of `IdentityAssuranceMapping`, through the reader: one claims object per case.
@Suite struct IdentityAssuranceMappingTests {
    typealias Level = SocialAccountFact.IdentityVerification.Level

    static let cases: [(evidence: String, level: Level)] = [
        (#"{"type": "document", "check_details": [{"check_method": "vpip"}]}"#, .inPerson),
        (#"{"type": "document", "check_details": [{"check_method": "vri"}, {"check_method": "bvp"}]}"#, .inPerson),
        (#"{"type": "id_document", "method": "pipp"}"#, .inPerson),
        (#"{"type": "document", "check_details": [{"check_method": "vcrypt"}, {"check_method": "bvr"}]}"#, .eid),
        (#"{"type": "id_document", "method": "eid"}"#, .eid),
        (#"{"type": "document", "check_details": [{"check_method": "vri"}]}"#, .document),
        (#"{"type": "id_document", "method": "sripp"}"#, .document),
        (#"{"type": "utility_bill"}"#, .document),
        (#"{"type": "electronic_record", "record": {"type": "bank_account"}}"#, .bank),
        (#"{"type": "electronic_record", "record": {"type": "population_register"}}"#, .electronicRecord),
        (#"{"type": "electronic_signature", "signature_type": "qes_eidas"}"#, .eid),
        (#"{"type": "qes"}"#, .eid),
        (#"{"type": "vouch", "attestation": {"type": "written_attestation"}}"#, .none),
    ]

    func level(evidence: [String], trustFramework: String = "cn_aml") throws -> SocialAccountFact.IdentityVerification?
    {
        let folder = try TemporaryDirectory()
        let url = folder.url.appendingPathComponent("claims.json")
        try write(
            """
            {"iss": "https://id.example.cn", "sub": "s", "updated_at": 1700000000,
             "verified_claims": {"verification": {"trust_framework": "\(trustFramework)", "evidence": [\(evidence.joined(separator: ","))]},
                                 "claims": {"given_name": "A"}}}
            """, to: url)
        var document = try SocialSourceReader().open(url, context: Sample.context())
        return try #require(try document.readAll().only?.records?.only?.socialFact).identityVerification
    }

    @Test(arguments: cases)
    func mapsEachEvidenceType(evidence: String, expected: Level) throws {
        #expect(try level(evidence: [evidence])?.level == expected)
        #expect(try level(evidence: [evidence])?.trustFramework?.rawValue == "cn_aml")
    }

    @Test func takesTheStrongestEvidence() throws {
        #expect(
            try level(evidence: [Self.cases[12].evidence, Self.cases[9].evidence, Self.cases[3].evidence])?.level
                == .eid)
        #expect(try level(evidence: [])?.level == Level.none)
        #expect(try level(evidence: [], trustFramework: "eidas")?.level == .eid)
        #expect(try level(evidence: [Self.cases[8].evidence], trustFramework: "eidas")?.level == .bank)
    }
}

import CredenceProtocol
import CredenceTesting
import Foundation
import SocialExports
import Testing

@Suite struct OIDCClaimsTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory(prefix: "oidc")
    }

    func file(_ name: String, _ text: String) throws -> URL {
        let url = folder.url.appendingPathComponent(name)
        try write(text, to: url)
        return url
    }

    func entries(_ url: URL) throws -> [OIDCClaimsReader.Entry] {
        var reader = try OIDCClaimsReader(url: url)
        var result: [OIDCClaimsReader.Entry] = []
        while let entry = try reader.next() { result.append(entry) }
        return result
    }

    @Test func readsStandardAndIdentityAssuranceClaims() throws {
        let read = try entries(Fixtures.url("oidc/userinfo.jsonl"))
        #expect(read.map(\.line) == [1, 2, 3])
        #expect(read.map(\.ordinal) == [0, 1, 2])
        let claims = try read.map { try $0.claims.get() }

        let plain = claims[0]
        #expect(plain.issuer == "https://server.example.com")
        #expect(plain.subject == "248289761001")
        #expect(plain.person.givenName == "Jane" && plain.person.familyName == "Doe" && plain.person.name == "Jane Doe")
        #expect(plain.person.birthdate == .yearWithheld(month: 10, day: 31))
        #expect(plain.email == "janedoe@example.com" && plain.emailVerified == true)
        #expect(plain.phoneNumber == "+1 (425) 555-1212" && plain.phoneNumberVerified == false)
        #expect(plain.updatedAt == Sample.time("2011-07-21T20:42:50Z"))
        #expect(plain.createdAt == Sample.time("2010-01-01T00:00:00Z"))
        #expect(plain.verifiedClaims.isEmpty)

        let verified = try #require(claims[1].verifiedClaims.first)
        #expect(claims[1].createdAt == Sample.time("2019-05-01T08:00:00Z"))
        #expect(verified.verification.trustFramework == "de_aml")
        #expect(verified.verification.time == Sample.time("2012-04-23T18:25:00Z"))
        #expect(verified.verification.verificationProcess == "f24c6f-6d3f-4ec5-973e-b0d8506f3bc7")
        #expect(
            verified.verification.evidence == [
                OIDCEvidence(
                    type: "document", documentType: "idcard", time: Sample.time("2012-04-22T11:30:00Z"),
                    checkDetails: [
                        OIDCCheckDetail(
                            checkMethod: "vpip", organization: "TheBank", txn: "inspctn-1234",
                            time: Sample.time("2012-04-22T11:30:00Z"))
                    ])
            ])
        #expect(verified.claims.birthdate == .date(year: 1956, month: 1, day: 28))
        #expect(
            verified.claims.address
                == OIDCAddress(
                    streetAddress: "An der Weide 22", locality: "Maxstadt", postalCode: "12344", country: "DE"))

        #expect(claims[2].verifiedClaims.count == 2)
        #expect(claims[2].verifiedClaims[0].verification.evidence.first?.recordType == "bank_account")
        #expect(claims[2].verifiedClaims[0].verification.time == Sample.time("2021-06-01T09:00:00Z"))
    }

    @Test func readsOneObjectAnArrayOrObjectsOneAfterAnother() throws {
        let single = try file(
            "single.json",
            """
            {
              "iss": "https://id.example.cn",
              "sub": "u-1",
              "note": "braces } and ] and \\" inside strings"
            }
            """)
        #expect(try entries(single).map { try $0.claims.get().subject } == ["u-1"])

        let array = try file(
            "array.json",
            "[\n  {\"sub\": \"u-1\"},\n  {\"sub\": \"u-2\", \"address\": {\"locality\": \"[x]\"}},\n\n  {\"sub\": \"u-3\"}\n]\n"
        )
        let fromArray = try entries(array)
        #expect(try fromArray.map { try $0.claims.get().subject } == ["u-1", "u-2", "u-3"])
        #expect(fromArray.map(\.line) == [2, 3, 5])

        let sequence = try file("sequence.json", "{\"sub\": \"u-1\"}\n{\"sub\": \"u-2\"} {\"sub\": \"u-3\"}")
        #expect(try entries(sequence).map { try $0.claims.get().subject } == ["u-1", "u-2", "u-3"])
    }

    /// A bad object is reported with its line and reading goes on.
    @Test func reportsABadLineAndReadsOn() throws {
        let url = try file(
            "claims.jsonl",
            """
            {"sub": "u-1", "updated_at": 1700000000}
            {"sub": "u-2", "updated_at": 17000
            {"sub": "u-3", "birthdate": "1985-02-30"}

            {"sub": "u-4", "email_verified": "yes"}
            {"sub": "u-5", "verified_claims": {"verification": {}, "claims": {}}}
            {"sub": "u-6"}
            """)
        let read = try entries(url)
        #expect(read.map(\.line) == [1, 2, 3, 5, 6, 7])
        func failure(_ index: Int) -> SocialExportError? {
            if case .failure(let error) = read[index].claims { error } else { nil }
        }
        #expect(failure(1)?.message.hasPrefix("is not valid JSON") == true)
        #expect(failure(2)?.field?.description == "/birthdate")
        #expect(failure(3)?.description == "/email_verified: expected true or false, found string")
        #expect(failure(4)?.field?.description == "/verified_claims/verification/trust_framework")
        #expect(try read[5].claims.get().subject == "u-6")
        #expect(try read[0].claims.get().updatedAt == Sample.time("2023-11-14T22:13:20Z"))
    }

    @Test func stopsAtAValueThatNeverEnds() throws {
        let url = try file("broken.json", "[{\"sub\": \"u-1\"}, {\"sub\": \"u-2\"")
        var reader = try OIDCClaimsReader(url: url)
        #expect(try reader.next() != nil)
        let error = try #require(throws: SocialExportError.self) { try reader.next() }
        #expect(error.code == .unreadable)
    }

    @Test func writerRoundTrips() throws {
        let claims = [
            OIDCClaims(
                issuer: "https://id.example.cn", subject: "u-1",
                person: OIDCPersonClaims(
                    name: "王小明", givenName: "小明", familyName: "王", birthdate: .date(year: 1990, month: 5, day: 17),
                    address: OIDCAddress(streetAddress: "建国路 88号\n3单元", locality: "北京", country: "CN")),
                email: "xiaoming@example.cn", emailVerified: true, phoneNumber: "+8613912345678",
                phoneNumberVerified: true, updatedAt: Sample.time("2026-10-01T00:00:00Z"),
                createdAt: Sample.time("2018-01-01T00:00:00Z"),
                verifiedClaims: [
                    OIDCVerifiedClaims(
                        verification: OIDCVerification(
                            trustFramework: "cn_ctid", assuranceLevel: "high",
                            time: Sample.time("2025-01-02T03:04:05Z"),
                            evidence: [
                                OIDCEvidence(type: "electronic_record", recordType: "population_register"),
                                OIDCEvidence(type: "id_document", method: "pipp", documentType: "idcard"),
                            ]),
                        claims: OIDCPersonClaims(givenName: "小明", familyName: "王", birthdate: .year(1990)))
                ]),
            OIDCClaims(issuer: "https://id.example.cn", subject: "u-2", updatedAt: Sample.time("2026-10-01T00:00:00Z")),
            OIDCClaims(
                subject: "u-3",
                verifiedClaims: [
                    OIDCVerifiedClaims(verification: OIDCVerification(trustFramework: "a"), claims: OIDCPersonClaims()),
                    OIDCVerifiedClaims(verification: OIDCVerification(trustFramework: "b"), claims: OIDCPersonClaims()),
                ]),
        ]
        let url = folder.url.appendingPathComponent("out.jsonl")
        try OIDCClaimsWriter.write(claims, to: url)
        #expect(try entries(url).map { try $0.claims.get() } == claims)
        #expect(throws: SocialExportError.self) { try OIDCClaimsWriter.write(claims, to: url) }
    }

    @Test(arguments: [
        ("2023-08-30T23:20:03.000Z", "2023-08-30T23:20:03Z"),
        ("2012-04-23T18:25Z", "2012-04-23T18:25:00Z"),
        ("2012-04-23T20:25+02:00", "2012-04-23T18:25:00Z"),
        ("2012-04-23T18:25:00-0130", "2012-04-23T19:55:00Z"),
        ("2000-01-01T00:30:00+01:00", "1999-12-31T23:30:00Z"),
    ])
    func parsesISOTimes(text: String, expected: String) {
        #expect(ExportTime.iso8601(text)?.rawValue == expected)
    }

    @Test(arguments: [
        "2012-04-23T18:25", "2012-04-23 18:25Z", "2012-02-30T00:00Z", "2012-04-23T24:00Z", "2012-04-23T18:25+2",
    ])
    func refusesTimesWithoutAZoneOrDay(text: String) {
        #expect(ExportTime.iso8601(text) == nil)
    }

    @Test func parsesEpochSeconds() {
        #expect(ExportTime.epochSeconds("1311280970")?.rawValue == "2011-07-21T20:42:50Z")
        #expect(ExportTime.epochSeconds("1311280970.75")?.rawValue == "2011-07-21T20:42:50Z")
        #expect(ExportTime.epochSeconds("-1") == nil)
        #expect(ExportTime.epochSeconds("1e9") == nil)
        #expect(ExportTime.epochSeconds("99999999999999") == nil)
    }

    @Test(arguments: [
        ("1985-03-14", OIDCBirthdate.date(year: 1985, month: 3, day: 14)), ("1985", .year(1985)),
        ("0000-02-29", .yearWithheld(month: 2, day: 29)),
    ])
    func parsesBirthdates(text: String, expected: OIDCBirthdate) {
        #expect(OIDCBirthdate(claim: text) == expected)
        #expect(expected.claim == text)
    }

    @Test(arguments: ["1985-3-14", "1985-02-29", "0000", "85-03-14", "1985-03", "１９８５"])
    func refusesOtherBirthdates(text: String) {
        #expect(OIDCBirthdate(claim: text) == nil)
    }
}

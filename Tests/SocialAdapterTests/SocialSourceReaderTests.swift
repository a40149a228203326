import AdapterCore
import CredenceIdentity
import CredenceProtocol
import CredenceTesting
import Foundation
import SocialAdapter
import SocialExports
import Testing

@Suite struct SocialSourceReaderTests {
    let folder: TemporaryDirectory
    let context = Sample.context()
    let reader = SocialSourceReader()

    init() throws {
        folder = try TemporaryDirectory(prefix: "social-reader")
    }

    func items(_ url: URL) throws -> (format: SourceFormat, items: [SourceItem]) {
        var document = try reader.open(url, context: context)
        return (document.format, try document.readAll())
    }

    func archive(
        _ archive: XArchive = Sample.archive, layout: XArchiveWriter.Layout, name: String = "twitter-2026-10-30-a1b2"
    )
        throws -> URL
    {
        let url = folder.url.appendingPathComponent(layout == .zip ? name + ".zip" : name)
        try XArchiveWriter(extraMembers: Sample.forbiddenMembers).write(archive, to: url, layout: layout)
        return url
    }

    func token(_ type: TokenType, _ normalized: String) -> String {
        IdentifierTokenizer(key: Sample.linkageKey).token(type, normalized: normalized)
    }

    @Test(arguments: [XArchiveWriter.Layout.zip, .directory])
    func mapsAnArchiveToOneRecord(layout: XArchiveWriter.Layout) throws {
        let url = try archive(layout: layout)
        let (format, read) = try items(url)
        #expect(format == .xArchive)
        let record = try #require(read.only?.records?.only)
        let fact = try #require(record.socialFact)

        let platformKey = try context.platformAccountKey(platform: "x", accountID: "783214")
        #expect(fact.platform.rawValue == "x")
        #expect(fact.platformAccountKey == platformKey)
        #expect(fact.observedAt == Sample.time("2026-10-30T17:04:11Z"))
        #expect(fact.accountCreatedAt == Sample.time("2012-04-27T17:35:40Z"))
        #expect(fact.emailVerified == nil && fact.phoneVerified == nil && fact.accountState == nil)
        // The check mark is kept apart: a badge, never identity verification.
        #expect(fact.badgePaidOrLegacy == true)
        #expect(fact.identityVerification == nil)
        #expect(
            fact.identifierChanges == [
                .init(type: .handle, changedAt: Sample.time("2015-03-02T08:00:00Z")),
                .init(type: .email, changedAt: Sample.time("2020-06-01T10:00:00Z")),
            ])

        let subject = try #require(record.subjects.only)
        #expect(subject.subjectKey == (try context.subjectKey(localKey: "x:783214")))
        #expect(subject.role == .primary)
        let byType = Dictionary(uniqueKeysWithValues: subject.identifiers.map { ($0.type, $0) })
        #expect(Set(byType.keys) == [.platformAccount, .email, .emailMatch, .phoneE164])
        #expect(byType[.platformAccount]?.token == platformKey)
        #expect(byType[.email]?.token.rawValue == token(.email, "jane.chirp@example.com"))
        #expect(byType[.phoneE164]?.token.rawValue == token(.phoneE164, "+14155552671"))
        // X exports no verified flag: unknown, not false.
        #expect(subject.identifiers.allSatisfy { $0.verified == nil })
        #expect(byType[.email]?.firstSeen == (try CalendarDate("2020-06-01")))
        #expect(byType[.phoneE164]?.lastSeen == (try CalendarDate("2026-10-30")))
        #expect(subject.encodings?.name != nil)
        // No birth date from X, even though the archive holds ageinfo.js with one.
        #expect(subject.encodings?.birthDate == nil)

        #expect(record.recordID.rawValue == "x-\(platformKey.rawValue.prefix(16))-20261030T170411Z")
        #expect(record.provenance?.file?.rawValue == url.lastPathComponent)
    }

    /// Nothing personal, and nothing of a forbidden member, is in the serialized batch; and the batch is
    /// valid.
    @Test(arguments: [XArchiveWriter.Layout.zip, .directory])
    func serializedRecordsHoldNoRawIdentifiers(layout: XArchiveWriter.Layout) throws {
        let records = try items(try archive(layout: layout)).items.flatMap { $0.records ?? [] }
        let (batch, text) = serializedBatch(records, format: .xArchive)
        #expect(batch.validationErrors().isEmpty)
        #expect(try Batch.decodeUnverified(batch.serialized()) == batch)
        let raw = [
            "783214", "chirpy_jane", "jane_old", "Jane", "Chirp", "example.com", "example.org", "4155552671",
        ]
        for value in raw + Sample.forbiddenMarkers { #expect(!text.contains(value), "found \(value)") }
    }

    @Test func readsTheFixtureArchiveFolderAsOneUnitWithoutWalkingIt() throws {
        let copy = folder.url.appendingPathComponent("unpacked")
        try FileManager.default.copyItem(at: Fixtures.url("x-archive-shapes"), to: copy)
        // Files a walker would pick up; a directory input is one archive and they are ignored.
        try FileManager.default.copyItem(
            at: Fixtures.url("oidc/userinfo.jsonl"), to: copy.appendingPathComponent("claims.jsonl"))
        try FileManager.default.copyItem(
            at: Fixtures.url("x-archive-shapes.zip"), to: copy.appendingPathComponent("other.zip"))

        var document = try reader.open(copy, context: context)
        let read = try document.readAll()
        #expect(document.format == .xArchive)
        let opened = try #require((document as? XArchiveDocument)?.openedMembers)
        #expect(opened.allSatisfy(Sample.isAllowListed))
        // The shapes' example phone, +1 555 123 4567, is no NANP number (exchanges start with 2-9).
        let rejection = try #require(read.only?.rejection)
        #expect(rejection.reason.hasPrefix("data/phone-number.js: device.phoneNumber: NANP"))

        try write(
            #"window.YTD.phone_number.part0 = [ { "device": { "phoneNumber": "+15552345678" } } ]"#,
            to: copy.appendingPathComponent("data/phone-number.js"))
        var fixed = try reader.open(copy, context: context)
        let fact = try #require(try fixed.readAll().only?.records?.only?.socialFact)
        #expect(fact.badgePaidOrLegacy == false)
        #expect(fact.accountCreatedAt == Sample.time("2023-08-30T23:20:03Z"))
        #expect(fact.observedAt == Sample.time("2023-08-31T09:15:27Z"))
    }

    @Test func rejectsAMalformedMemberNamingItAndTheField() throws {
        let url = folder.url.appendingPathComponent("broken")
        try FileManager.default.copyItem(at: Fixtures.url("x-archive-shapes"), to: url)
        try write(
            #"window.YTD.account.part0 = [ { "account" : { "accountId" : "111111111", "createdAt" : "yesterday" } } ]"#,
            to: url.appendingPathComponent("data/account.js"))
        let rejection = try #require(try items(url).items.only?.rejection)
        #expect(rejection.position == SourcePosition(file: "broken", ordinal: 0))
        #expect(rejection.reason.hasPrefix("data/account.js: /0/account/createdAt: expected an ISO 8601 time"))
        #expect(!rejection.reason.contains("yesterday"))
    }

    @Test func rejectsAPhoneThatIsNotANumberNamingItsMember() throws {
        var bad = Sample.archive
        bad.phoneNumbers = [XPhoneNumber(phoneNumber: "call me")]
        let rejection = try #require(try items(try archive(bad, layout: .zip)).items.only?.rejection)
        #expect(rejection.reason.hasPrefix("data/phone-number.js: device.phoneNumber: "))
        #expect(!rejection.reason.contains("call me"))
    }

    @Test func rejectsAnAccountCreatedAfterTheArchive() throws {
        var bad = Sample.archive
        bad.account?.createdAt = Sample.time("2027-01-01T00:00:00Z")
        let rejection = try #require(try items(try archive(bad, layout: .zip)).items.only?.rejection)
        #expect(rejection.reason.hasPrefix("data/account.js: /0/account/createdAt: "))
    }

    @Test func mapsClaimsWithAndWithoutVerifiedClaims() throws {
        let (format, read) = try items(Fixtures.url("oidc/userinfo.jsonl"))
        #expect(format == .oidcClaims)
        #expect(read.map(\.position.line) == [1, 2, 3])
        let records = try read.map { try #require($0.records?.only) }
        let facts = try records.map { try #require($0.socialFact) }

        #expect(facts.allSatisfy { $0.platform.rawValue == "oidc:server.example.com" })
        #expect(
            facts[0].platformAccountKey
                == (try context.platformAccountKey(platform: "oidc:server.example.com", accountID: "248289761001")))
        #expect(facts[0].observedAt == Sample.time("2011-07-21T20:42:50Z"))
        #expect(facts[0].accountCreatedAt == Sample.time("2010-01-01T00:00:00Z"))
        #expect(facts[0].emailVerified == true && facts[0].phoneVerified == false)
        #expect(facts[0].identityVerification == nil)
        #expect(facts[0].badgePaidOrLegacy == nil && facts[0].identifierChanges.isEmpty)

        let plain = try #require(records[0].subjects.only)
        let byType = Dictionary(uniqueKeysWithValues: plain.identifiers.map { ($0.type, $0) })
        #expect(byType[.email]?.verified == true)
        #expect(byType[.phoneE164]?.verified == false)
        #expect(byType[.phoneE164]?.token.rawValue == token(.phoneE164, "+14255551212"))
        #expect(plain.encodings?.name != nil)
        // The year is withheld (0000-10-31): no birth date encoding.
        #expect(plain.encodings?.birthDate == nil)

        #expect(
            facts[1].identityVerification
                == .init(
                    level: .inPerson, trustFramework: try RawCode("de_aml"),
                    verifiedAt: Sample.time("2012-04-23T18:25:00Z")))
        let verifiedSubject = try #require(records[1].subjects.only)
        #expect(
            verifiedSubject.encodings?.birthDate
                == BloomEncoding(
                    unchecked: BloomEncoder(key: Sample.linkageKey).encodeBirthDate(
                        try BirthDate(year: 1956, month: 1, day: 28)
                    ).base64url))
        #expect(verifiedSubject.encodings?.address != nil)

        // Two elements: the bank account (bank) outranks the remote document check (document).
        #expect(
            facts[2].identityVerification
                == .init(
                    level: .bank, trustFramework: try RawCode("uk_tfida"),
                    verifiedAt: Sample.time("2021-06-01T09:00:00Z")))

        #expect(records.map(\.recordID.rawValue).allSatisfy { $0.hasPrefix("oidc-") })
        #expect(records[0].recordID.rawValue.hasSuffix("-20110721T204250Z-1"))
        #expect(Set(records.map(\.recordID)).count == 3)

        let (batch, text) = serializedBatch(records, format: .oidcClaims)
        #expect(batch.validationErrors().isEmpty)
        let raw = [
            "248289761001", "3a8f2b9c", "janedoe@example.com", "Jane", "Meier", "Maxstadt", "An der Weide",
            "1956-01-28",
            "4255551212", "53554554", "inspctn-1234",
        ]
        for value in raw {
            #expect(!text.contains(value), "found \(value)")
        }
    }

    @Test func rejectsClaimsItCannotMapNamingTheLineAndClaim() throws {
        let url = folder.url.appendingPathComponent("claims.jsonl")
        try write(
            """
            {"sub": "a-1", "updated_at": 1700000000}
            {"iss": "https://id.example.cn", "sub": "a-2"}
            {"iss": "https://id.example.cn", "sub": "a-3", "updated_at": 1700000000, "verified_claims": {"verification": {"trust_framework": "x", "evidence": [{"type": "hologram"}]}, "claims": {"given_name": "A"}}}
            {"iss": "https://id.example.cn", "sub": "a-4", "updated_at": 1700000000, "birthdate": "1700-01-01"}
            {"iss": "https://id.example.cn", "sub": "a-5", "updated_at": 1700000000, "created_at": 1800000000}
            {"iss": "https://id.example.cn", "sub": "a-6", "updated_at": 1700000000, "email": "not-an-email"}
            not json at all
            {"iss": "https://id.example.cn", "sub": "a-8", "updated_at": 1700000000}
            """, to: url)
        let read = try items(url).items
        let reasons = read.map { $0.rejection?.reason }
        #expect(reasons[0] == "claims object: /iss: required member is missing (sub is unique only within its issuer)")
        #expect(
            reasons[1] == "claims object: /updated_at: required member is missing (it dates the claims: observed_at)")
        #expect(
            reasons[2]?.hasPrefix(
                "claims object: /verified_claims/verification/evidence/0/type: evidence type 'hologram' has no v1")
                == true)
        #expect(reasons[3] == "claims object: /birthdate: the year is outside 1850-2100")
        #expect(reasons[4]?.hasPrefix("claims object: /created_at: ") == true)
        #expect(reasons[5]?.hasPrefix("claims object: /email: ") == true)
        #expect(reasons[6]?.hasPrefix("claims object: is not valid JSON") == true)
        #expect(read[6].position == SourcePosition(file: "claims.jsonl", line: 7, ordinal: 6))
        #expect(read[7].records?.count == 1)
        for reason in reasons.compactMap({ $0 }) {
            #expect(!reason.contains("a-") && !reason.contains("not-an-email"))
        }
    }

    @Test func refusesFilesItDoesNotRead() throws {
        let csv = folder.url.appendingPathComponent("export.csv")
        try write("a,b\n", to: csv)
        #expect(throws: SourceFileError.self) { try reader.open(csv, context: context) }
        #expect(throws: SourceFileError.self) {
            try reader.open(folder.url.appendingPathComponent("missing.zip"), context: context)
        }
        let garbage = folder.url.appendingPathComponent("archive.zip")
        try write("PK but not really", to: garbage)
        let error = try #require(throws: SourceFileError.self) { try reader.open(garbage, context: context) }
        #expect(error.file == "archive.zip")
        #expect(error.message.hasPrefix("is not a readable zip file"))
        let emptyFolder = folder.url.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: true)
        #expect(throws: SourceFileError.self) { try reader.open(emptyFolder, context: context) }
    }

    @Test func readsAZipByItsSignatureWhateverItsName() throws {
        let url = try archive(layout: .zip)
        let renamed = folder.url.appendingPathComponent("upload-7731.bin")
        try FileManager.default.moveItem(at: url, to: renamed)
        #expect(try items(renamed).items.only?.records?.count == 1)
    }
}

extension Collection {
    /// The one element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}

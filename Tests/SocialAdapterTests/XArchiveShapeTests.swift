import CredenceProtocol
import CredenceTesting
import Foundation
import SocialExports
import Testing

/// The file shapes of `shared/fixtures/x-archive/file-shapes.txt`, read from an unpacked folder and from a
/// zip made by another tool (Python's zipfile).
@Suite struct XArchiveShapeTests {
    static let forms = ["x-archive-shapes", "x-archive-shapes.zip"]

    @Test(arguments: forms)
    func readsEveryAllowListedShape(form: String) throws {
        var reader = try XArchiveReader(url: Fixtures.url(form))
        let archive = try reader.read()

        #expect(archive.accountID == "111111111")
        #expect(archive.userName == "S0_And_S0")
        #expect(archive.displayName == "S0AndS0.eth")
        #expect(archive.generationDate == Sample.time("2023-08-31T09:15:27Z"))
        #expect(archive.isPartialArchive == false)
        #expect(
            archive.account
                == XAccount(
                    accountID: "111111111", username: "S0_And_S0", displayName: "S0AndS0.eth",
                    email: "user@example.com",
                    createdAt: Sample.time("2023-08-30T23:20:03Z"), createdVia: "web"))
        #expect(archive.phoneNumbers == [XPhoneNumber(phoneNumber: "+15551234567")])
        #expect(archive.verifiedBadge == XVerifiedBadge(accountID: "111111111", verified: false))
        #expect(
            archive.emailAddressChanges == [
                XEmailAddressChange(
                    accountID: "111111111", changedAt: Sample.time("2023-08-12T17:10:37Z"),
                    changedTo: "someone@example.com")
            ])
        #expect(
            archive.screenNameChanges == [
                XScreenNameChange(
                    accountID: "111111111", changedAt: Sample.time("2023-08-12T17:10:37Z"), changedFrom: "SomeOneElse",
                    changedTo: "SomeOneNew")
            ])
    }

    @Test(arguments: forms)
    func opensOnlyTheManifestAndTheAllowList(form: String) throws {
        var reader = try XArchiveReader(url: Fixtures.url(form))
        let archive = try reader.read()

        #expect(reader.openedMembers.first == "data/manifest.js")
        #expect(
            Set(reader.openedMembers) == [
                "data/manifest.js", "data/account.js", "data/phone-number.js", "data/verified.js",
                "data/email-address-change.js", "data/screen-name-change.js",
            ])
        // tweets.js and ageinfo.js are in the fixture, listed in its manifest, and hold these markers.
        let everything = String(describing: archive)
        #expect(!everything.contains("FORBIDDEN-TWEET-TEXT-7c1e"))
        #expect(!everything.contains("1977-07-07"))
    }

    /// The example `verified.js` of the shapes file belongs to another account than the example
    /// `account.js`: an archive that mixes accounts is refused, naming the entry.
    @Test func refusesAnEntryOfAnotherAccount() throws {
        let folder = try TemporaryDirectory(prefix: "x-shapes")
        let archive = folder.url.appendingPathComponent("archive")
        try FileManager.default.copyItem(at: Fixtures.url("x-archive-shapes"), to: archive)
        try write(
            #"window.YTD.verified.part0 = [ { "verified": { "accountId": "435455769", "verified": false } } ]"#,
            to: archive.appendingPathComponent("data/verified.js"))

        var reader = try XArchiveReader(url: archive)
        let error = try #require(throws: SocialExportError.self) { try reader.read() }
        #expect(error.code == .malformed)
        #expect(error.member == "data/verified.js")
        #expect(error.field?.description == "/0/verified/accountId")
        #expect(!error.description.contains("435455769"))
    }
}

import CredenceProtocol
import CredenceTesting
import Foundation
import SocialExports
import Testing

@Suite struct XArchiveReaderTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory(prefix: "x-reader")
    }

    /// Writes the sample archive, or `archive`, and returns its location.
    func written(
        _ archive: XArchive = Sample.archive, layout: XArchiveWriter.Layout, name: String = "archive",
        writer: XArchiveWriter = XArchiveWriter()
    ) throws -> URL {
        let url = folder.url.appendingPathComponent(layout == .zip ? name + ".zip" : name)
        try writer.write(archive, to: url, layout: layout)
        return url
    }

    /// A directory archive whose members are exactly `members` (name relative to the root, text).
    func directory(_ members: [String: String]) throws -> URL {
        let root = folder.url.appendingPathComponent("hand-\(UUID().uuidString)")
        for (name, text) in members { try write(text, to: root.appendingPathComponent(name)) }
        return root
    }

    static let manifestWithoutDataTypes = """
        window.__THAR_CONFIG = { "userInfo" : { "accountId" : "783214" },
          "archiveInfo" : { "generationDate" : "2026-10-30T17:04:11.000Z" } }
        """

    static let account = """
        window.YTD.account.part0 = [ { "account" : { "accountId" : "783214", "createdAt" : "2012-04-27T17:35:40.000Z" } } ]
        """

    func readError(_ url: URL) throws -> (SocialExportError, [String]) {
        var reader = try XArchiveReader(url: url)
        let error = try #require(throws: SocialExportError.self) { try reader.read() }
        return (error, reader.openedMembers)
    }

    @Test func readsPartsInTheOrderTheManifestLists() throws {
        var archive = Sample.archive
        archive.phoneNumbers = (0..<5).map { XPhoneNumber(phoneNumber: "+1415555267\($0)") }
        archive.screenNameChanges = (0..<3).map {
            XScreenNameChange(
                accountID: "783214", changedAt: Sample.time("2015-03-0\($0 + 1)T08:00:00Z"), changedTo: "h\($0)")
        }
        let writer = XArchiveWriter(maximumEntriesPerPart: 2)
        let names = try writer.members(of: archive).map(\.name)
        #expect(names.contains("data/phone-number-part2.js"))
        #expect(names.contains("data/screen-name-change-part1.js"))

        for layout in [XArchiveWriter.Layout.zip, .directory] {
            var reader = try XArchiveReader(url: try written(archive, layout: layout, name: "parts", writer: writer))
            let read = try reader.read()
            #expect(read == archive)
            #expect(
                reader.openedMembers.filter { $0.hasPrefix("data/phone-number") } == [
                    "data/phone-number.js", "data/phone-number-part1.js", "data/phone-number-part2.js",
                ])
            try FileManager.default.removeItem(at: reader.url)
        }
    }

    @Test func stripsTheAssignmentWhateverItsSpacing() throws {
        let url = try directory([
            "data/manifest.js": Self.manifestWithoutDataTypes,
            "data/account.js": Self.account,
            // A byte order mark, no spaces around '=', a trailing semicolon and newline.
            "data/phone-number.js":
                "\u{FEFF}window.YTD.phone_number.part0=[{\"device\":{\"phoneNumber\":\"+14155552671\"}}];\n",
            "data/email-address-change.js": """
            window.YTD.email_address_change.part0 =
            [ { "emailAddressChange" : { "accountId" : "783214",
                "emailChange" : { "changedAt" : "2020-06-01T10:00:00.000Z", "changedTo" : "a@example.com" } } } ]
            """,
        ])
        var reader = try XArchiveReader(url: url)
        let archive = try reader.read()
        #expect(archive.phoneNumbers == [XPhoneNumber(phoneNumber: "+14155552671")])
        #expect(archive.emailAddressChanges.map(\.changedAt) == [Sample.time("2020-06-01T10:00:00Z")])
    }

    @Test func treatsMissingFilesAsEmpty() throws {
        // The manifest does not list the data types, and only account.js exists.
        var reader = try XArchiveReader(
            url: try directory(["data/manifest.js": Self.manifestWithoutDataTypes, "data/account.js": Self.account]))
        let archive = try reader.read()
        #expect(archive.account?.createdAt == Sample.time("2012-04-27T17:35:40Z"))
        #expect(archive.phoneNumbers.isEmpty && archive.emailAddressChanges.isEmpty)
        #expect(archive.screenNameChanges.isEmpty && archive.verifiedBadge == nil)
        #expect(reader.openedMembers == ["data/manifest.js", "data/account.js"])

        // The writer lists empty data types with count 0 and writes no file for them.
        var sparse = Sample.archive
        sparse.phoneNumbers = []
        sparse.verifiedBadge = nil
        sparse.account = nil
        var sparseReader = try XArchiveReader(url: try written(sparse, layout: .zip))
        #expect(try sparseReader.read() == sparse)
        #expect(!sparseReader.openedMembers.contains("data/phone-number.js"))
    }

    @Test func refusesAMissingFileTheManifestCounts() throws {
        let manifest = """
            window.__THAR_CONFIG = { "userInfo" : { "accountId" : "783214" },
              "archiveInfo" : { "generationDate" : "2026-10-30T17:04:11.000Z" },
              "dataTypes" : { "phoneNumber" : { "files" : [ { "fileName" : "data/phone-number.js",
                "globalName" : "YTD.phone_number.part0", "count" : "2" } ] } } }
            """
        let (error, _) = try readError(try directory(["data/manifest.js": manifest]))
        #expect(error.code == .malformed)
        #expect(error.member == "data/phone-number.js")
        #expect(error.message.contains("lists it with 2 entries"))
    }

    /// A manifest cannot steer the reader to another member: a file name outside the data type's
    /// pattern is refused before anything but the manifest is opened.
    @Test(arguments: ["data/direct-messages.js", "data/../data/tweets.js", "/etc/passwd", "data/account-part01.js"])
    func refusesAManifestThatNamesAnotherMember(fileName: String) throws {
        let manifest = """
            window.__THAR_CONFIG = { "userInfo" : { "accountId" : "783214" },
              "archiveInfo" : { "generationDate" : "2026-10-30T17:04:11.000Z" },
              "dataTypes" : { "account" : { "files" : [ { "fileName" : "\(fileName)",
                "globalName" : "YTD.account.part0", "count" : "1" } ] } } }
            """
        let (error, opened) = try readError(
            try directory([
                "data/manifest.js": manifest, "data/direct-messages.js": "window.YTD.direct_messages.part0 = []",
            ]))
        #expect(error.member == "data/manifest.js")
        #expect(error.field?.description == "/dataTypes/account/files/0/fileName")
        #expect(opened == ["data/manifest.js"])
    }

    @Test func refusesAFileThatAssignsAnotherGlobal() throws {
        let (error, _) = try readError(
            try directory([
                "data/manifest.js": Self.manifestWithoutDataTypes, "data/account.js": Self.account,
                "data/phone-number.js":
                    #"window.YTD.tweets.part0 = [ { "device" : { "phoneNumber" : "+14155552671" } } ]"#,
            ]))
        #expect(error.code == .malformed)
        #expect(error.member == "data/phone-number.js")
        #expect(error.message.contains("expected window.YTD.phone_number.part0"))
    }

    @Test func reportsBadJSONWithTheMember() throws {
        let (error, _) = try readError(
            try directory([
                "data/manifest.js": Self.manifestWithoutDataTypes,
                "data/account.js": #"window.YTD.account.part0 = [ { "account" : { "accountId" : "783214", } } ]"#,
            ]))
        #expect(error.code == .malformed)
        #expect(error.member == "data/account.js")
        #expect(error.message.contains("is not valid JSON"))
    }

    @Test func reportsAWrongTypeWithItsField() throws {
        let (error, _) = try readError(
            try directory([
                "data/manifest.js": Self.manifestWithoutDataTypes,
                "data/account.js":
                    #"window.YTD.account.part0 = [ { "account" : { "accountId" : "783214", "createdAt" : 1335548140 } } ]"#,
            ]))
        #expect(error.description == "data/account.js: /0/account/createdAt: expected a string, found number")
    }

    @Test func reportsAManifestWithoutGenerationDate() throws {
        let (error, _) = try readError(
            try directory([
                "data/manifest.js":
                    #"window.__THAR_CONFIG = { "userInfo" : { "accountId" : "783214" }, "archiveInfo" : { } }"#
            ]))
        #expect(error.member == "data/manifest.js")
        #expect(error.field?.description == "/archiveInfo/generationDate")
    }

    @Test func refusesSomethingElseThanAnArchive() throws {
        let empty = folder.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(
            throws: SocialExportError(
                .notAnExport, "is a directory without data/manifest.js, so not an unpacked X archive")
        ) {
            try XArchiveReader(url: empty)
        }
        let notZip = folder.url.appendingPathComponent("twitter.zip")
        try write("this is not a zip", to: notZip)
        let error = try #require(throws: SocialExportError.self) { try XArchiveReader(url: notZip) }
        #expect(error.code == .notAnExport)
    }

    @Test func findsTheArchiveInsideOneTopLevelFolderOfAZip() throws {
        let members = try XArchiveWriter().members(of: Sample.archive)
        let url = folder.url.appendingPathComponent("rezipped.zip")
        try ZipFixture.write(members.map { ("twitter-2026-10-30/" + $0.name, $0.bytes) }, to: url)
        var reader = try XArchiveReader(url: url)
        #expect(try reader.read() == Sample.archive)
    }

    @Test func refusesAMemberLargerThanTheLimit() throws {
        var reader = try XArchiveReader(url: try written(layout: .zip), maximumMemberBytes: 200)
        let error = try #require(throws: SocialExportError.self) { try reader.read() }
        #expect(error.code == .malformed)
        #expect(error.message.contains("larger than 200 bytes"))
    }

    @Test func refusesACorruptMember() throws {
        let url = try written(layout: .zip)
        try ZipFixture.corruptData(of: "data/account.js", in: url)
        var reader = try XArchiveReader(url: url)
        let error = try #require(throws: SocialExportError.self) { try reader.read() }
        #expect(error.code == .malformed)
        #expect(error.member == "data/account.js")
    }

    /// The brief's proof: an archive holding posts, messages, followers, following, the address book,
    /// inferred interests and age, each with distinctive content. Only the manifest and allow-listed
    /// members are opened, none of the content surfaces, and corrupting every forbidden member's data
    /// changes nothing (so their data is never read, not even to be discarded).
    @Test(arguments: [XArchiveWriter.Layout.zip, .directory])
    func neverOpensForbiddenMembers(layout: XArchiveWriter.Layout) throws {
        let writer = XArchiveWriter(extraMembers: Sample.forbiddenMembers)
        let url = try written(layout: layout, writer: writer)
        var reader = try XArchiveReader(url: url)
        let archive = try reader.read()

        #expect(archive == Sample.archive)
        #expect(reader.openedMembers.allSatisfy(Sample.isAllowListed))
        #expect(reader.openedMembers.count == 6)
        let everything = String(describing: archive)
        for marker in Sample.forbiddenMarkers { #expect(!everything.contains(marker)) }

        for member in Sample.forbiddenMembers {
            switch layout {
            case .zip: try ZipFixture.corruptData(of: member.memberName, in: url)
            case .directory:
                // A directory where the file was: opening it as a file would fail.
                let file = url.appendingPathComponent(member.memberName)
                try FileManager.default.removeItem(at: file)
                try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
            }
        }
        var again = try XArchiveReader(url: url)
        #expect(try again.read() == Sample.archive)
        #expect(again.openedMembers == reader.openedMembers)
    }
}

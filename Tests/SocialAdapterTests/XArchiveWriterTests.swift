import CredenceProtocol
import CredenceTesting
import Foundation
import SocialExports
import Testing

@Suite struct XArchiveWriterTests {
    @Test(arguments: [XArchiveWriter.Layout.zip, .directory])
    func roundTrips(layout: XArchiveWriter.Layout) throws {
        let folder = try TemporaryDirectory(prefix: "x-writer")
        let url = folder.url.appendingPathComponent(
            layout == .zip ? "twitter-2026-10-30-a1b2.zip" : "twitter-2026-10-30-a1b2")
        try XArchiveWriter(extraMembers: Sample.forbiddenMembers).write(Sample.archive, to: url, layout: layout)
        var reader = try XArchiveReader(url: url)
        #expect(try reader.read() == Sample.archive)
    }

    @Test func writesFilesAsXDoes() throws {
        let members = try XArchiveWriter(extraMembers: Sample.forbiddenMembers).members(of: Sample.archive)
        let byName = Dictionary(
            uniqueKeysWithValues: members.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
        #expect(members.first?.name == "data/manifest.js")
        let account = try #require(byName["data/account.js"])
        #expect(account.hasPrefix("window.YTD.account.part0 = [\n  {\n    \"account\" : {\n"))
        #expect(account.contains("\"createdAt\" : \"2012-04-27T17:35:40.000Z\""))
        #expect(byName["data/phone-number.js"]?.hasPrefix("window.YTD.phone_number.part0 = [") == true)
        let manifest = try #require(byName["data/manifest.js"])
        #expect(manifest.hasPrefix("window.__THAR_CONFIG = {"))
        // The forbidden members are listed in the manifest like any other data type, and written as given.
        #expect(manifest.contains("\"fileName\" : \"data/direct-messages.js\""))
        #expect(byName["data/direct-messages.js"]?.contains("FORBIDDEN-DM-91aa") == true)
        #expect(Set(byName.keys).isSuperset(of: Sample.forbiddenMembers.map(\.memberName)))
    }

    @Test func refusesToOverwrite() throws {
        let folder = try TemporaryDirectory(prefix: "x-writer")
        let url = folder.url.appendingPathComponent("twitter.zip")
        try XArchiveWriter().write(Sample.archive, to: url, layout: .zip)
        let error = try #require(throws: SocialExportError.self) {
            try XArchiveWriter().write(Sample.archive, to: url, layout: .zip)
        }
        #expect(error.code == .unwritable)
    }

    @Test func refusesAnExtraMemberThatWouldShadowTheAllowList() throws {
        let shadow = XArchiveExtraMember(
            manifestKey: "account", memberName: "data/account.js", globalName: "YTD.account.part0", entries: [])
        #expect(throws: SocialExportError.self) {
            try XArchiveWriter(extraMembers: [shadow]).members(of: Sample.archive)
        }
    }
}

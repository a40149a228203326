import AdapterCore
import CredenceIdentity
import CredenceProtocol
import Foundation
import SocialExports

/// The fixtures of this test target, found next to this file.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func url(_ relativePath: String) -> URL { directory.appendingPathComponent(relativePath) }
}

/// Test values shared by the suites: one archive owner, one claims subject, one linkage key.
enum Sample {
    static let linkageKey = try! LinkageKey(bytes: (1...32).map { UInt8($0) })

    static func context(region: PhoneRegion? = nil) -> RecordContext {
        RecordContext(partnerID: try! PartnerID("platform-chirp"), linkageKey: linkageKey, defaultRegion: region)
    }

    static func time(_ text: String) -> Timestamp { try! Timestamp(text) }

    /// An archive with every allow-listed data type filled in.
    static let archive = XArchive(
        accountID: "783214", userName: "chirpy_jane", displayName: "Jane Q. Chirp",
        generationDate: time("2026-10-30T17:04:11Z"),
        account: XAccount(
            accountID: "783214", username: "chirpy_jane", displayName: "Jane Q. Chirp", email: "Jane.Chirp@Example.com",
            createdAt: time("2012-04-27T17:35:40Z"), createdVia: "web"),
        phoneNumbers: [XPhoneNumber(phoneNumber: "+14155552671")],
        emailAddressChanges: [
            XEmailAddressChange(
                accountID: "783214", changedAt: time("2020-06-01T10:00:00Z"), changedFrom: "old.jane@example.org",
                changedTo: "jane.chirp@example.com")
        ],
        screenNameChanges: [
            XScreenNameChange(
                accountID: "783214", changedAt: time("2015-03-02T08:00:00Z"), changedFrom: "jane_old",
                changedTo: "chirpy_jane")
        ],
        verifiedBadge: XVerifiedBadge(accountID: "783214", verified: true))

    /// Markers planted in members the reader must never open; none may appear anywhere in what it returns.
    static let forbiddenMarkers = [
        "FORBIDDEN-TWEET-7c1e", "FORBIDDEN-DM-91aa", "FORBIDDEN-FOLLOWER-22b0", "FORBIDDEN-FOLLOWING-5d3c",
        "FORBIDDEN-CONTACT-e4f1", "FORBIDDEN-INTEREST-0b9d", "FORBIDDEN-AGE-1977-07-07",
    ]

    /// Members of every forbidden kind the brief names, each holding a marker.
    static var forbiddenMembers: [XArchiveExtraMember] {
        func member(_ key: String, _ stem: String, _ global: String, _ json: String) -> XArchiveExtraMember {
            XArchiveExtraMember(
                manifestKey: key, memberName: "data/\(stem).js", globalName: "YTD.\(global).part0",
                entries: [try! StrictJSONParser.parse(Array(json.utf8))])
        }
        return [
            member("tweets", "tweets", "tweets", #"{"tweet": {"full_text": "FORBIDDEN-TWEET-7c1e", "id_str": "1"}}"#),
            member(
                "directMessages", "direct-messages", "direct_messages",
                #"{"dmConversation": {"messages": [{"messageCreate": {"text": "FORBIDDEN-DM-91aa"}}]}}"#),
            member("follower", "follower", "follower", #"{"follower": {"accountId": "FORBIDDEN-FOLLOWER-22b0"}}"#),
            member("following", "following", "following", #"{"following": {"accountId": "FORBIDDEN-FOLLOWING-5d3c"}}"#),
            member(
                "contact", "contact", "contact",
                #"{"contact": {"emails": ["FORBIDDEN-CONTACT-e4f1@example.com"], "phoneNumbers": ["+15550001111"]}}"#),
            member(
                "personalization", "personalization", "personalization",
                #"{"p13nData": {"interests": {"interests": [{"name": "FORBIDDEN-INTEREST-0b9d"}]}}}"#),
            member(
                "ageinfo", "ageinfo", "ageinfo",
                #"{"ageMeta": {"ageInfo": {"age": ["13-54"], "birthDate": "FORBIDDEN-AGE-1977-07-07"}}}"#),
        ]
    }

    /// The member names of the manifest and the allow-listed data types, every part.
    static func isAllowListed(_ member: String) -> Bool {
        member == "data/manifest.js" || XArchiveDataType.allowListed(memberName: member) != nil
    }
}

extension SourceDocument {
    /// Every remaining unit of the document.
    mutating func readAll() throws(SourceFileError) -> [SourceItem] {
        var items: [SourceItem] = []
        while let item = try next() { items.append(item) }
        return items
    }
}

extension SourceItem {
    var records: [Record]? { try? outcome.get() }

    var rejection: SourceRejection? {
        if case .failure(let rejection) = outcome { rejection } else { nil }
    }
}

extension Record {
    var socialFact: SocialAccountFact? {
        if case .socialAccountFact(let fact) = fact { fact } else { nil }
    }
}

/// Writes `text` to `url`, creating folders on the way.
func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// A batch holding `records`, as the adapter kit would seal it, and its serialized bytes as text.
func serializedBatch(_ records: [Record], format: SourceFormat) -> (batch: Batch, text: String) {
    let batch = Batch(
        partnerID: try! PartnerID("platform-chirp"), partnerKind: .social, audience: try! PartnerID("credence-dev"),
        keyEpoch: 1, batchSeq: 1, prevBatchSha256: nil, createdAt: Sample.time("2026-11-01T04:00:00Z"),
        sourceFormat: format, records: records)
    return (batch, String(decoding: batch.serialized(), as: UTF8.self))
}

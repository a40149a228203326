import CredenceProtocol
public import Foundation

/// Reads an X account archive, a `.zip` or an unpacked directory, through the allow-list: `manifest.js`
/// first, then only the files the manifest lists for the allow-listed data types (``XArchiveDataType``),
/// part by part. No other member is opened, whatever the manifest says; ``openedMembers`` records every
/// member whose data was read, so tests and audits can check it.
///
/// A missing data type file means no entries. A member that is not what the format says throws
/// ``SocialExportError`` with code `malformed`, naming the member and the field.
///
/// ```swift
/// var reader = try XArchiveReader(url: URL(fileURLWithPath: "/exports/twitter-2026-10-30-a1b2c3.zip"))
/// let archive = try reader.read()
/// print(archive.generationDate, reader.openedMembers)
/// ```
public struct XArchiveReader {
    /// The most bytes one allow-listed member may have. They are kilobytes in real archives; the bound
    /// keeps a hostile archive (a zip bomb) from exhausting memory.
    public static let defaultMaximumMemberBytes = 64 * 1024 * 1024

    public let url: URL
    public let maximumMemberBytes: Int
    /// Every member whose data was read, in order, by name relative to the archive root
    /// (`data/manifest.js`, `data/account.js`, ...).
    public private(set) var openedMembers: [String] = []
    private let store: XArchiveMemberStore

    /// Opens the archive and checks that it has `data/manifest.js`; no member is read yet. Throws with
    /// code `notAnExport` when `url` is neither a zip nor a directory holding an X archive.
    public init(url: URL, maximumMemberBytes: Int = defaultMaximumMemberBytes) throws(SocialExportError) {
        self.url = url
        self.maximumMemberBytes = maximumMemberBytes
        self.store = try XArchiveMemberStore(url: url)
    }

    /// Reads the manifest and the allow-listed members.
    public mutating func read() throws(SocialExportError) -> XArchive {
        guard let manifestValue = try value(of: XArchiveManifest.memberName, global: XArchiveManifest.globalName)
        else {
            throw SocialExportError(.notAnExport, member: XArchiveManifest.memberName, "is missing")
        }
        let manifest: XArchiveManifest
        do {
            manifest = try XArchiveManifest(manifestValue)
        } catch {
            throw error.inMember(XArchiveManifest.memberName)
        }
        let accounts = try entries(XAccount.self, manifest: manifest)
        let badges = try entries(XVerifiedBadge.self, manifest: manifest)
        if accounts.count > 1 { throw Self.oneOnly(.account, accounts.count) }
        if badges.count > 1 { throw Self.oneOnly(.verified, badges.count) }
        return XArchive(
            accountID: manifest.accountID, userName: manifest.userName, displayName: manifest.displayName,
            generationDate: manifest.generationDate, isPartialArchive: manifest.isPartialArchive,
            account: accounts.first, phoneNumbers: try entries(XPhoneNumber.self, manifest: manifest),
            emailAddressChanges: try entries(XEmailAddressChange.self, manifest: manifest),
            screenNameChanges: try entries(XScreenNameChange.self, manifest: manifest), verifiedBadge: badges.first)
    }

    /// The entries of one allow-listed data type, from every part the manifest lists (or `part0` when
    /// the manifest does not list the type). Every entry that names an account must name the owner.
    private mutating func entries<Entry: XArchiveEntry>(_: Entry.Type, manifest: XArchiveManifest)
        throws(SocialExportError) -> [Entry]
    {
        let type = Entry.dataType
        let files = manifest.files[type] ?? [.init(part: 0, globalName: type.globalName(part: 0), count: nil)]
        var result: [Entry] = []
        for file in files {
            let member = type.memberName(part: file.part)
            guard let value = try value(of: member, global: file.globalName) else {
                if let count = file.count, count > 0 {
                    throw SocialExportError(
                        .malformed, member: member, "is missing, but manifest.js lists it with \(count) entries")
                }
                continue
            }
            guard case .array(let elements) = value else {
                throw SocialExportError(
                    .malformed, member: member, field: .root, "expected a JSON array, found \(value.typeName)")
            }
            for (index, element) in elements.enumerated() {
                let pointer = JSONPointer.root.appending(index: index)
                let entry: Entry
                do {
                    entry = try Entry(entry: element, at: pointer)
                } catch {
                    throw error.inMember(member)
                }
                if let owner = entry.ownerAccountID, owner != manifest.accountID {
                    throw SocialExportError(
                        .malformed, member: member, field: pointer.appending(Entry.wrapperKey).appending("accountId"),
                        "is not the archive owner's account id (manifest.js userInfo.accountId)")
                }
                result.append(entry)
            }
        }
        return result
    }

    /// The JSON value a member assigns, or nil when the archive has no such member.
    private mutating func value(of member: String, global: String) throws(SocialExportError) -> JSONValue? {
        guard store.contains(member) else { return nil }
        openedMembers.append(member)
        do {
            let bytes = try store.contents(of: member, limit: maximumMemberBytes)
            return try XArchiveScript.value(of: bytes, expectedGlobal: global)
        } catch {
            throw error.inMember(member)
        }
    }

    private static func oneOnly(_ type: XArchiveDataType, _ count: Int) -> SocialExportError {
        SocialExportError(
            .malformed, member: type.memberName(part: 0), field: .root,
            "holds \(count) entries; an archive is one account's and has one")
    }
}

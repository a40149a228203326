import CredenceProtocol
public import Foundation
import ZIPFoundation

/// Writes an X account archive as X does: `data/manifest.js` and one JavaScript-wrapped file per data
/// type and part, as a zip or as an unpacked directory. The data simulator uses it to produce the social
/// partner's exports; tests use it for round trips through ``XArchiveReader``.
///
/// Empty data types get no file and a manifest entry with count 0, as in real archives.
///
/// ```swift
/// let writer = XArchiveWriter(maximumEntriesPerPart: 100, extraMembers: [tweets])
/// try writer.write(archive, to: URL(fileURLWithPath: "/tmp/twitter-2026-10-30-a1b2c3.zip"), layout: .zip)
/// ```
public struct XArchiveWriter: Sendable {
    public enum Layout: Sendable {
        /// A zip file, deflated, with `data/` at its root.
        case zip
        /// A directory holding `data/`.
        case directory
    }

    /// Splits a data type into `part0`, `part1`, ... files of at most this many entries each.
    public var maximumEntriesPerPart: Int
    /// Members of data types this project does not read, listed in the manifest and written as given.
    public var extraMembers: [XArchiveExtraMember]

    public init(maximumEntriesPerPart: Int = .max, extraMembers: [XArchiveExtraMember] = []) {
        self.maximumEntriesPerPart = max(1, maximumEntriesPerPart)
        self.extraMembers = extraMembers
    }

    /// Writes the archive at `url`, which must not exist yet.
    public func write(_ archive: XArchive, to url: URL, layout: Layout) throws(SocialExportError) {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw SocialExportError(
                .unwritable, "\(url.lastPathComponent) already exists; archives are not overwritten")
        }
        let members = try members(of: archive)
        do {
            switch layout {
            case .zip: try Self.writeZip(members, to: url)
            case .directory: try Self.writeDirectory(members, to: url)
            }
        } catch {
            throw SocialExportError(.unwritable, "cannot write \(url.lastPathComponent): \(error)")
        }
    }

    /// The archive's members, name and bytes, the manifest first.
    public func members(of archive: XArchive) throws(SocialExportError) -> [(name: String, bytes: [UInt8])] {
        var files: [XArchiveDataType: [XArchiveManifest.DataFile]] = [:]
        var members: [(name: String, bytes: [UInt8])] = []
        func add<Entry: XArchiveEntry>(_ entries: [Entry]) {
            let type = Entry.dataType
            guard !entries.isEmpty else {
                files[type] = [.init(part: 0, globalName: type.globalName(part: 0), count: 0)]
                return
            }
            var listed: [XArchiveManifest.DataFile] = []
            for (part, start) in stride(from: 0, to: entries.count, by: maximumEntriesPerPart).enumerated() {
                let chunk = entries[start..<min(entries.count, start + maximumEntriesPerPart)]
                let global = type.globalName(part: part)
                let text = XArchiveScript.text(global: global, value: .array(chunk.map(\.entry)))
                members.append((type.memberName(part: part), text))
                listed.append(.init(part: part, globalName: global, count: chunk.count))
            }
            files[type] = listed
        }
        add(archive.account.map { [$0] } ?? [])
        add(archive.phoneNumbers)
        add(archive.emailAddressChanges)
        add(archive.screenNameChanges)
        add(archive.verifiedBadge.map { [$0] } ?? [])
        var otherTypes: [String: [(fileName: String, globalName: String, count: Int)]] = [:]
        for extra in extraMembers {
            guard extra.memberName != XArchiveManifest.memberName,
                XArchiveDataType.allowListed(memberName: extra.memberName) == nil,
                XArchiveDataType(rawValue: extra.manifestKey) == nil
            else {
                throw SocialExportError(
                    .unwritable, member: extra.memberName,
                    "is an allow-listed member or the manifest; write it through XArchive instead")
            }
            members.append(
                (extra.memberName, XArchiveScript.text(global: extra.globalName, value: .array(extra.entries))))
            otherTypes[extra.manifestKey, default: []].append((extra.memberName, extra.globalName, extra.entries.count))
        }
        let manifest = XArchiveManifest(
            accountID: archive.accountID, userName: archive.userName, displayName: archive.displayName,
            generationDate: archive.generationDate, isPartialArchive: archive.isPartialArchive, files: files)
        let manifestValue = manifest.value(otherTypes: otherTypes.map { ($0.key, $0.value) })
        let manifestBytes = XArchiveScript.text(global: XArchiveManifest.globalName, value: manifestValue)
        return [(XArchiveManifest.memberName, manifestBytes)] + members
    }

    private static func writeZip(_ members: [(name: String, bytes: [UInt8])], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for member in members {
            let bytes = member.bytes
            try archive.addEntry(
                with: member.name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                Data(bytes[Int(position)..<(Int(position) + size)])
            }
        }
    }

    private static func writeDirectory(_ members: [(name: String, bytes: [UInt8])], to url: URL) throws {
        for member in members {
            let file = url.appendingPathComponent(member.name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(member.bytes).write(to: file, options: .withoutOverwriting)
        }
    }
}

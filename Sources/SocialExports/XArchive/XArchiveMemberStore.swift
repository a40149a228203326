import CredenceProtocol
import Foundation
import ZIPFoundation

/// Where an archive's members live: a zip file or an unpacked directory. Finding a member reads names
/// only (the zip's central directory, or the file system); ``contents(of:limit:)`` is the one place that
/// reads a member's data, and it is given only the manifest and allow-listed member names.
enum XArchiveMemberStore {
    /// A zip, with the entries that could ever be read, keyed by their name relative to the archive root.
    case zip(Archive, entries: [String: Entry])
    case directory(URL)

    /// Opens `url`: a directory is an unpacked archive, anything else must be a zip. The archive root is
    /// the zip's root or, for a zip of an unpacked folder, its one top-level folder.
    init(url: URL) throws(SocialExportError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw SocialExportError(.notAnExport, "does not exist")
        }
        if isDirectory.boolValue {
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(XArchiveManifest.memberName).path)
            else {
                throw SocialExportError(
                    .notAnExport, "is a directory without \(XArchiveManifest.memberName), so not an unpacked X archive")
            }
            self = .directory(url)
            return
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SocialExportError(.notAnExport, "is not a readable zip file (\(error))")
        }
        self = .zip(archive, entries: try Self.readableEntries(of: archive))
    }

    /// The manifest and allow-listed entries, by name relative to the archive root.
    private static func readableEntries(of archive: Archive) throws(SocialExportError) -> [String: Entry] {
        var byRoot: [String: [String: Entry]] = [:]
        for entry in archive {
            let components = entry.path.split(separator: "/", omittingEmptySubsequences: false)
            let root: String
            let name: String
            if components.count == 2, components[0] == "data" {
                (root, name) = ("", entry.path)
            } else if components.count == 3, components[1] == "data", !components[0].isEmpty {
                (root, name) = (String(components[0]) + "/", components[1...].joined(separator: "/"))
            } else {
                continue
            }
            guard name == XArchiveManifest.memberName || XArchiveDataType.allowListed(memberName: name) != nil
            else { continue }
            if byRoot[root, default: [:]][name] == nil { byRoot[root, default: [:]][name] = entry }
        }
        let roots = byRoot.filter { $0.value[XArchiveManifest.memberName] != nil }.keys
        if roots.contains("") { return byRoot[""]! }
        guard let root = roots.first else {
            throw SocialExportError(
                .notAnExport, "is a zip without \(XArchiveManifest.memberName), so not an X archive")
        }
        guard roots.count == 1 else {
            throw SocialExportError(
                .notAnExport, "holds \(roots.count) folders with \(XArchiveManifest.memberName); expected one archive")
        }
        return byRoot[root]!
    }

    /// Whether the archive has the member; reads names only.
    func contains(_ member: String) -> Bool {
        switch self {
        case .zip(_, let entries): entries[member] != nil
        case .directory(let root):
            (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(member).path)) != nil
        }
    }

    /// The member's bytes. Refuses members over `limit` bytes, links and directories.
    func contents(of member: String, limit: Int) throws(SocialExportError) -> [UInt8] {
        switch self {
        case .zip(let archive, let entries):
            guard let entry = entries[member] else { throw Self.vanished(member) }
            return try Self.extract(entry, from: archive, member: member, limit: limit)
        case .directory(let root):
            return try Self.read(root.appendingPathComponent(member), member: member, limit: limit)
        }
    }

    private static func vanished(_ member: String) -> SocialExportError {
        SocialExportError(.unreadable, member: member, "disappeared while the archive was read")
    }

    private struct TooLarge: Error {}

    private static func extract(_ entry: Entry, from archive: Archive, member: String, limit: Int)
        throws(SocialExportError) -> [UInt8]
    {
        guard entry.type == .file else {
            throw SocialExportError(.malformed, member: member, "is a \(entry.type) entry, expected a file")
        }
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge(member, limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024) { chunk in
                guard bytes.count + chunk.count <= limit else { throw TooLarge() }
                bytes.append(contentsOf: chunk)
            }
        } catch is TooLarge {
            throw tooLarge(member, limit)
        } catch Archive.ArchiveError.invalidCRC32 {
            throw SocialExportError(.malformed, member: member, "is corrupt: its data does not match its CRC-32")
        } catch {
            throw SocialExportError(.malformed, member: member, "cannot be decompressed (\(error))")
        }
        return bytes
    }

    private static func read(_ url: URL, member: String, limit: Int) throws(SocialExportError) -> [UInt8] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            throw vanished(member)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw SocialExportError(
                .malformed, member: member, "is not a regular file (links and directories are not followed)")
        }
        if let size = attributes[.size] as? Int, size > limit { throw tooLarge(member, limit) }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else { throw tooLarge(member, limit) }
            return [UInt8](data)
        } catch let error as SocialExportError {
            throw error
        } catch {
            throw SocialExportError(.unreadable, member: member, "cannot be read (\(error.localizedDescription))")
        }
    }

    private static func tooLarge(_ member: String, _ limit: Int) -> SocialExportError {
        SocialExportError(
            .malformed, member: member,
            "is larger than \(limit) bytes, far more than an account's \(member) holds; it is not read")
    }
}

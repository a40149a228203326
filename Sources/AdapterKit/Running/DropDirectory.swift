import Foundation

/// The drop directory of watch mode, listed on every poll. A file is ready once it looks the same (size
/// and modification time) on two listings in a row, so a file still being copied in is not read half;
/// hidden files and `*.tmp`, `*.part`, `*.partial` names are never taken (write there, then rename).
/// Each file is handed out once per form: a file replaced by another of the same name is new again (the
/// outbox's content hash decides whether it was processed before).
struct DropDirectory {
    /// What a listing sees of an entry; for a directory (an archive), of all its files.
    struct Signature: Equatable {
        let size: UInt64
        let modified: Date
        let members: Int
    }

    let url: URL
    private var previous: [String: Signature] = [:]
    private var handedOut: [String: Signature] = [:]

    init(url: URL) { self.url = url }

    /// Entries that are stable and not handed out in this form, in name order.
    mutating func readyEntries() throws(AdapterError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw AdapterError(
                .directory, "cannot list the drop directory '\(url.path)': \(error.localizedDescription)")
        }
        var current: [String: Signature] = [:]
        for name in names where Self.isCandidate(name) {
            if let signature = Self.signature(of: url.appendingPathComponent(name)) { current[name] = signature }
        }
        let ready = current.keys.sorted().filter { name in
            current[name] == previous[name] && handedOut[name] != current[name]
        }
        for name in ready { handedOut[name] = current[name] }
        previous = current
        return ready.map { url.appendingPathComponent($0) }
    }

    static func isCandidate(_ name: String) -> Bool {
        !name.hasPrefix(".") && ![".tmp", ".part", ".partial"].contains(where: { name.hasSuffix($0) })
    }

    private static func signature(of entry: URL) -> Signature? {
        let keys: Set<URLResourceKey> = [.isDirectoryKey, .fileSizeKey, .contentModificationDateKey]
        guard let values = try? entry.resourceValues(forKeys: keys) else { return nil }
        guard values.isDirectory == true else {
            return Signature(
                size: UInt64(values.fileSize ?? 0), modified: values.contentModificationDate ?? .distantPast, members: 1
            )
        }
        guard let members = try? SourceFileIdentity.regularFiles(under: entry) else { return nil }
        var size: UInt64 = 0
        var modified = values.contentModificationDate ?? .distantPast
        for (_, file) in members {
            let fileValues = try? file.resourceValues(forKeys: keys)
            size += UInt64(fileValues?.fileSize ?? 0)
            modified = max(modified, fileValues?.contentModificationDate ?? .distantPast)
        }
        return Signature(size: size, modified: modified, members: members.count)
    }
}

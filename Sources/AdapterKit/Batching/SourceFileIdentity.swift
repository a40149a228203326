import CredenceProtocol
import Crypto
public import Foundation

/// What makes two source files the same: the SHA-256 of their content and their base name. A file
/// dropped twice (or copied under the same name) is processed once; the same content under another
/// name, or a corrected file under the same name, is new.
public struct SourceFileIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Lower-case hex SHA-256 of the file's bytes (of a directory: of its files' relative paths, sizes and
    /// bytes, in path order).
    public let contentSHA256: String
    /// The base name, as records' `provenance.file` carry it.
    public let name: String

    public init(contentSHA256: String, name: String) {
        self.contentSHA256 = contentSHA256
        self.name = name
    }

    public var description: String { "\(name) (sha256 \(contentSHA256.prefix(12)))" }

    /// Hashes `url`, streaming: a file of any size is read in 1 MiB chunks.
    public static func of(_ url: URL) throws(AdapterError) -> SourceFileIdentity {
        var hasher = SHA256()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw AdapterError(.sourceFile, "\(url.lastPathComponent): no such file")
        }
        if isDirectory.boolValue {
            // Each member is framed by its path and its length, so that two directories cannot hash alike by
            // moving bytes from one file to the next.
            for (relative, file) in try regularFiles(under: url) {
                hasher.update(data: Array(relative.utf8) + [0])
                let size = try hash(file, into: &hasher)
                hasher.update(data: Array("\n\(size)\n".utf8))
            }
        } else {
            _ = try hash(url, into: &hasher)
        }
        return SourceFileIdentity(contentSHA256: Hex.encode(hasher.finalize()), name: url.lastPathComponent)
    }

    /// The regular files below `directory` with their paths relative to it, sorted by path.
    static func regularFiles(under directory: URL) throws(AdapterError) -> [(String, URL)] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            throw AdapterError(.sourceFile, "\(directory.lastPathComponent): cannot list the directory")
        }
        let base = directory.standardizedFileURL.path + "/"
        var files: [(String, URL)] = []
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = file.standardizedFileURL.path
            files.append((path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path, file))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// Feeds the file's bytes to `hasher`; returns its size.
    private static func hash(_ url: URL, into hasher: inout SHA256) throws(AdapterError) -> UInt64 {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw AdapterError(.sourceFile, "\(url.lastPathComponent): cannot open the file for reading")
        }
        defer { try? handle.close() }
        var size: UInt64 = 0
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw AdapterError(.sourceFile, "\(url.lastPathComponent): read error: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            size += UInt64(chunk.count)
            hasher.update(data: chunk)
        }
        return size
    }
}

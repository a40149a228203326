import CredenceProtocol
public import Foundation

/// Writes OpenID Connect claims as JSON Lines, one compact object per line, buffered: the data simulator
/// writes a million accounts without holding them in memory.
///
/// ```swift
/// var writer = try OIDCClaimsWriter(url: URL(fileURLWithPath: "/tmp/claims.jsonl"))
/// for claims in population { try writer.append(claims) }
/// try writer.close()
/// ```
public struct OIDCClaimsWriter {
    private let handle: FileHandle
    private let url: URL
    private var pending: [UInt8] = []
    private static let flushThreshold = 1 << 20

    /// Creates `url`, which must not exist yet.
    public init(url: URL) throws(SocialExportError) {
        self.url = url
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw SocialExportError(
                .unwritable, "\(url.lastPathComponent) already exists; claims files are not overwritten")
        }
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else {
            throw SocialExportError(.unwritable, "cannot create \(url.lastPathComponent)")
        }
        self.handle = handle
    }

    /// Writes every claims object of `claims` to a new file at `url`.
    public static func write(_ claims: some Sequence<OIDCClaims>, to url: URL) throws(SocialExportError) {
        var writer = try OIDCClaimsWriter(url: url)
        for element in claims { try writer.append(element) }
        try writer.close()
    }

    public mutating func append(_ claims: OIDCClaims) throws(SocialExportError) {
        pending.append(contentsOf: claims.json.serialized())
        pending.append(0x0A)
        if pending.count >= Self.flushThreshold { try flush() }
    }

    /// Writes what is buffered and closes the file.
    public mutating func close() throws(SocialExportError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw SocialExportError(
                .unwritable, "cannot close \(url.lastPathComponent) (\(error.localizedDescription))")
        }
    }

    private mutating func flush() throws(SocialExportError) {
        guard !pending.isEmpty else { return }
        do {
            try handle.write(contentsOf: pending)
        } catch {
            throw SocialExportError(
                .unwritable, "cannot write \(url.lastPathComponent) (\(error.localizedDescription))")
        }
        pending.removeAll(keepingCapacity: true)
    }
}

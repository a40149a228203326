public import AdapterCore
public import CredenceProtocol
public import Foundation
import SocialExports

/// The social adapter's source reader: X account archives and OpenID Connect claims become
/// `social_account_fact` records.
///
/// - An X archive, a `.zip` (or any file that starts as a zip does) or a directory holding
///   `data/manifest.js`, is one unit and one record (`x-archive`). A directory is always one archive:
///   it is never walked for other files. Only the manifest and the allow-listed members are opened
///   (``XArchiveDataType``).
/// - A claims file, `.jsonl`/`.ndjson` (JSON Lines) or `.json` (an object, an array of objects, or
///   objects one after another), gives one unit per claims object (`oidc-claims`).
///
/// ```swift
/// let reader = SocialSourceReader()
/// var document = try reader.open(URL(fileURLWithPath: "twitter-2026-10-30-a1b2c3.zip"), context: context)
/// while let item = try document.next() { ... }
/// ```
public struct SocialSourceReader: SourceReader {
    public let partnerKind = PartnerKind.social

    public init() {}

    /// An unpacked archive is a directory with `data/manifest.js`; any other directory is a folder of
    /// archives and claims files.
    public func isOneExport(directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("data/manifest.js").path)
    }

    public func open(_ url: URL, context: RecordContext) throws(SourceFileError) -> any SourceDocument {
        let fileName = url.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw SourceFileError(file: fileName, message: "does not exist")
        }
        do {
            if isDirectory.boolValue || url.pathExtension.lowercased() == "zip" || Self.startsLikeZip(url) {
                return XArchiveDocument(reader: try XArchiveReader(url: url), context: context, fileName: fileName)
            }
            if OIDCClaimsReader.fileExtensions.contains(url.pathExtension.lowercased()) {
                return OIDCClaimsDocument(reader: try OIDCClaimsReader(url: url), context: context, fileName: fileName)
            }
        } catch {
            throw SourceFileError(file: fileName, message: error.description)
        }
        throw SourceFileError(
            file: fileName,
            message: "is not a social export: expected an X archive (a .zip, or a directory with data/manifest.js) "
                + "or OpenID Connect claims (.json, .jsonl, .ndjson)")
    }

    /// Whether the file starts with a zip local file header (`PK\u{3}\u{4}`).
    private static func startsLikeZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)).map { [UInt8]($0) } == [0x50, 0x4B, 0x03, 0x04]
    }
}

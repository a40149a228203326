import CredenceProtocol
public import Foundation

/// Reads a file of OpenID Connect claims objects one at a time: JSON Lines (`.jsonl`, `.ndjson`), or
/// `.json` holding one object, an array of objects, or objects one after another. Large files stream:
/// memory holds one object at a time.
///
/// A claims object that is not valid JSON or not valid claims is returned as a failed entry with its
/// line, and reading goes on; only a file that cannot be split into values any further throws.
///
/// ```swift
/// var reader = try OIDCClaimsReader(url: URL(fileURLWithPath: "userinfo-2026-10.jsonl"))
/// while let entry = try reader.next() {
///     switch entry.claims {
///     case .success(let claims): print(entry.line, claims.subject)
///     case .failure(let error): print(entry.line, error)
///     }
/// }
/// ```
public struct OIDCClaimsReader {
    /// One claims object of the file and where it starts.
    public struct Entry: Sendable {
        /// 1-based line where the object starts.
        public var line: Int
        /// 0-based byte offset where the object starts.
        public var offset: Int64
        /// 0-based index of the object in the file.
        public var ordinal: Int
        public var claims: Result<OIDCClaims, SocialExportError>
    }

    /// File name extensions read as JSON Lines.
    public static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]
    /// File name extensions of claims files.
    public static let fileExtensions: Set<String> = jsonLinesExtensions.union(["json"])

    private var stream: JSONTextStream
    private var ordinal = 0

    /// Opens `url`; the layout follows its extension (JSON Lines) or its first character (`[`).
    public init(url: URL) throws(SocialExportError) {
        let isLines = Self.jsonLinesExtensions.contains(url.pathExtension.lowercased())
        stream = try JSONTextStream(url: url, layout: isLines ? .lines : nil)
    }

    /// The next claims object, or nil at the end of the file.
    public mutating func next() throws(SocialExportError) -> Entry? {
        guard let value = try stream.next() else { return nil }
        defer { ordinal += 1 }
        let claims: Result<OIDCClaims, SocialExportError>
        do throws(SocialExportError) {
            let json: JSONValue
            do {
                json = try StrictJSONParser.parse(value.bytes)
            } catch {
                throw SocialExportError(.malformed, field: error.pointer, "is not valid JSON: \(error.message)")
            }
            claims = .success(try OIDCClaims(json: json))
        } catch {
            claims = .failure(error)
        }
        return Entry(line: value.line, offset: value.offset, ordinal: ordinal, claims: claims)
    }
}

public import CredenceProtocol

/// Why an X archive or an OpenID Connect claims file, or one part of it, cannot be read.
///
/// Messages name the member and the field and say what was expected; they never repeat a value from the
/// export, because exports hold personal identifiers and these messages end up in reject files and logs.
///
/// ```swift
/// do {
///     var reader = try XArchiveReader(url: archiveURL)
///     _ = try reader.read()
/// } catch {
///     print(error)  // data/account.js: /0/account/createdAt: expected an ISO 8601 time, found a number
/// }
/// ```
public struct SocialExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// The file is not an export of this kind at all (no `data/manifest.js`, not a zip, not JSON).
        case notAnExport
        /// The export cannot be read any further: an I/O error, a damaged zip directory, a JSON value
        /// that never ends. Nothing after this point can be trusted.
        case unreadable
        /// One archive member or one claims object is not what the format says; the rest of the
        /// export may still be read.
        case malformed
        /// A writer could not create the export (the destination exists, the disk is full, ...).
        case unwritable
    }

    public let code: Code
    /// The archive member (`data/account.js`) the error is about, if any.
    public let member: String?
    /// The field at fault inside the member or claims object, as a JSON Pointer.
    public let field: JSONPointer?
    /// What was found and what was expected, without the value itself.
    public let message: String

    public init(_ code: Code, member: String? = nil, field: JSONPointer? = nil, _ message: String) {
        self.code = code
        self.member = member
        self.field = field
        self.message = message
    }

    /// The same error, attributed to an archive member.
    func inMember(_ member: String) -> SocialExportError {
        SocialExportError(code, member: member, field: field, message)
    }

    public var description: String {
        var parts: [String] = []
        if let member { parts.append(member) }
        if let field { parts.append(field.tokens.isEmpty ? "(document)" : field.description) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

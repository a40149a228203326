public import AdapterCore
public import CredenceProtocol
import SocialExports

/// A file of OpenID Connect claims opened by ``SocialSourceReader``: one unit per claims object, each
/// one `social_account_fact` record or one rejection naming its line and the claim at fault.
public struct OIDCClaimsDocument: SourceDocument {
    public let format = SourceFormat.oidcClaims
    private var reader: OIDCClaimsReader
    private let context: RecordContext
    private let fileName: String

    init(reader: OIDCClaimsReader, context: RecordContext, fileName: String) {
        self.reader = reader
        self.context = context
        self.fileName = fileName
    }

    public mutating func next() throws(SourceFileError) -> SourceItem? {
        let entry: OIDCClaimsReader.Entry
        do {
            guard let next = try reader.next() else { return nil }
            entry = next
        } catch {
            throw SourceFileError(file: fileName, message: error.description)
        }
        let position = SourcePosition(file: fileName, line: entry.line, ordinal: entry.ordinal)
        func rejection(_ reason: String) -> SourceItem {
            SourceItem(rejection: SourceRejection(position: position, reason: "claims object: " + reason))
        }
        let claims: OIDCClaims
        switch entry.claims {
        case .success(let decoded): claims = decoded
        case .failure(let error): return rejection(error.description)
        }
        do {
            var draft = try claims.socialRecordDraft()
            draft.recordIDSuffix = String(entry.ordinal + 1)
            return SourceItem(position: position, records: [try draft.record(context: context, position: position)])
        } catch {
            return rejection(error.reason)
        }
    }
}

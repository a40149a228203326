public import AdapterCore
public import CredenceProtocol
import SocialExports

/// An X account archive opened by ``SocialSourceReader``: one unit, which becomes one
/// `social_account_fact` record, or one rejection naming the member and field at fault.
public struct XArchiveDocument: SourceDocument {
    public let format = SourceFormat.xArchive
    private var reader: XArchiveReader
    private let context: RecordContext
    private let fileName: String
    private var finished = false

    init(reader: XArchiveReader, context: RecordContext, fileName: String) {
        self.reader = reader
        self.context = context
        self.fileName = fileName
    }

    /// Every archive member whose data was read so far: the manifest and allow-listed members only.
    public var openedMembers: [String] { reader.openedMembers }

    public mutating func next() throws(SourceFileError) -> SourceItem? {
        guard !finished else { return nil }
        finished = true
        let position = SourcePosition(file: fileName, ordinal: 0)
        let archive: XArchive
        do {
            archive = try reader.read()
        } catch {
            // An archive that cannot be read further is refused whole; a malformed member is this unit's fault.
            if error.code == .unreadable { throw SourceFileError(file: fileName, message: error.description) }
            return SourceItem(rejection: SourceRejection(position: position, reason: error.description))
        }
        do {
            let record = try archive.socialRecordDraft().record(context: context, position: position)
            return SourceItem(position: position, records: [record])
        } catch {
            return SourceItem(rejection: SourceRejection(position: position, reason: error.reason))
        }
    }
}

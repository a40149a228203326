public import CredenceProtocol

/// What one seal commits: the records of the next batch (none for a commit of read progress only), the
/// read cursors they complete and the units rejected on the way. A sink commits all of it at once.
public struct BatchDraft: Sendable {
    /// The format of every record of the draft; nil when it holds no records.
    public var format: SourceFormat?
    public var records: [Record]
    /// The latest progress of each file read since the previous draft.
    public var progress: [SourceFileIdentity: FileProgress]
    public var rejects: [RejectedUnit]

    public init(
        format: SourceFormat? = nil, records: [Record] = [], progress: [SourceFileIdentity: FileProgress] = [:],
        rejects: [RejectedUnit] = []
    ) {
        self.format = format
        self.records = records
        self.progress = progress
        self.rejects = rejects
    }

    public var isEmpty: Bool { records.isEmpty && progress.isEmpty && rejects.isEmpty }
}

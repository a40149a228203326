/// How far a source file has been read into sealed batches: its read cursor and counts. The outbox stores
/// it in the same transaction as the batch holding the file's last records, so a restarted adapter resumes
/// reading exactly after what it sealed.
public struct FileProgress: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Equatable, Codable {
        /// Some units are sealed; reading resumes at ``FileProgress/nextOrdinal``.
        case reading
        /// Every unit is sealed (or rejected): the file is never read again.
        case done
        /// The file cannot be read (on open, or from ``FileProgress/nextOrdinal`` on; ``FileProgress/refusal``
        /// says why); units before that point were sealed. A later run tries it again.
        case refused
    }

    public var file: SourceFileIdentity
    /// The ordinal of the first unit not yet sealed: the read cursor.
    public var nextOrdinal: Int
    public var units: Int
    public var records: Int
    public var rejects: Int
    public var state: State
    public var refusal: String?

    public init(
        file: SourceFileIdentity, nextOrdinal: Int = 0, units: Int = 0, records: Int = 0, rejects: Int = 0,
        state: State = .reading, refusal: String? = nil
    ) {
        self.file = file
        self.nextOrdinal = nextOrdinal
        self.units = units
        self.records = records
        self.rejects = rejects
        self.state = state
        self.refusal = refusal
    }

    /// The same progress, finished (`refusal` nil) or refused.
    func ended(refusal: String? = nil) -> FileProgress {
        var next = self
        next.state = refusal == nil ? .done : .refused
        next.refusal = refusal
        return next
    }

    /// The progress after one more unit.
    func advanced(past ordinal: Int, records added: Int, rejected: Bool) -> FileProgress {
        var next = self
        next.nextOrdinal = ordinal + 1
        next.units += 1
        next.records += added
        next.rejects += rejected ? 1 : 0
        return next
    }
}

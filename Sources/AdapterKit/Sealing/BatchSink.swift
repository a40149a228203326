/// Where sealed drafts go: the outbox (a run that pushes) or a folder of envelope files (a dry run).
protocol BatchSink: Sendable {
    /// The sealed progress of a file, nil when this sink has never seen it.
    func progress(of file: SourceFileIdentity) async throws -> FileProgress?
    /// Commits a draft at once: its records as the next batch of the chain (if it has records), the files'
    /// progress and the rejected units.
    func commit(_ draft: BatchDraft) async throws
}

/// A store that can commit several appends in one transaction. An aggregator under load has several
/// verified batches waiting for the store at once; committing them together pays one commit (and with
/// `synchronous=FULL`, one fsync) for all of them instead of one each.
public protocol GroupAppendingStore: Store {
    /// Appends the batches in order, all or none, each re-checked as ``Store/append(_:after:)`` re-checks
    /// one: if any is stale, nothing is written and its `.stale` is returned.
    func appendGroup(_ batches: [(batch: BatchToAppend, previous: SequenceState?)]) async throws(StoreError)
        -> AppendOutcome
}

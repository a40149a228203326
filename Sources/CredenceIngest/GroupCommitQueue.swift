/// Commits work in groups, one group at a time, in arrival order. Whoever arrives while a group is being
/// committed waits; when that group is done, everyone who waited forms the next group, and the first of
/// them commits it for all. Under load a group costs one store transaction instead of one per item; alone,
/// an item is its own group and waits for nothing.
///
/// An actor alone would not serialize the commits: its methods interleave at every `await`, and an append
/// must not interleave with another between reading the sequence and committing.
actor GroupCommitQueue<Item: Sendable, Outcome: Sendable> {
    private struct Waiter {
        let item: Item
        /// Nil for the item of the task that found the queue idle: it commits without waiting.
        let continuation: CheckedContinuation<Turn, Never>?
    }

    private enum Turn {
        case committed(Outcome)
        /// This waiter commits the next group (the waiters, itself first).
        case lead
    }

    private var waiters: [Waiter] = []
    private var busy = false

    /// Commits `item` within a group; `commit` receives the group's items in arrival order and returns one
    /// outcome per item, in the same order. The `commit` of the task that leads a group is the one used.
    func submit(_ item: Item, commit: @Sendable ([Item]) async -> [Outcome]) async -> Outcome {
        if busy {
            let turn = await withCheckedContinuation { waiters.append(Waiter(item: item, continuation: $0)) }
            if case .committed(let outcome) = turn { return outcome }
        } else {
            busy = true
            waiters.append(Waiter(item: item, continuation: nil))
        }
        let group = waiters
        waiters = []
        let outcomes = await commit(group.map(\.item))
        for (waiter, outcome) in zip(group, outcomes).dropFirst() {
            waiter.continuation?.resume(returning: .committed(outcome))
        }
        if let next = waiters.first {
            next.continuation?.resume(returning: .lead)
        } else {
            busy = false
        }
        return outcomes[0]
    }
}

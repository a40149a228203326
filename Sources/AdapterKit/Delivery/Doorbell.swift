import Synchronization

/// Wakes one waiting task when something happened (a batch was sealed, a receipt arrived), without
/// polling. Rings are not counted: a waiter only learns that it should look again. Closing it wakes the
/// waiter for good, to say that nothing more will happen.
final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var closed = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    func ring() {
        state.withLock { state in
            if let waiter = state.waiter {
                state.waiter = nil
                waiter.resume()
            } else {
                state.rung = true
            }
        }
    }

    func close() {
        state.withLock { state in
            state.closed = true
            state.waiter?.resume()
            state.waiter = nil
        }
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    /// Returns after the next ring (or at once if it rang since the last wait), when closed, or when the
    /// task is cancelled. One waiter at a time.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                state.withLock { state in
                    if state.rung || state.closed || Task.isCancelled {
                        state.rung = false
                        continuation.resume()
                    } else {
                        precondition(state.waiter == nil, "a Doorbell has one waiter at a time")
                        state.waiter = continuation
                    }
                }
            }
        } onCancel: {
            state.withLock { state in
                state.waiter?.resume()
                state.waiter = nil
            }
        }
    }
}

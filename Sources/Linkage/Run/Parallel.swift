import Dispatch
import Synchronization

/// Runs independent chunks of work on a few threads and returns their results in chunk order, so the
/// outcome never depends on scheduling.
enum Parallel {
    /// Calls `body` for every chunk in 0..<chunkCount on up to `parallelism` threads.
    static func map<Result: Sendable>(
        chunkCount: Int, parallelism: Int, _ body: @Sendable (Int) -> Result
    ) -> [Result] {
        guard chunkCount > 0 else { return [] }
        let workers = max(1, min(parallelism, chunkCount))
        if workers == 1 { return (0..<chunkCount).map(body) }
        let next = Atomic<Int>(0)
        let results = Mutex<[Result?]>(Array(repeating: nil, count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard chunk < chunkCount else { return }
                let result = body(chunk)
                results.withLock { $0[chunk] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// The `chunk`-th of `chunkCount` nearly equal parts of 0..<count.
    static func range(_ chunk: Int, of chunkCount: Int, count: Int) -> Range<Int> {
        (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
    }
}

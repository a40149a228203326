import AdapterKit
import CredenceStore
import CredenceTesting
import Foundation
import ServiceLifecycle
import Testing

/// Watch mode: new files of a drop directory are processed once, partial batches are sealed after their
/// maximum age, and a graceful shutdown seals what is open.
struct WatchTests {
    static func waitFor(
        _ description: String, timeout: Duration = .seconds(100), _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw TestingError("timed out waiting for \(description)") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Writes `orders` under a temporary name, then renames it into the drop directory.
    static func drop(_ name: String, orders: Range<Int>, into folder: URL) throws {
        let temporary = folder.appendingPathComponent(name + ".tmp")
        try LineExport.write(temporary, orders: orders)
        try FileManager.default.moveItem(at: temporary, to: folder.appendingPathComponent(name))
    }

    @Test(.timeLimit(.minutes(3))) func newFilesAreDeliveredOnceInPartialBatches() async throws {
        let harness = try await KitHarness(
            initArguments: ["--max-records", "100", "--max-batch-age", "0.5", "--poll-interval", "0.1"])
        let folder = harness.url("drop")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await AdapterRuntime.with(directory: try harness.adapterDirectory(), reader: LineSourceReader()) {
            runtime in
            let group = runtime.watchGroup(dropDirectory: folder, handlingSignals: false)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try Self.drop("a.txt", orders: 0..<10, into: folder)
                try await Self.waitFor("a.txt") { try await harness.statistics().records == 20 }
                // The same file dropped again, and a new one.
                try FileManager.default.removeItem(at: folder.appendingPathComponent("a.txt"))
                try Self.drop("a.txt", orders: 0..<10, into: folder)
                try Self.drop("b.txt", orders: 10..<15, into: folder)
                try await Self.waitFor("b.txt") { try await harness.statistics().records == 30 }
                try await Task.sleep(for: .seconds(1))
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
        let statistics = try await harness.statistics()
        #expect(statistics.records == 30)
        #expect(statistics.batches == 2)
        let outbox = try await harness.status()["outbox"] as? [String: Any] ?? [:]
        #expect(outbox["pending"] as? Int == 0)
        #expect((outbox["files"] as? [[String: Any]])?.count == 2)
    }

    @Test(.timeLimit(.minutes(3))) func gracefulShutdownSealsTheOpenBatch() async throws {
        let harness = try await KitHarness(
            initArguments: ["--max-records", "100", "--max-batch-age", "600", "--poll-interval", "0.1"])
        let folder = harness.url("drop")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.drop("late.txt", orders: 0..<7, into: folder)
        let log = CapturedLog()
        try await AdapterRuntime.with(
            directory: try harness.adapterDirectory(), reader: LineSourceReader(), logger: log.logger
        ) { runtime in
            let group = runtime.watchGroup(dropDirectory: folder, handlingSignals: false)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                // Read, but far from the age or size that would seal it.
                try await Self.waitFor("late.txt to be read") { log.lines.contains("read file=late.txt") }
                try await Task.sleep(for: .milliseconds(500))
                #expect(!log.lines.contains { $0.hasPrefix("sealed") })
                #expect(try await harness.statistics().records == 0)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
        let outbox = try await harness.status()["outbox"] as? [String: Any] ?? [:]
        #expect(outbox["sealed"] as? Int == 1)
        #expect((outbox["files"] as? [[String: Any]])?.first?["state"] as? String == "done")
        let pushed = await harness.run(["push", "--dir", harness.directory])
        #expect(pushed.status == 0, "\(pushed.standardError)")
        #expect(try await harness.statistics().records == 14)
    }
}

import Foundation
import Logging
import ServiceLifecycle

/// Watch mode's reading half: polls the drop directory, reads each new stable file once, seals a partial
/// batch once it reaches the maximum age, and at graceful shutdown finishes its unit and seals what it
/// holds.
struct DropDirectoryService: Service {
    let dropDirectory: URL
    let ingestion: SourceIngestion
    let rejectLog: RejectLog
    let outbox: Outbox
    let pollInterval: Duration
    let logger: Logger

    func run() async throws {
        try await rejectLog.repair(from: outbox)
        var ingestion = self.ingestion
        var drop = DropDirectory(url: dropDirectory)
        do {
            polling: while !Task.isShuttingDownGracefully {
                for file in try drop.readyEntries() {
                    let outcome = try await ingestion.ingest(file)
                    switch outcome {
                    case .interrupted: break polling
                    case .refused(let reason): logger.warning("refused", metadata: ["reason": "\(reason)"])
                    case .done: logger.info("read", metadata: ["file": "\(file.lastPathComponent)"])
                    case .skipped: break
                    }
                }
                try await ingestion.sealIfOld()
                let pause = min(pollInterval, ingestion.timeUntilSeal ?? pollInterval)
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            }
        } catch is CancellationError where Task.isShuttingDownGracefully {
            // Shutting down between polls.
        }
        do {
            try await ingestion.flush()
        } catch is CancellationError where Task.isShuttingDownGracefully {
            // The open batch could not be sealed before shutdown (a fresh directory whose aggregator is
            // unreachable): nothing of it was committed, so the next run reads those units again.
            logger.warning("shutting down before the open batch could be sealed; it will be read again")
        }
    }
}

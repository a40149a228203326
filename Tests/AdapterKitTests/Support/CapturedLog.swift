import Logging
import Synchronization

/// A logger whose messages a test can wait for.
final class CapturedLog: Sendable {
    private let messages = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "test") { _ in Handler(log: self) }
    }

    /// Messages so far, each as `message key=value ...` with the keys sorted.
    var lines: [String] { messages.withLock { $0 } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let line = ([event.message.description] + merged.keys.sorted().map { "\($0)=\(merged[$0]!)" })
                .joined(separator: " ")
            log.messages.withLock { $0.append(line) }
        }
    }
}

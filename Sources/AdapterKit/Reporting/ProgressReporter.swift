import Foundation

/// Shows a run's progress on standard error while it reads and pushes: a bar redrawn in place on a
/// terminal, or a plain line every few seconds for logs and pipes.
public enum ProgressStyle: String, Sendable, CaseIterable {
    /// A bar on a terminal, lines otherwise.
    case auto
    case bar
    case lines
    case none

    func resolved(terminal: Bool) -> ProgressStyle {
        self == .auto ? (terminal ? .bar : .lines) : self
    }
}

struct ProgressReporter: Sendable {
    let counters: RunCounters
    let console: AdapterConsole
    /// `.bar` or `.lines`.
    let style: ProgressStyle

    init(counters: RunCounters, console: AdapterConsole, style: ProgressStyle) {
        self.counters = counters
        self.console = console
        self.style = style.resolved(terminal: console.standardErrorIsTerminal)
    }

    var isVisible: Bool { style == .bar || style == .lines }

    /// Redraws until cancelled.
    func run() async {
        let interval: Duration = style == .bar ? .milliseconds(250) : .seconds(5)
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled else { break }
            render()
        }
    }

    /// The bar's last picture and the end of its line (the summary follows on standard output).
    func finish() {
        guard style == .bar else { return }
        render()
        console.standardError("\n")
    }

    private func render() {
        let snapshot = counters.snapshot
        let rate = counters.recordsPerSecond(snapshot)
        let finished = snapshot.filesDone + snapshot.filesSkipped + snapshot.filesRefused
        let summary =
            "\(finished)/\(snapshot.files) files  \(snapshot.records) records  \(snapshot.rejects) rejects  "
            + "\(snapshot.batchesAcknowledged)/\(snapshot.batchesSealed) batches acknowledged  \(rate) records/s"
        switch style {
        case .bar:
            let width = 24
            let filled = snapshot.files > 0 ? width * finished / snapshot.files : 0
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let current = snapshot.currentFile.map { "  " + $0 } ?? ""
            console.standardError("\r\u{1B}[2K[\(bar)] \(summary)\(current)")
        case .lines:
            console.printError("progress: \(summary)")
        case .auto, .none:
            break
        }
    }

    /// Runs `body` while the progress is shown.
    func showing<Value>(_ body: () async throws -> Value) async throws -> Value {
        guard isVisible else { return try await body() }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await run() }
            let result: Result<Value, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            group.cancelAll()
            try? await group.waitForAll()
            finish()
            return try result.get()
        }
    }
}

extension ProgressReporter {
    /// A reporter that shows nothing.
    static func hidden(_ counters: RunCounters) -> ProgressReporter {
        ProgressReporter(
            counters: counters, console: AdapterConsole(standardOutput: { _ in }, standardError: { _ in }),
            style: .none)
    }
}

import AdapterKit
import Synchronization

/// A console whose output a test reads afterwards.
final class CapturedConsole: Sendable {
    private let output = Mutex((standardOutput: "", standardError: ""))

    var console: AdapterConsole {
        AdapterConsole(
            standardOutput: { text in self.output.withLock { $0.standardOutput += text } },
            standardError: { text in self.output.withLock { $0.standardError += text } })
    }

    var standardOutput: String { output.withLock { $0.standardOutput } }
    var standardError: String { output.withLock { $0.standardError } }

    /// The last non-empty line of standard error.
    var lastErrorLine: String {
        standardError.split(separator: "\n").last.map(String.init) ?? ""
    }
}

/// What one command line did.
struct CommandOutcome {
    let status: Int32
    let standardOutput: String
    let standardError: String

    var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }
}

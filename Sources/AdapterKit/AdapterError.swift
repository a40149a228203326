/// Why an adapter command failed, with a one-line message for the operator and the exit status it maps to.
///
/// Usage and configuration problems (status 2) are the operator's to fix before anything runs; everything
/// else (status 1) happened while running: a refused source file, a batch the aggregator refused, an
/// aggregator that stayed unreachable, a receipt that did not verify. The outbox is kept in every case.
public struct AdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// A command-line argument is missing or wrong.
        case usage
        /// `adapter.json`, a `CREDENCE_ADAPTER_*` variable, a key or a certificate is unusable.
        case configuration
        /// The working directory is missing, not an adapter directory, already initialized or in use.
        case directory
        /// A source file cannot be read as an export of this adapter's kind.
        case sourceFile
        /// The aggregator refused a batch for a reason a retry cannot fix (`sequence-conflict`, a revoked
        /// key, a schema error, ...).
        case refused
        /// The aggregator stayed unreachable or overloaded for longer than `give_up_after_seconds`.
        case undelivered
        /// The aggregator answered with a receipt that does not verify under its log key.
        case receipt
        /// The local chain and the aggregator's disagree in a way the adapter must not repair by itself.
        case chain
        /// The outbox database failed.
        case outbox
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// 2 for what must be fixed before running (usage, configuration, directory), 1 for what failed while
    /// running.
    public var exitStatus: Int32 {
        switch code {
        case .usage, .configuration, .directory: 2
        case .sourceFile, .refused, .undelivered, .receipt, .chain, .outbox: 1
        }
    }

    public var description: String { message }
}

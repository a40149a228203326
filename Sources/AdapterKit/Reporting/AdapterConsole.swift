import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes: results to standard output, progress, logs and errors to standard error.
/// Tests pass their own to read what a command printed.
public struct AdapterConsole: Sendable {
    public var standardOutput: @Sendable (String) -> Void
    public var standardError: @Sendable (String) -> Void
    /// Whether standard error is a terminal: a progress bar there, plain progress lines otherwise.
    public var standardErrorIsTerminal: Bool

    public init(
        standardOutput: @escaping @Sendable (String) -> Void, standardError: @escaping @Sendable (String) -> Void,
        standardErrorIsTerminal: Bool = false
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardErrorIsTerminal = standardErrorIsTerminal
    }

    /// The process's standard output and error.
    public static var process: AdapterConsole {
        AdapterConsole(
            standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            standardError: { FileHandle.standardError.write(Data($0.utf8)) },
            standardErrorIsTerminal: isatty(STDERR_FILENO) == 1)
    }

    /// Writes one line (a newline is added) to standard output.
    func print(_ line: String) { standardOutput(line + "\n") }

    /// Writes one line to standard error.
    func printError(_ line: String) { standardError(line + "\n") }
}

public import AdapterCore
import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line every adapter executable shares: `init`, `backfill`, `watch`, `push` and `status`
/// over an adapter directory. An executable is its reader and a name:
///
/// ```swift
/// import AdapterKit
/// import LendingAdapter
///
/// @main enum Main {
///     static func main() async { await AdapterProgram.main(reader: LendingSourceReader(), name: "credence-lending-adapter") }
/// }
/// ```
///
/// Exit status: 0 success; 1 something was refused or failed while running (a source file, a batch the
/// aggregator refused, an aggregator that stayed unreachable; the outbox is kept); 2 a usage or
/// configuration error. Errors are one line on standard error.
public enum AdapterProgram {
    /// Runs the process's command line and exits with its status.
    public static func main(reader: any SourceReader, name: String) async -> Never {
        let status = await run(
            arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
            reader: reader, name: name, console: .process)
        exit(status)
    }

    /// Runs one command line and returns its exit status; what it prints goes to `console`.
    public static func run(
        arguments: [String], environment: [String: String], reader: any SourceReader, name: String,
        console: AdapterConsole
    ) async -> Int32 {
        let context = ProgramContext(reader: reader, name: name, environment: environment, console: console)
        return await ProgramContext.$programName.withValue(name) {
            let verb: any AdapterVerb
            do {
                var command = try AdapterCommand.parseAsRoot(arguments)
                guard let parsed = command as? any AdapterVerb else {
                    // ArgumentParser's own commands (help): they report by throwing CleanExit.
                    try command.run()
                    return 0
                }
                verb = parsed
            } catch {
                return commandLineProblem(error, name: name, console: console)
            }
            do {
                try await verb.execute(context)
                return 0
            } catch let error as AdapterError {
                console.printError("error: \(error.message)")
                return error.exitStatus
            } catch let exit as ExitCode {
                return exit.rawValue
            } catch {
                console.printError("error: \(error)")
                return 1
            }
        }
    }

    /// Help (status 0, on standard output) or a usage error (status 2, one line on standard error), as
    /// ArgumentParser words them.
    private static func commandLineProblem(_ error: any Error, name: String, console: AdapterConsole) -> Int32 {
        if AdapterCommand.exitCode(for: error) == .success {
            console.standardOutput(AdapterCommand.fullMessage(for: error) + "\n")
            return 0
        }
        let message = AdapterCommand.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        console.printError("error: \(message) (see '\(name) --help')")
        return AdapterError(.usage, message).exitStatus
    }
}

/// What a verb runs with: the adapter kind's reader and the process's name, environment and console.
struct ProgramContext: Sendable {
    /// The executable's name, for help texts; bound while a command line is parsed and run.
    @TaskLocal static var programName = "credence-adapter"

    let reader: any SourceReader
    let name: String
    let environment: [String: String]
    let console: AdapterConsole
}

/// A subcommand the program runs with its context (ArgumentParser's own `run()` cannot take one).
protocol AdapterVerb: ParsableCommand {
    func execute(_ context: ProgramContext) async throws
}

struct AdapterCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: ProgramContext.programName,
            abstract: "Read a partner's exports into signed batches and deliver them to a Credence aggregator.",
            discussion: """
                An adapter directory holds adapter.json, the partner's key pair (partner.key, partner.pub), the \
                outbox (outbox.sqlite) and the reject files (rejects/). Settings: adapter.json, overridden by \
                CREDENCE_ADAPTER_* environment variables, overridden by flags.

                Exit status: 0 success; 1 refused or failed while running (the outbox is kept); 2 usage or \
                configuration error.
                """,
            subcommands: [InitVerb.self, BackfillVerb.self, WatchVerb.self, PushVerb.self, StatusVerb.self])
    }
}

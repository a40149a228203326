import ArgumentParser
import CredenceProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `credence`: keys, signing and offline verification for the Credence federation.
@main
struct CredenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credence",
        abstract: "Keys, signed batches and offline verification for the Credence federation.",
        discussion: """
            Exit status: 0 success (verified); 1 not verified or rejected input; 2 usage error or unusable key.
            Shell completions: credence --generate-completion-script bash|zsh|fish
            """,
        subcommands: [
            KeygenCommand.self, SignCommand.self, VerifyCommand.self, InspectCommand.self, LinkageKeyCommand.self,
            TokenCommand.self, PushCommand.self, VerifyReceiptCommand.self, LogCommand.self, SimulateCommand.self,
            LinkCommand.self, FeaturesCommand.self, ModelCommand.self, ScoreCommand.self, VerifyReportCommand.self,
        ]
    )

    /// Runs the command line with this project's exit statuses: ArgumentParser's usage errors exit 2
    /// (its default, 64, would read as "not verified" to scripts that only test for 0 and 1).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CLIFailure {
            printError(failure.message)
            terminate(failure.exitStatus)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                terminate(0)
            }
            if let exitCode = error as? ExitCode {
                terminate(exitCode.rawValue)
            }
            printError(fullMessage(for: error))
            terminate(CLIFailure.usageStatus)
        }
    }
}

/// The process exit, named apart from ArgumentParser's `exit(withError:)` that shadows it in commands.
func terminate(_ status: Int32) -> Never {
    exit(status)
}

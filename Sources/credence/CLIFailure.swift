import CredenceProtocol
import Foundation

/// A failure the CLI reports as one line on stderr with a documented exit status.
struct CLIFailure: Error {
    static let notVerifiedStatus: Int32 = 1
    static let usageStatus: Int32 = 2

    let message: String
    let exitStatus: Int32

    /// Input that was read but rejected (bad signature, malformed envelope, invalid batch): status 1.
    static func rejected(_ message: String) -> CLIFailure {
        CLIFailure(message: message, exitStatus: notVerifiedStatus)
    }

    /// A usage error, an unreadable file or an unusable key: status 2.
    static func usage(_ message: String) -> CLIFailure { CLIFailure(message: message, exitStatus: usageStatus) }

    /// Key and policy errors are the caller's to fix (status 2); everything else rejects the input (status 1).
    static func from(_ error: ProtocolError) -> CLIFailure {
        switch error.code {
        case .unusableKey, .invalidPolicy: .usage("error: \(error.message)")
        default: .rejected(error.message)
        }
    }
}

func printError(_ message: String) {
    var line = message
    if !line.hasSuffix("\n") { line += "\n" }
    FileHandle.standardError.write(Data(line.utf8))
}

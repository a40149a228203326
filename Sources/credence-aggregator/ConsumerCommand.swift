import ArgumentParser
import CredenceAggregator
import CredenceProtocol
import CredenceStore
import Foundation

/// `consumer add|list|revoke`: who may query scores, and for which permissible purposes (also available on
/// the admin API).
struct ConsumerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumer",
        abstract: "Manage score consumers and their API keys (also available on the admin API).",
        subcommands: [Add.self, List.self, Revoke.self]
    )

    static func registry(_ directory: DirectoryOption) throws -> ConsumerRegistry {
        let loaded = try AggregatorDirectory(path: directory.dir)
        let store = try SQLiteStore(path: loaded.path(loaded.configuration.database))
        return ConsumerRegistry(store: store, now: { Int64(Date().timeIntervalSince1970) })
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a consumer and issue its API key, scoped to permissible purposes.",
            discussion: """
                The key is shown once: with --key-out it is written to a new file (mode 0600) instead of being
                printed. The aggregator keeps only its SHA-256.
                """)
        @OptionGroup var directory: DirectoryOption
        @Option(help: "Consumer id (2-64 of a-z, 0-9, '.', '_', '-').") var id: String
        @Option(help: "The consumer's name, as inquiries show it.") var name: String
        @Option(help: "Comma-separated permissible purposes: \(PermissiblePurpose.listed).") var purposes: String
        @Option(help: "Write the API key to this new file instead of printing it.") var keyOut: String?

        func run() async throws {
            if let keyOut, FileManager.default.fileExists(atPath: keyOut) {
                throw AggregatorError(.usage, "\(keyOut) exists already; refusing to overwrite it")
            }
            let issued = try await registry(directory).add(id: id, name: name, purposes: purposes)
            if let keyOut {
                try AggregatorDirectory.writeNewFile(keyOut, issued.apiKey + "\n", mode: 0o600)
                PartnerCommand.print(issued.consumer)
            } else {
                PartnerCommand.print(issued)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List consumers, their purposes and key status.")
        @OptionGroup var directory: DirectoryOption

        func run() async throws {
            PartnerCommand.print(try await registry(directory).list())
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a consumer's API key: its next query is refused.")
        @OptionGroup var directory: DirectoryOption
        @Option(help: "Consumer id.") var id: String

        func run() async throws {
            PartnerCommand.print(try await registry(directory).revoke(id: id))
        }
    }
}

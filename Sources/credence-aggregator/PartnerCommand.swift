import ArgumentParser
import CredenceAggregator
import CredenceStore
import Foundation

struct PartnerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "Manage the partner registry (also available on the admin API).",
        subcommands: [Add.self, List.self, Rotate.self, Revoke.self, Certificate.self]
    )

    static func registry(_ directory: DirectoryOption) throws -> PartnerRegistry {
        let loaded = try AggregatorDirectory(path: directory.dir)
        let store = try SQLiteStore(path: loaded.path(loaded.configuration.database))
        return PartnerRegistry(store: store, now: { Int64(Date().timeIntervalSince1970) })
    }

    static func print(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Swift.print(String(decoding: try! encoder.encode(value), as: UTF8.self))
    }

    static func readKey(_ value: String) throws -> String {
        FileManager.default.fileExists(atPath: value)
            ? String(decoding: FileManager.default.contents(atPath: value) ?? Data(), as: UTF8.self) : value
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a partner with its first public key (epoch 1).")
        @OptionGroup var directory: DirectoryOption
        @Option(help: "Partner id.") var id: String
        @Option(help: "lending, commerce or social.") var kind: String
        @Option(parsing: .unconditional, help: "Public key file or text (PEM, hex, base64).") var key: String

        func run() async throws {
            PartnerCommand.print(try await registry(directory).add(id: id, kind: kind, publicKey: try readKey(key)))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List partners and their keys.")
        @OptionGroup var directory: DirectoryOption

        func run() async throws {
            PartnerCommand.print(try await registry(directory).list())
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the partner's next key epoch; earlier keys stay valid until revoked.")
        @OptionGroup var directory: DirectoryOption
        @Option(help: "Partner id.") var id: String
        @Option(parsing: .unconditional, help: "The new public key file or text.") var key: String

        func run() async throws {
            PartnerCommand.print(try await registry(directory).rotate(id: id, publicKey: try readKey(key)))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke one of the partner's key epochs.")
        @OptionGroup var directory: DirectoryOption
        @Option(help: "Partner id.") var id: String
        @Option(help: "The key epoch to revoke.") var epoch: Int

        func run() async throws {
            PartnerCommand.print(try await registry(directory).revoke(id: id, epoch: epoch))
        }
    }

    struct Certificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cert",
            abstract: "Issue a partner client certificate (mTLS) from the directory's development CA.",
            discussion: "Writes OUT.pem (certificate chain) and OUT.key (private key, mode 0600).")
        @OptionGroup var directory: DirectoryOption
        @Option(help: "Partner id (the certificate's common name).") var id: String
        @Option(help: "Path prefix of the files to write.") var out: String

        func run() throws {
            let loaded = try AggregatorDirectory(path: directory.dir)
            let issued = try loaded.issueClientCertificate(partnerID: id)
            try AggregatorDirectory.writeNewFile(out + ".pem", issued.chainPEM, mode: 0o644)
            try AggregatorDirectory.writeNewFile(out + ".key", issued.privateKeyPEM, mode: 0o600)
            Swift.print("issued a client certificate for \(id): \(out).pem \(out).key")
        }
    }
}

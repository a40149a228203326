import ArgumentParser
import CredenceIdentity

struct LinkageKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linkage-key",
        abstract: "Create or identify the federation linkage key (the secret behind tokens and encodings).",
        subcommands: [New.self, Fingerprint.self]
    )

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a new 256-bit linkage key file (mode 0600) and print its fingerprint.")

        @Option(name: .shortAndLong, help: "The key file to create; it must not exist yet.")
        var out: String

        func run() throws {
            let key = LinkageKey.generate()
            try FileIO.writeNew(out, Array(key.fileContents.utf8), mode: 0o600)
            print("\(key.fingerprint) \(out)")
        }
    }

    struct Fingerprint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a linkage key's fingerprint, to compare keys without revealing them.")

        @Argument(help: "The linkage key file.")
        var file: String

        func run() throws {
            print(try LinkageKeyFile.load(file).fingerprint)
        }
    }
}

enum LinkageKeyFile {
    static func load(_ path: String) throws(CLIFailure) -> LinkageKey {
        do {
            return try LinkageKey(fileContents: try FileIO.readText(path))
        } catch let error as IdentifierError {
            throw .usage("error: \(path): \(error)")
        } catch {
            throw error as? CLIFailure ?? .usage("error: \(path): \(error)")
        }
    }
}

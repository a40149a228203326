import ArgumentParser
import CredenceProtocol

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Generate an Ed25519 signing key pair.",
        discussion: """
            Writes NAME.key (PEM PKCS#8, mode 0600) and NAME.pub (PEM SubjectPublicKeyInfo) and prints the
            key id. Existing files are never overwritten.
            """
    )

    @Option(name: .shortAndLong, help: "Path prefix of the key files (NAME.key and NAME.pub).")
    var out: String

    func run() throws {
        let privatePath = out + ".key"
        let publicPath = out + ".pub"
        for path in [privatePath, publicPath] where FileIO.exists(path) {
            throw CLIFailure.usage("error: '\(path)' already exists; choose another --out or remove it")
        }
        let key = SigningKey()
        try FileIO.writeNew(privatePath, Array(key.pemRepresentation.utf8), mode: 0o600)
        try FileIO.writeNew(publicPath, Array(key.publicKey.pemRepresentation.utf8), mode: 0o644)
        print("\(key.publicKey.keyID) \(privatePath) \(publicPath)")
    }
}

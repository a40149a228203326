import CredenceProtocol

/// Reads the `--key` values of verify and inspect: a file holding PEM, hex or base64, or that text itself.
enum TrustedKeys {
    static func load(_ values: [String]) throws(CLIFailure) -> [PublicKey] {
        try values.map { value throws(CLIFailure) in
            let text = FileIO.exists(value) ? try FileIO.readText(value) : value
            do throws(ProtocolError) {
                return try PublicKey(text: text)
            } catch {
                let name = FileIO.exists(value) ? value : "--key value"
                throw .usage("error: \(name): \(error.message)")
            }
        }
    }
}

import ArgumentParser
import CredenceProtocol

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a payload into a DSSE envelope.",
        discussion: """
            The signature covers DSSE's pre-authentication encoding of the payload type and the exact payload
            bytes. With --payload-type \(PayloadType.batchV1) the payload must be a valid batch.
            """
    )

    @Option(name: .shortAndLong, help: "Private key file (PEM PKCS#8, as written by keygen). Repeat to co-sign.")
    var key: [String]

    @Option(help: "The envelope's payloadType, e.g. \(PayloadType.batchV1).")
    var payloadType: String

    @Option(name: .shortAndLong, help: "Write the envelope here instead of standard output.")
    var output: String?

    @Argument(help: "The payload file, or - for standard input.")
    var payload: String

    func run() throws {
        let keys = try key.map { path throws(CLIFailure) in
            do {
                return try SigningKey(text: try FileIO.readText(path))
            } catch let error as ProtocolError {
                throw .usage("error: \(path): \(error.message)")
            } catch {
                throw error as? CLIFailure ?? .usage("error: \(path): \(error)")
            }
        }
        let bytes = try FileIO.read(payload)
        if payloadType == PayloadType.batchV1 {
            do {
                _ = try Batch.decodeUnverified(bytes)
            } catch {
                throw CLIFailure.rejected("refusing to sign an invalid batch: \(error.message)")
            }
        }
        let envelope = EnvelopeSigner.sign(payload: bytes, payloadType: payloadType, with: keys)
        try FileIO.write(envelope.serialized(), to: output)
    }
}

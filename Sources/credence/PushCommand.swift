import ArgumentParser
import CredenceClient
import CredenceLog
import CredenceProtocol
import Foundation

struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Push signed batch envelopes to an aggregator and print their receipts.",
        discussion: """
            Prints one line per envelope: 'accepted' (201) or 'replayed' (200, an idempotent retry) with the
            batch_id and log index, or 'rejected' with the problem's title and detail. Exit status 1 if any
            envelope was rejected, 2 on a usage or connection error.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Write each receipt to DIR/<batch_id>.receipt.json.")
    var receipts: String?

    @Argument(help: "Envelope files (or - for standard input).")
    var envelopes: [String]

    func run() async throws {
        let client = try connection.client()
        var rejected = 0
        do {
            for path in envelopes {
                let reply = try await client.pushEnvelope(try FileIO.read(path))
                if reply.status == 200 || reply.status == 201, let receipt = try? BatchReceipt(json: reply.body) {
                    let verb = reply.status == 201 ? "accepted" : "replayed"
                    print(
                        "\(verb) \(path): batch_id \(receipt.batchID) partner \(receipt.partnerID) batch_seq \(receipt.batchSeq) leaf \(receipt.leafIndex) tree_size \(receipt.treeSize)"
                    )
                    if let receipts {
                        try FileIO.write(
                            reply.body,
                            to: URL(fileURLWithPath: receipts).appendingPathComponent("\(receipt.batchID).receipt.json")
                                .path)
                    }
                } else {
                    rejected += 1
                    let problem = reply.problem
                    print(
                        "rejected \(path): \(reply.status) \(problem?.title ?? "unexpected response")\(problem?.detail.map { ": " + $0 } ?? "")"
                    )
                }
            }
        } catch let error as ClientError {
            try? await client.shutdown()
            throw CLIFailure.usage("error: \(error.message)")
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        if rejected > 0 { throw ExitCode(CLIFailure.notVerifiedStatus) }
    }
}

/// How to reach an aggregator: its URL and the trust anchor, optionally a partner certificate.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The aggregator's base URL, e.g. https://127.0.0.1:8443.")
    var server: String

    @Option(help: "The CA certificate to trust (the aggregator's ca.pem).")
    var ca: String?

    @Option(help: "Client certificate chain (PEM) for mTLS.")
    var cert: String?

    @Option(help: "Client private key (PEM) for mTLS.")
    var certKey: String?

    func client() throws(CLIFailure) -> AggregatorClient {
        do {
            return try AggregatorClient(
                baseURL: server, trustedCAPEM: try ca.map { path throws(CLIFailure) in try FileIO.readText(path) },
                clientCertificateChainPEM: try cert.map { path throws(CLIFailure) in try FileIO.readText(path) },
                clientPrivateKeyPEM: try certKey.map { path throws(CLIFailure) in try FileIO.readText(path) })
        } catch let error as ClientError {
            throw .usage("error: \(error.message)")
        } catch {
            throw error as? CLIFailure ?? .usage("error: \(error)")
        }
    }
}

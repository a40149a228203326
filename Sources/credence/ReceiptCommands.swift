import ArgumentParser
import CredenceClient
import CredenceLog
import CredenceProtocol
import Foundation
import TransparencyLog

struct VerifyReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-receipt",
        abstract: "Verify a batch receipt offline: the checkpoint's signature and the batch's inclusion proof.",
        discussion: "Exit status: 0 verified; 1 not genuine or malformed; 2 usage error or unusable key."
    )

    @Option(help: "The aggregator's log public key (log.pub: PEM, hex or base64).")
    var logKey: String

    @Option(help: "Require this log origin (default: the checkpoint's own, checked against the key).")
    var origin: String?

    @Argument(help: "The receipt file (JSON), or - for standard input.")
    var receipt: String

    func run() throws {
        let key = try TrustedKeys.load([logKey])[0]
        let receipt: BatchReceipt
        do {
            receipt = try BatchReceipt(json: try FileIO.read(self.receipt))
        } catch let error as ProtocolError {
            throw CLIFailure.rejected("Receipt NOT verified: \(error.message)")
        }
        let origin =
            self.origin ?? (try? SignedCheckpoint(parsing: receipt.checkpoint))?.unverifiedCheckpoint.origin ?? ""
        do {
            let checkpoint = try receipt.verify(log: LogIdentity(origin: origin, publicKey: key))
            print(
                "Receipt verified: batch_id \(receipt.batchID) leaf \(receipt.leafIndex) in \(checkpoint.origin) tree_size \(checkpoint.size) root \(checkpoint.rootHash.base64)"
            )
        } catch {
            throw CLIFailure.rejected("Receipt NOT verified: \(error)")
        }
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Check the aggregator's tamper-evident log.",
        subcommands: [Consistency.self]
    )

    struct Consistency: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch and verify a consistency proof between two tree sizes.",
            discussion: """
                With --log-key, the signed checkpoint is fetched and verified too, and the proof must lead to
                its root when --to is its size; with --old-checkpoint, a checkpoint saved earlier (from a
                receipt, say) is the starting point: the log must be an extension of what it signed.
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The older tree size.")
        var from: Int?

        @Option(help: "The newer tree size (default: the latest checkpoint's).")
        var to: Int?

        @Option(help: "The log public key, to verify signed checkpoints.")
        var logKey: String?

        @Option(help: "A signed checkpoint saved earlier (text file), to prove the log still extends it.")
        var oldCheckpoint: String?

        func run() async throws {
            let key = try logKey.map { value throws(CLIFailure) in try TrustedKeys.load([value])[0] }
            var fromSize = from
            var fromRoot: MerkleHash?
            if let oldCheckpoint {
                guard let key else { throw CLIFailure.usage("error: --old-checkpoint needs --log-key") }
                let checkpoint = try Self.verifyNote(try FileIO.readText(oldCheckpoint), key: key)
                fromSize = Int(checkpoint.size)
                fromRoot = checkpoint.rootHash
            }
            guard let fromSize else { throw CLIFailure.usage("error: give --from or --old-checkpoint") }
            let client = try connection.client()
            defer { Task { try? await client.shutdown() } }
            var toSize = to
            var toRoot: MerkleHash?
            do {
                if toSize == nil || key != nil {
                    let reply = try await client.get("/v1/log/checkpoint")
                    guard reply.status == 200 else {
                        throw CLIFailure.rejected("cannot fetch the checkpoint: \(reply.status)")
                    }
                    let note = String(decoding: reply.body, as: UTF8.self)
                    let latest =
                        try key.map { key throws(CLIFailure) in try Self.verifyNote(note, key: key) }
                        ?? (try Self.parseNote(note))
                    if toSize == nil || toSize == Int(latest.size) {
                        toSize = Int(latest.size)
                        toRoot = latest.rootHash
                    }
                }
                guard let toSize else { throw CLIFailure.usage("error: no --to size") }
                let reply = try await client.get("/v1/log/consistency?from=\(fromSize)&to=\(toSize)")
                guard reply.status == 200 else {
                    throw CLIFailure.rejected(
                        "the server refused the proof: \(reply.status) \(reply.problem?.detail ?? "")")
                }
                struct Proof: Decodable {
                    let fromRootHash: String
                    let toRootHash: String
                    let consistencyProof: [String]
                }
                let proof = try StrictDecoder.decode(Proof.self, fromJSON: reply.body, allowUnknownMembers: true)
                let oldRoot = try fromRoot ?? MerkleHash(base64: proof.fromRootHash)
                let newRoot = try toRoot ?? MerkleHash(base64: proof.toRootHash)
                let hashes = try proof.consistencyProof.map { try MerkleHash(base64: $0) }
                do {
                    try MerkleProof.verifyConsistency(
                        firstSize: UInt64(fromSize), secondSize: UInt64(toSize), firstRoot: oldRoot,
                        secondRoot: newRoot,
                        proof: hashes)
                } catch {
                    throw CLIFailure.rejected("Consistency NOT verified: \(error)")
                }
                let trust = key == nil ? " (roots as served; pass --log-key to check signed checkpoints)" : ""
                print("Consistency verified: tree \(fromSize) → \(toSize), root \(newRoot.base64)\(trust)")
            } catch let error as ClientError {
                throw CLIFailure.usage("error: \(error.message)")
            } catch let error as CLIFailure {
                throw error
            } catch {
                throw CLIFailure.rejected("Consistency NOT verified: \(error)")
            }
        }

        static func verifyNote(_ note: String, key: PublicKey) throws(CLIFailure) -> Checkpoint {
            do {
                let parsed = try SignedCheckpoint(parsing: note)
                let origin = parsed.unverifiedCheckpoint.origin
                return try parsed.verify(keyName: origin, publicKey: key, origin: origin)
            } catch {
                throw .rejected("checkpoint NOT verified: \(error)")
            }
        }

        static func parseNote(_ note: String) throws(CLIFailure) -> Checkpoint {
            do {
                return try SignedCheckpoint(parsing: note).unverifiedCheckpoint
            } catch {
                throw .rejected("malformed checkpoint: \(error)")
            }
        }
    }
}

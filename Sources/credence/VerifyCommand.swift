import ArgumentParser
import CredenceProtocol
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a DSSE envelope against trusted public keys.",
        discussion: """
            Prints one line: 'Verified OK ...' with the signing key ids, the payloadType and the batch_id
            (SHA-256 of the payload), or the reason verification failed. A batch envelope's payload must also
            be a valid batch. Exit status: 0 verified; 1 not verified (bad signature, malformed envelope,
            policy not met, invalid batch); 2 usage error or unusable key (unreadable, malformed, weak).
            """
    )

    @Option(
        name: .shortAndLong, parsing: .unconditionalSingleValue,
        help: "Trusted public key: a file or text in PEM, hex or base64. Repeatable.")
    var key: [String]

    @Option(name: .shortAndLong, help: "How many distinct trusted keys must have signed.")
    var threshold: Int = 1

    @Option(help: "Require exactly this payloadType.")
    var payloadType: String?

    @Flag(help: "Accept only canonical padded standard base64.")
    var strict = false

    @Flag(help: "Print the result as a JSON object.")
    var json = false

    @Argument(help: "The envelope file, or - for standard input.")
    var envelope: String

    func validate() throws {
        guard !key.isEmpty else { throw ValidationError("give at least one --key") }
    }

    func run() throws {
        let keys = try TrustedKeys.load(key)
        let policy: VerificationPolicy
        do {
            policy = try VerificationPolicy(
                trustedKeys: keys, threshold: threshold, requiredPayloadType: payloadType, strictBase64: strict)
        } catch {
            throw CLIFailure.usage("error: \(error.message)")
        }
        let bytes = try FileIO.read(envelope)
        let report: VerificationReport
        do {
            let verified = try EnvelopeVerifier.verify(bytes, policy: policy)
            var batchSeq: Int64?
            var partnerID: String?
            if verified.payloadType == PayloadType.batchV1 {
                let batch = try Batch.decode(verified)
                batchSeq = batch.batchSeq
                partnerID = batch.partnerID.rawValue
            }
            report = VerificationReport(
                verified: true, payloadType: verified.payloadType, batchID: verified.payloadDigest,
                signers: verified.signers.map(\.keyID), threshold: threshold, partnerID: partnerID,
                batchSeq: batchSeq, error: nil)
        } catch {
            report = VerificationReport(
                verified: false, payloadType: nil, batchID: nil, signers: [], threshold: threshold, partnerID: nil,
                batchSeq: nil,
                error: .init(code: error.code.rawValue, message: error.message, pointer: error.pointer?.description))
        }
        if json {
            print(report.json())
        } else {
            print(report.line())
        }
        if !report.verified { throw ExitCode(CLIFailure.notVerifiedStatus) }
    }
}

/// The outcome of `credence verify`, printed as one line or as JSON.
struct VerificationReport: Encodable {
    struct Failure: Encodable {
        let code: String
        let message: String
        let pointer: String?
    }

    let verified: Bool
    let payloadType: String?
    let batchID: String?
    let signers: [String]
    let threshold: Int
    let partnerID: String?
    let batchSeq: Int64?
    let error: Failure?

    func line() -> String {
        guard verified, let payloadType, let batchID else {
            return "Verification FAILED: \(error?.message ?? "unknown error")"
        }
        var line = "Verified OK: keyid \(signers.joined(separator: ",")) (\(signers.count) of \(threshold) required)"
        line += " payloadType \(payloadType) batch_id \(batchID)"
        if let partnerID, let batchSeq { line += " partner \(partnerID) batch_seq \(batchSeq)" }
        return line
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}

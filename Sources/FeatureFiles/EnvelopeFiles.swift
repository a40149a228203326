import CSVFiles
public import CredenceProtocol
import Foundation

/// Batch envelope files as adapters write them (`<seq>.dsse.json`, one signed DSSE envelope each, as
/// `backfill --dry-run` writes them and `credence sign` can): found in directories, parsed, optionally
/// verified, and decoded with the protocol's own batch decoder, so every batch rule applies.
public struct EnvelopeFiles: Sendable {
    /// The names an envelope file may end with.
    public static let suffixes = [".dsse.json", ".dsse"]

    /// The signing keys a batch must verify under; empty: signatures are not checked (the files are the
    /// caller's own, e.g. a simulation's dry run).
    public let trustedKeys: [PublicKey]

    public init(trustedKeys: [PublicKey] = []) {
        self.trustedKeys = trustedKeys
    }

    /// The envelope files directly in each directory, each directory's in name order (the order does not
    /// change the features: records are applied in each partner's `batch_seq` order).
    public static func list(_ directories: [String]) throws(FeatureFileError) -> [String] {
        var paths: [String] = []
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw FeatureFileError(.usage, "--envelopes '\(directory)' is not a directory")
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                throw FeatureFileError(.usage, "cannot list '\(directory)': \(error.localizedDescription)")
            }
            let envelopes = names.filter { name in suffixes.contains { name.hasSuffix($0) } }
                .sorted()
            guard !envelopes.isEmpty else {
                throw FeatureFileError(
                    .usage, "--envelopes '\(directory)' holds no envelope files (*\(suffixes.joined(separator: ", *")))"
                )
            }
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            paths += envelopes.map { base + $0 }
        }
        return paths
    }

    /// The batch in the envelope file at `path` and its `batch_id`.
    public func read(_ path: String) throws(FeatureFileError) -> (batch: Batch, batchID: SHA256Digest) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FeatureFileError(.usage, "cannot read '\(path)'")
        }
        do throws(ProtocolError) {
            let payloadType: String
            let payload: [UInt8]
            if trustedKeys.isEmpty {
                let envelope = try Envelope(parsing: Array(data))
                payloadType = envelope.payloadType
                payload = envelope.payload
            } else {
                let policy = try VerificationPolicy(trustedKeys: trustedKeys)
                let verified = try EnvelopeVerifier.verify(Array(data), policy: policy)
                payloadType = verified.payloadType
                payload = verified.payload
            }
            guard payloadType == PayloadType.batchV1 else {
                throw ProtocolError(
                    .unsupportedPayloadType, "payloadType is '\(payloadType)', not a batch (\(PayloadType.batchV1))")
            }
            let batch = try Batch.decodeUnverified(payload)
            return (batch, SHA256Digest(unchecked: Envelope.digest(of: payload)))
        } catch {
            throw FeatureFileError(.input, "\(path): \(error.message)")
        }
    }
}

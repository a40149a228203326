public import CredenceProtocol

/// Who signs a log's checkpoints: the checkpoint origin (also the signed-note key name) and the key.
public struct LogIdentity: Sendable, Equatable {
    /// `credence/<aggregator id>`: unique per deployment, so checkpoints of two logs never mix.
    public let origin: String
    public let publicKey: PublicKey

    public init(aggregatorID: String, publicKey: PublicKey) {
        self.origin = "credence/\(aggregatorID)"
        self.publicKey = publicKey
    }

    public init(origin: String, publicKey: PublicKey) {
        self.origin = origin
        self.publicKey = publicKey
    }
}

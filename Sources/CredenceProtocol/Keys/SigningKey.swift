import CredencePrimitives
import Crypto
import CryptoExtras

/// An Ed25519 private key that signs envelopes.
///
/// Its file form is PEM PKCS#8 (`-----BEGIN PRIVATE KEY-----`), the form OpenSSL reads. The raw 32-byte
/// seed as 64 hex digits is also read, for published test keys.
public struct SigningKey: Sendable {
    private let key: Curve25519.Signing.PrivateKey
    /// Derived once: deriving and checking it (``PublicKey``'s point checks) for every signature cost an aggregator
    /// signing score reports 4 % of its CPU.
    public let publicKey: PublicKey

    /// A new random key.
    public init() {
        self.init(key: Curve25519.Signing.PrivateKey())
    }

    private init(key: Curve25519.Signing.PrivateKey) {
        self.key = key
        // A key derived from a private key is a prime-order point, so the check cannot fail.
        publicKey = try! PublicKey(rawRepresentation: Array(key.publicKey.rawRepresentation))
    }

    /// The key for an RFC 8032 32-byte seed.
    public init(seed: some Collection<UInt8>) throws(ProtocolError) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: Array(seed)) else {
            throw ProtocolError(.unusableKey, "an Ed25519 seed is 32 bytes, got \(seed.count)")
        }
        self.init(key: key)
    }

    /// Reads a private key file: PEM PKCS#8, or a 64-hex-digit seed.
    public init(text: String) throws(ProtocolError) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("-----BEGIN PRIVATE KEY-----") {
            guard let key = try? Curve25519.Signing.PrivateKey(pemRepresentation: trimmed) else {
                throw ProtocolError(.unusableKey, "the PEM block is not an Ed25519 PKCS#8 private key")
            }
            self.init(key: key)
        } else if trimmed.hasPrefix("-----BEGIN PUBLIC KEY-----") {
            throw ProtocolError(.unusableKey, "this is a public key; signing needs the private key (.key)")
        } else if trimmed.utf8.count == 64, let seed = Hex.decode(trimmed) {
            try self.init(seed: seed)
        } else {
            throw ProtocolError(.unusableKey, "not an Ed25519 private key: expected PEM PKCS#8 or a 64-hex-digit seed")
        }
    }

    /// PEM PKCS#8, the form `credence keygen` writes into `NAME.key`.
    public var pemRepresentation: String { key.pemRepresentation + "\n" }

    /// Signs `message` (for envelopes: the PAE bytes). Deterministic on Linux, as RFC 8032 specifies.
    public func signature(for message: [UInt8]) -> [UInt8] {
        Array(try! key.signature(for: message))
    }
}

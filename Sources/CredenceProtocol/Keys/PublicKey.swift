import CredencePrimitives
import Crypto
import CryptoExtras
import Edwards25519

/// A partner's (or the aggregator's) Ed25519 public key, checked before any use.
///
/// BoringSSL's Ed25519 verification accepts signatures under small-order and non-canonical public keys
/// (under the identity point, `R = identity, S = 0` verifies every message), so every initializer refuses
/// a key that is not the canonical encoding of a point of prime order.
///
/// ```swift
/// let key = try PublicKey(text: String(decoding: pemFileBytes, as: UTF8.self))  // PEM, hex or base64
/// print(key.keyID)  // sha256:3187e492733fc010
/// ```
public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32-byte RFC 8032 encoding.
    public let rawRepresentation: [UInt8]

    public init(rawRepresentation bytes: some Collection<UInt8>) throws(ProtocolError) {
        do {
            try Edwards25519.checkPublicKey(bytes)
        } catch {
            throw ProtocolError(.unusableKey, "unusable public key: \(error)")
        }
        self.rawRepresentation = Array(bytes)
    }

    /// Reads a key written as PEM (SubjectPublicKeyInfo), 64 hex digits, or base64 of the 32 raw bytes.
    public init(text: String) throws(ProtocolError) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("-----BEGIN") {
            guard trimmed.hasPrefix("-----BEGIN PUBLIC KEY-----") else {
                if trimmed.contains("PRIVATE KEY") {
                    throw ProtocolError(.unusableKey, "this is a private key; give the public key (.pub) instead")
                }
                throw ProtocolError(.unusableKey, "unsupported PEM block: expected 'PUBLIC KEY'")
            }
            let parsed: Curve25519.Signing.PublicKey
            do {
                parsed = try Curve25519.Signing.PublicKey(pemRepresentation: trimmed)
            } catch {
                throw ProtocolError(.unusableKey, "the PEM block is not an Ed25519 SubjectPublicKeyInfo")
            }
            try self.init(rawRepresentation: Array(parsed.rawRepresentation))
        } else if trimmed.utf8.count == 64, let bytes = Hex.decode(trimmed) {
            try self.init(rawRepresentation: bytes)
        } else if let bytes = try? Base64.decode(trimmed), bytes.count == 32 {
            try self.init(rawRepresentation: bytes)
        } else {
            throw ProtocolError(
                .unusableKey, "not an Ed25519 public key: expected PEM, 64 hex digits or base64 of 32 bytes")
        }
    }

    /// `sha256:` and the first 16 hex digits of SHA-256 over the raw key: a short, stable hint.
    public var keyID: String {
        "sha256:" + Hex.encode(SHA256.hash(data: rawRepresentation).prefix(8))
    }

    /// PEM SubjectPublicKeyInfo, the form `credence keygen` writes into `NAME.pub`.
    public var pemRepresentation: String {
        // The raw bytes were checked at init, so CryptoKit/BoringSSL accept them.
        let key = try! Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
        return key.pemRepresentation + "\n"
    }

    public var description: String { keyID }

    /// Checks an Ed25519 signature over `message`, refusing non-canonical signatures (S >= L) first.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64, Edwards25519.hasCanonicalScalar(signature: signature) else { return false }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}

import CredencePrimitives
import Crypto
import Foundation

/// The 32-byte secret shared by the federation's members. Every token and Bloom-filter encoding is keyed by
/// it, so only members can compute them and the aggregator can only compare them.
///
/// ```swift
/// let key = LinkageKey.generate()
/// try key.fileContents.write(toFile: "linkage.key", atomically: true, encoding: .utf8)
/// let again = try LinkageKey(fileContents: String(contentsOfFile: "linkage.key", encoding: .utf8))
/// print(again.fingerprint)  // "lk:" + 16 hex digits, safe to compare in public
/// ```
public struct LinkageKey: Sendable, Equatable, CustomStringConvertible {
    /// The key length in bytes.
    public static let byteCount = 32

    let symmetricKey: SymmetricKey
    /// HMAC keyed once; every token clones it (keying the pads costs more than hashing a short identifier).
    private let keyedState: PrecomputedHMAC

    /// A fresh random key from the system's cryptographically secure generator.
    public static func generate() -> LinkageKey {
        while true {
            if let key = try? LinkageKey(bytes: SecureRandom.bytes(byteCount)) { return key }
        }
    }

    /// Wraps exactly 32 bytes; an all-zero key is refused because it is what an unset buffer looks like.
    public init(bytes: [UInt8]) throws(IdentifierError) {
        guard bytes.count == Self.byteCount else {
            throw IdentifierError(.badKey, "linkage key has \(bytes.count) bytes, expected 32")
        }
        guard bytes.contains(where: { $0 != 0 }) else {
            throw IdentifierError(.badKey, "linkage key is all zeros")
        }
        symmetricKey = SymmetricKey(data: bytes)
        keyedState = PrecomputedHMAC(key: symmetricKey)
    }

    /// Reads a key file: 64 hex digits (either case), or base64 / base64url (padded or not) of 32 bytes, with
    /// optional surrounding whitespace.
    public init(fileContents: String) throws(IdentifierError) {
        let text = fileContents.trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes: [UInt8]?
        if text.count == 64 {
            bytes = Hex.decode(text)
        } else if text.count == 43 || text.count == 44 {
            bytes = try? Base64.decode(text)
        } else {
            bytes = nil
        }
        guard let bytes, bytes.count == Self.byteCount else {
            throw IdentifierError(.badKey, "linkage key file must hold 64 hex digits or base64 of 32 bytes")
        }
        try self.init(bytes: bytes)
    }

    /// 64 lower-case hex digits and a newline: the form ``init(fileContents:)`` reads.
    public var fileContents: String { Hex.encode(bytesForExport) + "\n" }

    /// `lk:` + the first 16 hex digits of HMAC-SHA256(key, "credence/linkage-key/fingerprint/v1"): lets members
    /// confirm they hold the same key without revealing it.
    public var fingerprint: String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("credence/linkage-key/fingerprint/v1".utf8), using: symmetricKey
        )
        return "lk:" + String(Hex.encode(mac).prefix(16))
    }

    /// Names the key by its fingerprint so that logging a key never prints it.
    public var description: String { "LinkageKey(\(fingerprint))" }

    private var bytesForExport: [UInt8] { symmetricKey.withUnsafeBytes { Array($0) } }

    /// Constant-time comparison.
    public static func == (lhs: LinkageKey, rhs: LinkageKey) -> Bool { lhs.symmetricKey == rhs.symmetricKey }

    /// HMAC-SHA256 under this key.
    func hmac(_ message: [UInt8]) -> [UInt8] {
        keyedState.authenticationCode(for: message)
    }

    /// HMAC-SHA256 under this key, as digest words (no allocation).
    func hmacCode(_ message: UnsafeBufferPointer<UInt8>) -> SHA256State {
        keyedState.code(for: message)
    }
}

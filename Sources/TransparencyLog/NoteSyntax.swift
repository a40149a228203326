import Crypto

/// The lexical rules of C2SP signed notes (c2sp.org/signed-note), shared by notes, signatures, verifier keys
/// and checkpoints.
enum NoteSyntax {
    /// U+2014 EM DASH and a space: the start of every signature line.
    static let signatureLinePrefix: [UInt8] = Array("\u{2014} ".utf8)

    /// The signature type byte of Ed25519 in key IDs and verifier keys.
    static let ed25519SignatureType: UInt8 = 0x01

    static let newline = UInt8(ascii: "\n")

    /// Key names must be non-empty and hold neither Unicode white space nor '+'.
    static func checkKeyName(_ name: String) throws(TransparencyLogError) {
        guard !name.isEmpty else {
            throw TransparencyLogError(.invalidKeyName, "a key name must not be empty")
        }
        if let scalar = name.unicodeScalars.first(where: { $0.properties.isWhitespace || $0 == "+" }) {
            let what = scalar == "+" ? "'+'" : "white space (U+\(String(scalar.value, radix: 16, uppercase: true)))"
            throw TransparencyLogError(.invalidKeyName, "key name \(name.debugDescription) contains \(what)")
        }
        try checkCharacters(name.utf8, allowingNewline: false, what: "a key name", code: .invalidKeyName)
    }

    /// Notes hold no ASCII control character other than newline (none at all, where a single line is expected).
    static func checkCharacters(
        _ utf8: some Collection<UInt8>, allowingNewline: Bool, what: String, code: TransparencyLogError.Code
    ) throws(TransparencyLogError) {
        for (offset, byte) in utf8.enumerated() where byte < 0x20 {
            if byte == newline && allowingNewline { continue }
            let name = byte == newline ? "a newline" : "control character 0x\(String(byte, radix: 16))"
            throw TransparencyLogError(code, "\(what) contains \(name) at byte offset \(offset)")
        }
    }

    /// The 4-byte key ID of an Ed25519 key: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[0..<4], big-endian.
    static func keyID(name: String, typedKey: some Sequence<UInt8>) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8) + [newline] + Array(typedKey))
        return hasher.finalize().withUnsafeBytes { raw in
            raw.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
    }

    /// The key ID as the verifier key writes it: eight lower-case hex digits.
    static func hex(_ keyID: UInt32) -> String {
        let digits = String(keyID, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Big-endian bytes of a key ID.
    static func bytes(_ keyID: UInt32) -> [UInt8] {
        [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xFF), UInt8(keyID >> 8 & 0xFF), UInt8(keyID & 0xFF)]
    }
}

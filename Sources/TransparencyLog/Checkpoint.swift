/// A log's tree head in the C2SP tlog-checkpoint form (c2sp.org/tlog-checkpoint): the note text
/// `<origin>\n<tree size>\n<base64 root hash>\n`, then optional extension lines.
///
/// A checkpoint is only meaningful signed: see ``SignedCheckpoint``.
///
/// ```swift
/// let checkpoint = try Checkpoint(origin: "log.credence.example", size: tree.size, rootHash: tree.rootHash)
/// print(checkpoint.body)   // "log.credence.example\n42\nq3xR…=\n"
/// ```
public struct Checkpoint: Sendable, Hashable {
    /// The log's identity, e.g. `log.credence.example`: non-empty, one line.
    public let origin: String
    /// The number of leaves.
    public let size: UInt64
    /// MTH of the first `size` leaves.
    public let rootHash: MerkleHash
    /// Opaque, non-empty lines after the root hash. The spec does not recommend them (monitors cannot audit
    /// them); they are read and kept so a signature over them still verifies.
    public let extensionLines: [String]

    public init(origin: String, size: UInt64, rootHash: MerkleHash, extensionLines: [String] = [])
        throws(TransparencyLogError)
    {
        guard !origin.isEmpty else {
            throw TransparencyLogError(.malformedCheckpoint, "a checkpoint's origin must not be empty")
        }
        try NoteSyntax.checkCharacters(
            origin.utf8, allowingNewline: false, what: "the origin", code: .malformedCheckpoint)
        for (number, line) in extensionLines.enumerated() {
            guard !line.isEmpty else {
                throw TransparencyLogError(.malformedCheckpoint, "extension line \(number + 1) is empty")
            }
            try NoteSyntax.checkCharacters(
                line.utf8, allowingNewline: false, what: "extension line \(number + 1)", code: .malformedCheckpoint)
        }
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensionLines = extensionLines
    }

    /// Reads the note text of a checkpoint (final newline included).
    public init(parsingBody body: String) throws(TransparencyLogError) {
        func malformed(_ why: String) -> TransparencyLogError {
            TransparencyLogError(.malformedCheckpoint, "malformed checkpoint: \(why)")
        }
        let utf8 = Array(body.utf8)
        guard utf8.last == NoteSyntax.newline else { throw malformed("the text does not end in a newline") }
        // Split on bytes: a Character split would keep "\r\n" together.
        let lines = utf8.dropLast().split(separator: NoteSyntax.newline, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 3 else {
            throw malformed("expected origin, tree size and root hash lines, got \(lines.count) line(s)")
        }
        let size = try Self.parseSize(lines[1])
        let rootHash: MerkleHash
        do {
            rootHash = try MerkleHash(base64: lines[2])
        } catch {
            throw malformed("the root hash line: \(error.message)")
        }
        do {
            try self.init(origin: lines[0], size: size, rootHash: rootHash, extensionLines: Array(lines[3...]))
        } catch {
            throw malformed(error.message)
        }
    }

    /// The note text: `<origin>\n<size>\n<base64 root>\n`, then each extension line and a newline.
    public var body: String {
        ([origin, String(size), rootHash.base64] + extensionLines).map { $0 + "\n" }.joined()
    }

    /// ASCII decimal with no sign and no leading zero (but "0"), up to UInt64.max.
    private static func parseSize(_ line: String) throws(TransparencyLogError) -> UInt64 {
        let digits = line.utf8
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw TransparencyLogError(
                .malformedCheckpoint,
                "malformed checkpoint: the tree size \(line.debugDescription) is not a decimal number")
        }
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else {
            throw TransparencyLogError(
                .malformedCheckpoint, "malformed checkpoint: the tree size \(line) has a leading zero")
        }
        guard let size = UInt64(line) else {
            throw TransparencyLogError(
                .malformedCheckpoint, "malformed checkpoint: the tree size \(line) does not fit in 64 bits")
        }
        return size
    }
}

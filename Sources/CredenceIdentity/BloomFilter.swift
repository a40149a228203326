import CredencePrimitives

/// A 1024-bit Bloom filter (a CLK, cryptographic long-term key) holding one field's keyed features.
/// Bit `j` is byte `j / 8`, mask `0x80 >> (j % 8)`.
///
/// ```swift
/// let a = try encoder.encodeName(full: "John Smith")
/// let b = try encoder.encodeName(full: "Jon Smith")
/// a.dice(b)  // about 0.8
/// let wire = a.base64url  // 171 characters
/// ```
public struct BloomFilter: Hashable, Sendable {
    /// Filter length in bits.
    public static let bitCount = 1024
    /// Filter length in bytes.
    public static let byteCount = bitCount / 8

    /// The 128 bytes, most significant bit of byte 0 = bit 0.
    public private(set) var bytes: [UInt8]

    /// An empty filter (all bits clear).
    public init() {
        bytes = Array(repeating: 0, count: Self.byteCount)
    }

    /// Wraps exactly 128 bytes.
    public init(bytes: [UInt8]) throws(IdentifierError) {
        guard bytes.count == Self.byteCount else {
            throw IdentifierError(.badLength, "Bloom filter has \(bytes.count) bytes, expected 128")
        }
        self.bytes = bytes
    }

    /// Decodes unpadded base64url of 128 bytes (171 characters).
    public init(base64url: String) throws(IdentifierError) {
        guard let bytes = try? Base64.decodeURLSafe(base64url) else {
            throw IdentifierError(.badEncoding, "Bloom filter is not unpadded base64url")
        }
        try self.init(bytes: bytes)
    }

    /// Unpadded base64url of ``bytes``.
    public var base64url: String { Base64.encodeURLSafe(bytes) }

    /// Number of set bits.
    public var popCount: Int { bytes.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Whether bit `index` (0...1023) is set.
    public func isSet(_ index: Int) -> Bool { bytes[index / 8] & (0x80 >> UInt8(index % 8)) != 0 }

    /// Sets bit `index` (0...1023).
    public mutating func set(_ index: Int) { bytes[index / 8] |= 0x80 >> UInt8(index % 8) }

    /// Dice coefficient 2|A∩B| / (|A| + |B|) in 0...1; 0 when both filters are empty, because two empty fields
    /// are no evidence that two records match.
    public func dice(_ other: BloomFilter) -> Double {
        var common = 0
        for (a, b) in zip(bytes, other.bytes) { common += (a & b).nonzeroBitCount }
        let total = popCount + other.popCount
        return total == 0 ? 0 : Double(2 * common) / Double(total)
    }
}

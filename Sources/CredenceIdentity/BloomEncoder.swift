import Crypto
import Synchronization

/// Encodes names, birth dates and addresses as keyed Bloom filters (CLKs) for fuzzy matching by Dice similarity.
///
/// Field key K_f = HMAC-SHA256(linkage_key, "credence/clk/v1/" + field). Each distinct feature string sets
/// k bits: d = HMAC-SHA256(K_f, UTF8(feature)), h1 = big-endian UInt64 of d[0..<8], h2 = big-endian UInt64 of
/// d[8..<16] | 1, bits (h1 + i·h2) mod 1024 for i in 0..<k with wrapping 64-bit arithmetic.
///
/// ```swift
/// let encoder = BloomEncoder(key: key)
/// let name = try encoder.encodeName(given: "John", family: "Smith")
/// let born = encoder.encodeBirthDate(try BirthDate(parsing: "1985-03-14"))
/// ```
public struct BloomEncoder: Sendable {
    /// One HMAC state per field, already keyed with K_f: each feature clones it instead of re-deriving the key
    /// pads, which made keying most of the cost of an encoding.
    private let keyedStates: [PrecomputedHMAC]
    /// The (h1, h2) of features already seen. A population's names and addresses are made of a few thousand
    /// distinct bigrams and digits, so after the first few hundred subjects nearly every feature is a lookup
    /// instead of an HMAC: encoding a name, birth date and address gets several times cheaper.
    private let seenFeatures = FeatureHashCache()

    /// An encoder keyed by the federation's linkage key.
    public init(key: LinkageKey) {
        keyedStates = CLKField.allCases.map { field in
            PrecomputedHMAC(key: SymmetricKey(data: key.hmac(Array(field.keyLabel.utf8))))
        }
    }

    /// Encodes a name from its parts. The middle name is deliberately not encoded: most sources (marketplaces,
    /// platforms) never collect it, so encoding it would lower the similarity of the same person across
    /// partners. Given and family names are encoded exactly as `encodeName(full:)` of ``fullName(given:family:)``.
    public func encodeName(given: String, middle: String? = nil, family: String) throws(IdentifierError) -> BloomFilter
    {
        try encodeName(full: Self.fullName(given: given, family: family))
    }

    /// The full name that parts stand for: Latin names are order-free anyway (`given family`), while CJK names
    /// are written family name first without a space (张伟), and their characters are encoded in order.
    public static func fullName(given: String, family: String) -> String {
        TextFolding.isCJKWord(given) || TextFolding.isCJKWord(family) ? family + given : given + " " + family
    }

    /// Encodes a full name in any order (`Smith John` equals `John Smith`).
    public func encodeName(full: String) throws(IdentifierError) -> BloomFilter {
        encode(try Self.nameFeatures(full: full), field: .name)
    }

    /// Encodes the parts of a birth date that are present.
    public func encodeBirthDate(_ date: BirthDate) -> BloomFilter {
        encode(Self.birthDateFeatures(date), field: .birthDate)
    }

    /// Normalizes and encodes an address (line 2 is not encoded).
    public func encodeAddress(_ address: PostalAddress) throws(IdentifierError) -> BloomFilter {
        encode(Self.addressFeatures(try address.normalized()), field: .address)
    }

    /// Sets k bits per distinct feature in a fresh filter.
    public func encode(_ features: some Sequence<String>, field: CLKField) -> BloomFilter {
        let fieldIndex = CLKField.allCases.firstIndex(of: field)!
        let keyed = keyedStates[fieldIndex]
        let hashCount = UInt64(field.hashCount)
        var bytes = [UInt8](repeating: 0, count: BloomFilter.byteCount)
        // bitCount is a power of two, so `% bitCount` is a mask.
        let mask = UInt64(BloomFilter.bitCount - 1)
        let distinct = Array(Set(features))
        var hashes = seenFeatures.lookUp(distinct, field: fieldIndex)
        var computed: [(String, FeatureHashCache.Hashes)] = []
        for (index, feature) in distinct.enumerated() where hashes[index] == nil {
            let digest = keyed.authenticationCode(for: feature.utf8)
            let pair = FeatureHashCache.Hashes(
                h1: Self.bigEndian(digest, from: 0), h2: Self.bigEndian(digest, from: 8) | 1)
            hashes[index] = pair
            computed.append((feature, pair))
        }
        seenFeatures.remember(computed, field: fieldIndex)
        for pair in hashes {
            let (h1, h2) = (pair!.h1, pair!.h2)
            for i in 0..<hashCount {
                let bit = Int((h1 &+ i &* h2) & mask)
                bytes[bit >> 3] |= 0x80 >> UInt8(bit & 7)
            }
        }
        return try! BloomFilter(bytes: bytes)
    }

    // MARK: Features

    /// Name features, sorted by code point: the name is normalized by ``NameNormalizer`` and split at spaces;
    /// each word without CJK characters gives the bigrams of `_` + word + `_` (code points); the words with
    /// CJK characters are concatenated into one string C, which gives its unpadded bigrams, plus its single
    /// code points when C has at most 3.
    public static func nameFeatures(full: String) throws(IdentifierError) -> [String] {
        let words = try NameNormalizer.normalize(full).split(separator: " ")
        var features: Set<String> = []
        var cjk: [Unicode.Scalar] = []
        for word in words {
            if TextFolding.isCJKWord(word) {
                cjk += word.unicodeScalars
            } else {
                features.formUnion(bigrams(Array("_\(word)_".unicodeScalars)))
            }
        }
        features.formUnion(bigrams(cjk))
        if cjk.count <= 3 { features.formUnion(cjk.map { String($0) }) }
        return sorted(features)
    }

    /// Birth-date features for the parts present: positional digits `y1:`...`y4:`, `m1:`, `m2:`, `d1:`, `d2:`,
    /// and the whole parts `Y:YYYY`, `M:MM`, `D:DD`.
    public static func birthDateFeatures(_ date: BirthDate) -> [String] {
        var features: [String] = []
        func add(_ tag: String, _ value: String) {
            for (offset, digit) in value.enumerated() { features.append("\(tag.lowercased())\(offset + 1):\(digit)") }
            features.append("\(tag):\(value)")
        }
        add("Y", String(date.year))
        if let month = date.month { add("M", BirthDate.twoDigits(month)) }
        if let day = date.day { add("D", BirthDate.twoDigits(day)) }
        return sorted(Set(features))
    }

    /// Address features of a normalized address: `l:` + padded bigrams of line 1 words, `c:` + padded bigrams
    /// of city words, `p<i>:<c>` for postal-code character c at 1-based position i, `r:<region>`, `n:<country>`.
    public static func addressFeatures(_ normalized: PostalAddress) -> [String] {
        var features: Set<String> = []
        func words(_ text: String, tag: String) {
            for word in text.split(separator: " ") {
                features.formUnion(bigrams(Array("_\(word)_".unicodeScalars)).map { tag + $0 })
            }
        }
        words(normalized.line1, tag: "l:")
        words(normalized.city, tag: "c:")
        for (offset, character) in normalized.postalCode.enumerated() { features.insert("p\(offset + 1):\(character)") }
        if !normalized.region.isEmpty { features.insert("r:" + normalized.region) }
        if !normalized.country.isEmpty { features.insert("n:" + normalized.country) }
        return sorted(features)
    }

    private static func bigrams(_ scalars: [Unicode.Scalar]) -> Set<String> {
        guard scalars.count >= 2 else { return [] }
        var result: Set<String> = []
        for index in 0..<(scalars.count - 1) {
            var pair = String.UnicodeScalarView()
            pair.append(scalars[index])
            pair.append(scalars[index + 1])
            result.insert(String(pair))
        }
        return result
    }

    /// Sorts by Unicode code points (Swift's `<` on strings compares by canonical equivalence, not code points).
    private static func sorted(_ features: Set<String>) -> [String] {
        features.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    private static func bigEndian(_ bytes: [UInt8], from start: Int) -> UInt64 {
        bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// Feature hashes already computed by one encoder, per field, shared by the threads that use it. Bounded:
/// past `capacity` features per field new ones are computed every time instead of remembered.
final class FeatureHashCache: Sendable {
    struct Hashes: Sendable {
        let h1: UInt64
        let h2: UInt64
    }

    static let capacity = 200_000
    private let tables = Mutex<[[String: Hashes]]>(Array(repeating: [:], count: CLKField.allCases.count))

    /// One lock per encoding, not per feature.
    func lookUp(_ features: [String], field: Int) -> [Hashes?] {
        tables.withLock { tables in features.map { tables[field][$0] } }
    }

    func remember(_ computed: [(String, Hashes)], field: Int) {
        guard !computed.isEmpty else { return }
        tables.withLock { tables in
            for (feature, hashes) in computed where tables[field].count < Self.capacity {
                tables[field][feature] = hashes
            }
        }
    }
}

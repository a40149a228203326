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
        var features = FeatureList()
        features.appendNameFeatures(of: try NameNormalizer.normalize(full))
        return encode(features, field: .name)
    }

    /// Encodes the parts of a birth date that are present.
    public func encodeBirthDate(_ date: BirthDate) -> BloomFilter {
        var features = FeatureList()
        features.appendBirthDateFeatures(of: date)
        return encode(features, field: .birthDate)
    }

    /// Normalizes and encodes an address (line 2 is not encoded).
    public func encodeAddress(_ address: PostalAddress) throws(IdentifierError) -> BloomFilter {
        var features = FeatureList()
        features.appendAddressFeatures(of: try address.normalized())
        return encode(features, field: .address)
    }

    /// Sets k bits per distinct feature in a fresh filter.
    public func encode(_ features: some Sequence<String>, field: CLKField) -> BloomFilter {
        var list = FeatureList()
        for feature in features { list.append(feature) }
        return encode(list, field: field)
    }

    /// Sets k bits per feature. A feature listed twice sets the same bits twice, so the lists need not be
    /// deduplicated.
    private func encode(_ features: FeatureList, field: CLKField) -> BloomFilter {
        let fieldIndex = field.index
        let keyed = keyedStates[fieldIndex]
        var hashes = seenFeatures.lookUp(features.packed, field: fieldIndex)
        var computed: [(PackedFeature, FeatureHashCache.Hashes)] = []
        for (index, feature) in features.packed.enumerated() where hashes[index] == nil {
            let pair = feature.withBytes { FeatureHashCache.Hashes(keyed.code(for: $0)) }
            hashes[index] = pair
            computed.append((feature, pair))
        }
        seenFeatures.remember(computed, field: fieldIndex)
        for feature in features.long {
            hashes.append(feature.withUnsafeBufferPointer { FeatureHashCache.Hashes(keyed.code(for: $0)) })
        }
        let hashCount = UInt64(field.hashCount)
        // bitCount is a power of two, so `% bitCount` is a mask.
        let mask = UInt64(BloomFilter.bitCount - 1)
        let bytes = [UInt8](unsafeUninitializedCapacity: BloomFilter.byteCount) { bytes, count in
            bytes.initialize(repeating: 0)
            for pair in hashes {
                let (h1, h2) = (pair!.h1, pair!.h2)
                for i in 0..<hashCount {
                    let bit = Int((h1 &+ i &* h2) & mask)
                    bytes[bit >> 3] |= 0x80 >> UInt8(bit & 7)
                }
            }
            count = BloomFilter.byteCount
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
}

/// Feature hashes already computed by one encoder, per field, shared by the threads that use it. Bounded:
/// past `capacity` features per field new ones are computed every time instead of remembered. One lock per
/// field, taken once per encoding, so two threads encoding different fields do not wait for each other.
final class FeatureHashCache: Sendable {
    /// h1 = big-endian UInt64 of MAC bytes 0..<8, h2 = that of bytes 8..<16 with the low bit set.
    struct Hashes: Sendable {
        let h1: UInt64
        let h2: UInt64

        init(h1: UInt64, h2: UInt64) {
            self.h1 = h1
            self.h2 = h2
        }

        init(_ code: SHA256State) {
            let (first, second) = code.leadingWords
            h1 = first
            h2 = second | 1
        }
    }

    static let capacity = 200_000

    private final class Table: Sendable {
        let entries = Mutex(FeatureHashTable())
    }

    private let tables = CLKField.allCases.map { _ in Table() }

    func lookUp(_ features: [PackedFeature], field: Int) -> [Hashes?] {
        tables[field].entries.withLock { entries in features.map { entries[$0] } }
    }

    func remember(_ computed: [(PackedFeature, Hashes)], field: Int) {
        guard !computed.isEmpty else { return }
        tables[field].entries.withLock { entries in
            for (feature, hashes) in computed where entries.count < Self.capacity {
                entries.insert(feature, hashes)
            }
        }
    }
}

/// A hash table from packed features to their hashes: open addressing with linear probing in a power-of-two
/// number of slots, at most half full. A lookup is a multiply, a shift and usually one comparison of two
/// words, where a `Dictionary` runs SipHash over the key; lookups are nearly all an encoding does with
/// features once the common bigrams are known.
struct FeatureHashTable: Sendable {
    private var keys: [PackedFeature]
    private var values: [FeatureHashCache.Hashes]
    private(set) var count = 0
    /// log2 of the slot count.
    private var shift: Int

    init() {
        shift = 10
        keys = Array(repeating: .empty, count: 1 << shift)
        values = Array(repeating: FeatureHashCache.Hashes(h1: 0, h2: 0), count: 1 << shift)
    }

    subscript(feature: PackedFeature) -> FeatureHashCache.Hashes? {
        guard feature != .empty else { return nil }
        var slot = feature.slot(bits: shift)
        let mask = keys.count - 1
        while true {
            if keys[slot] == feature { return values[slot] }
            if keys[slot] == .empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a feature not yet in the table (the empty feature, which marks free slots, is never stored).
    mutating func insert(_ feature: PackedFeature, _ hashes: FeatureHashCache.Hashes) {
        guard feature != .empty, self[feature] == nil else { return }
        if 2 * (count + 1) > keys.count { grow() }
        var slot = feature.slot(bits: shift)
        let mask = keys.count - 1
        while keys[slot] != .empty { slot = (slot + 1) & mask }
        keys[slot] = feature
        values[slot] = hashes
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        shift += 1
        keys = Array(repeating: .empty, count: 1 << shift)
        values = Array(repeating: FeatureHashCache.Hashes(h1: 0, h2: 0), count: 1 << shift)
        count = 0
        for (feature, hashes) in zip(oldKeys, oldValues) where feature != .empty { insert(feature, hashes) }
    }
}

/// The features of one value as UTF-8 byte strings, built without a `String` or `Set` per feature: the encoder
/// needs only each feature's bytes (the HMAC message, and the key of the hash cache), and a feature listed twice
/// sets the same bits twice. The features are exactly those of ``BloomEncoder/nameFeatures(full:)``,
/// ``BloomEncoder/birthDateFeatures(_:)`` and ``BloomEncoder/addressFeatures(_:)`` (tests compare them).
struct FeatureList {
    /// Features of at most ``PackedFeature/capacity`` bytes: every bigram, digit and country.
    private(set) var packed: [PackedFeature] = []
    /// Longer features (a long region name).
    private(set) var long: [[UInt8]] = []
    /// The feature being built.
    private var pending: [UInt8] = []

    init() {
        packed.reserveCapacity(48)
        pending.reserveCapacity(PackedFeature.capacity + 1)
    }

    mutating func append(_ feature: String) {
        pending.append(contentsOf: feature.utf8)
        finish()
    }

    private mutating func finish() {
        if let feature = PackedFeature(pending) {
            packed.append(feature)
        } else {
            long.append(pending)
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ scalar: Unicode.Scalar) { pending.append(contentsOf: scalar.utf8) }

    /// A bigram of two scalars after a tag (`l:`, `c:`, or none for names), packed as it is built: at most
    /// 2 + 4 + 4 bytes, so it always fits.
    private mutating func appendBigram(tag: String, _ first: Unicode.Scalar, _ second: Unicode.Scalar) {
        var feature = PackedFeature.Builder()
        for byte in tag.utf8 { feature.append(byte) }
        for byte in first.utf8 { feature.append(byte) }
        for byte in second.utf8 { feature.append(byte) }
        if let packedFeature = feature.packed {
            packed.append(packedFeature)
        } else {
            pending.append(contentsOf: tag.utf8)
            append(first)
            append(second)
            finish()
        }
    }

    /// The padded bigrams of `_` + word + `_`.
    private mutating func appendPaddedBigrams(of word: Substring, tag: String) {
        var previous: Unicode.Scalar = "_"
        for scalar in word.unicodeScalars {
            appendBigram(tag: tag, previous, scalar)
            previous = scalar
        }
        appendBigram(tag: tag, previous, "_")
    }

    /// ``BloomEncoder/nameFeatures(full:)`` of an already normalized name: words split at spaces as there
    /// (by characters), padded bigrams of the words without CJK, unpadded bigrams of the CJK words run
    /// together, and their single scalars when there are at most 3.
    mutating func appendNameFeatures(of normalized: String) {
        var cjk: [Unicode.Scalar] = []
        for word in TextFolding.spaceSeparatedWords(normalized) {
            if TextFolding.isCJKWord(word) {
                cjk += word.unicodeScalars
            } else {
                appendPaddedBigrams(of: word, tag: "")
            }
        }
        for index in cjk.indices.dropLast() { appendBigram(tag: "", cjk[index], cjk[index + 1]) }
        if cjk.count <= 3 {
            for scalar in cjk {
                append(scalar)
                finish()
            }
        }
    }

    /// ``BloomEncoder/birthDateFeatures(_:)``: `y1:`...`y4:`, `m1:`, `m2:`, `d1:`, `d2:` digits and `Y:`, `M:`,
    /// `D:` parts.
    mutating func appendBirthDateFeatures(of date: BirthDate) {
        appendDateFeatures(tag: "Y", String(date.year))
        if let month = date.month { appendDateFeatures(tag: "M", BirthDate.twoDigits(month)) }
        if let day = date.day { appendDateFeatures(tag: "D", BirthDate.twoDigits(day)) }
    }

    private mutating func appendDateFeatures(tag: String, _ value: String) {
        for (offset, digit) in value.enumerated() {
            pending.append(contentsOf: tag.lowercased().utf8)
            pending.append(contentsOf: String(offset + 1).utf8)
            pending.append(UInt8(ascii: ":"))
            pending.append(contentsOf: digit.utf8)
            finish()
        }
        pending.append(contentsOf: tag.utf8)
        pending.append(UInt8(ascii: ":"))
        pending.append(contentsOf: value.utf8)
        finish()
    }

    /// ``BloomEncoder/addressFeatures(_:)`` of a normalized address: `l:` and `c:` padded bigrams of the words
    /// of line 1 and city, `p<i>:<c>` per postal-code character, `r:<region>`, `n:<country>`.
    mutating func appendAddressFeatures(of normalized: PostalAddress) {
        for word in TextFolding.spaceSeparatedWords(normalized.line1) { appendPaddedBigrams(of: word, tag: "l:") }
        for word in TextFolding.spaceSeparatedWords(normalized.city) { appendPaddedBigrams(of: word, tag: "c:") }
        for (offset, character) in normalized.postalCode.enumerated() {
            pending.append(UInt8(ascii: "p"))
            pending.append(contentsOf: String(offset + 1).utf8)
            pending.append(UInt8(ascii: ":"))
            pending.append(contentsOf: character.utf8)
            finish()
        }
        if !normalized.region.isEmpty { append("r:" + normalized.region) }
        if !normalized.country.isEmpty { append("n:" + normalized.country) }
    }
}

/// A feature of at most 15 UTF-8 bytes in two words, so the hash cache hashes and compares two integers
/// instead of a string: bytes 0..<8 in `low` and 8..<15 in `high`, least significant first, and the length
/// in the top byte of `high` (so `a` and `a\0` differ).
struct PackedFeature: Hashable, Sendable {
    static let capacity = 15

    private let low: UInt64
    private let high: UInt64

    init?(_ bytes: [UInt8]) {
        var builder = Builder()
        for byte in bytes { builder.append(byte) }
        guard let feature = builder.packed else { return nil }
        self = feature
    }

    /// Packs bytes one at a time, without an array.
    struct Builder {
        private var low: UInt64 = 0
        private var high: UInt64 = 0
        private var count = 0

        mutating func append(_ byte: UInt8) {
            if count < 8 {
                low |= UInt64(byte) << (8 * count)
            } else if count < PackedFeature.capacity {
                high |= UInt64(byte) << (8 * (count - 8))
            }
            count += 1
        }

        /// The feature, or nil when it has more bytes than fit.
        var packed: PackedFeature? {
            count <= PackedFeature.capacity ? PackedFeature(low: low, high: high | UInt64(count) << 56) : nil
        }
    }

    /// The empty feature (no bytes): the hash table's mark of a free slot.
    static let empty = PackedFeature(low: 0, high: 0)

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// A slot among 2^bits for the hash table (Fibonacci hashing of both words).
    func slot(bits: Int) -> Int {
        let mixed = (low ^ (high &* 0xC2B2_AE3D_27D4_EB4F).rotatedLeft(by: 31)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> (64 - UInt64(bits)))
    }

    /// The feature's bytes, in a buffer that lives for the call.
    func withBytes<Value>(_ body: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        let count = Int(high >> 56)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.capacity) { buffer in
            for index in 0..<count {
                let word = index < 8 ? low : high
                buffer[index] = UInt8(truncatingIfNeeded: word >> (8 * (index % 8)))
            }
            return body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}

extension CLKField {
    /// The field's position in `allCases`, without building the array.
    var index: Int {
        switch self {
        case .name: 0
        case .birthDate: 1
        case .address: 2
        }
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 { self << count | self >> (64 - count) }
}

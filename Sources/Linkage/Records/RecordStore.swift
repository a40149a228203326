import CredenceIdentity

/// A CLK's 1024 bits as sixteen words, so Dice is sixteen AND + popcount operations on registers.
typealias CLKBits = SIMD16<UInt64>

extension CLKBits {
    /// Packs the filter's bytes big-endian, so bit `j` of the filter is bit `63 - j % 64` of word `j / 64`.
    init(_ filter: BloomFilter) {
        self.init()
        filter.bytes.withUnsafeBufferPointer { bytes in
            for word in 0..<16 {
                var value: UInt64 = 0
                for byte in bytes[(word * 8)..<(word * 8 + 8)] { value = value << 8 | UInt64(byte) }
                self[word] = value
            }
        }
    }

    /// Whether filter bit `index` (0...1023) is set.
    @inline(__always) func isSet(_ index: Int) -> Bool {
        (self[index >> 6] >> UInt64(63 - (index & 63))) & 1 != 0
    }

    /// Number of bits set in both filters.
    @inline(__always) func commonCount(_ other: CLKBits) -> Int {
        Int((self & other).nonzeroBitCount.wrappedSum())
    }

    var popCount: Int { Int(nonzeroBitCount.wrappedSum()) }

    /// A hash of the exact value: equal values have identical bits, so equal filters give equal hashes (the
    /// exact-value blocking keys, and the name values term frequencies count).
    var exactValueHash: UInt64 {
        var hash: UInt64 = 0x6578_6163_74
        for word in 0..<16 { hash = StableHash.combine(hash, self[word]) }
        return hash
    }
}

/// The identifier kinds that comparisons tell apart: national IDs keep their type because only the same
/// type is compared (an SSN and a resident ID never agree or disagree).
enum IdentifierKind: UInt8, Sendable, CaseIterable {
    case usSSN, cnRIC, phone, email, emailMatch, platformAccount, paymentFingerprint

    init?(_ type: TokenType) {
        switch type {
        case .usSSN: self = .usSSN
        case .cnRIC: self = .cnRIC
        case .phoneE164: self = .phone
        case .email: self = .email
        case .emailMatch: self = .emailMatch
        case .platformAccount: self = .platformAccount
        case .paymentFingerprint: self = .paymentFingerprint
        case .partnerSubject, .accountKey, .orderKey: return nil
        }
    }

    var isNationalID: Bool { self == .usSSN || self == .cnRIC }

    /// The kind's bit in a set of kinds held as one byte.
    var bit: UInt8 { 1 << rawValue }

    /// The key of a token of this kind: tokens of two kinds never share a key, even with equal text.
    func key(of token: String) -> UInt64 { StableHash.hash(token, tag: rawValue) }
}

/// A token reduced to what comparisons need: 24 bytes instead of a 43-character string.
struct PackedIdentifier: Sendable, Equatable {
    static let unknownFirstSeen = Int32.min
    static let unknownLastSeen = Int32.max

    var key: UInt64
    var firstSeen: Int32
    var lastSeen: Int32
    var kind: IdentifierKind
    var containsName: Bool

    init(_ identifier: LinkageIdentifier, kind: IdentifierKind) {
        key = kind.key(of: identifier.token)
        firstSeen = identifier.firstSeen.map { Int32(clamping: $0) } ?? Self.unknownFirstSeen
        lastSeen = identifier.lastSeen.map { Int32(clamping: $0) } ?? Self.unknownLastSeen
        self.kind = kind
        self.containsName = identifier.containsName
    }

    /// Orders a record's identifiers by kind, then key, so two records are compared by one merge walk.
    static func precedes(_ a: PackedIdentifier, _ b: PackedIdentifier) -> Bool {
        a.kind.rawValue != b.kind.rawValue ? a.kind.rawValue < b.kind.rawValue : a.key < b.key
    }
}

/// Records in columns: one array per attribute, with offsets for the variable parts. A million records take
/// about 600 MB (the CLKs are 128 bytes each), against well over a gigabyte as `LinkageRecord` values, and
/// the hot loops read contiguous memory without reference counting.
///
/// Append-only: the incremental index marks removed records dead and compacts now and then.
struct RecordStore: Sendable {
    private(set) var count = 0
    private var idBytes: [UInt8] = []
    private var idEnds: [Int] = []
    private(set) var sourceOfRecord: [Int32] = []
    private(set) var sourceNames: [String] = []
    private var sourceLookup: [String: Int32] = [:]
    private(set) var identifierStart: [Int32] = [0]
    private(set) var identifiers: [PackedIdentifier] = []
    /// Three entries per record (name, birth date, address), offsets into `filters`.
    private(set) var filterStart: [Int32] = [0]
    private(set) var filters: [CLKBits] = []
    private(set) var popCounts: [Int32] = []

    init() {}

    mutating func reserveCapacity(_ records: Int) {
        idEnds.reserveCapacity(records)
        sourceOfRecord.reserveCapacity(records)
        identifierStart.reserveCapacity(records + 1)
        filterStart.reserveCapacity(3 * records + 1)
    }

    mutating func append(_ record: LinkageRecord) {
        idBytes.append(contentsOf: record.id.utf8)
        idEnds.append(idBytes.count)
        sourceOfRecord.append(sourceIndex(record.source))
        var packed: [PackedIdentifier] = []
        packed.reserveCapacity(record.identifiers.count)
        for identifier in record.identifiers {
            guard let kind = IdentifierKind(identifier.type) else { continue }
            let candidate = PackedIdentifier(identifier, kind: kind)
            if let same = packed.firstIndex(where: { $0.kind == kind && $0.key == candidate.key }) {
                // The same token listed twice: keep the widest period it was seen in.
                packed[same].firstSeen = min(packed[same].firstSeen, candidate.firstSeen)
                packed[same].lastSeen = max(packed[same].lastSeen, candidate.lastSeen)
                packed[same].containsName = packed[same].containsName || candidate.containsName
            } else {
                packed.append(candidate)
            }
        }
        packed.sort(by: PackedIdentifier.precedes)
        identifiers.append(contentsOf: packed)
        identifierStart.append(Int32(identifiers.count))
        for field in [record.names, record.birthDates, record.addresses] {
            var added: [CLKBits] = []
            for filter in field {
                let bits = CLKBits(filter)
                // An empty filter is no evidence, and a repeated variant adds nothing.
                guard bits != CLKBits(), !added.contains(bits) else { continue }
                added.append(bits)
                filters.append(bits)
                popCounts.append(Int32(bits.popCount))
            }
            filterStart.append(Int32(filters.count))
        }
        count += 1
    }

    /// Appends every record of `other` (a link run puts the right file after the left one).
    mutating func append(contentsOf other: RecordStore) {
        let idBase = idBytes.count
        idBytes.append(contentsOf: other.idBytes)
        idEnds.append(contentsOf: other.idEnds.lazy.map { $0 + idBase })
        for source in other.sourceOfRecord { sourceOfRecord.append(sourceIndex(other.sourceNames[Int(source)])) }
        let identifierBase = Int32(identifiers.count)
        identifiers.append(contentsOf: other.identifiers)
        identifierStart.append(contentsOf: other.identifierStart.dropFirst().lazy.map { $0 + identifierBase })
        let filterBase = Int32(filters.count)
        filters.append(contentsOf: other.filters)
        popCounts.append(contentsOf: other.popCounts)
        filterStart.append(contentsOf: other.filterStart.dropFirst().lazy.map { $0 + filterBase })
        count += other.count
    }

    /// A store with only the records for which `keep` is true, in the same order.
    func filtered(_ keep: (Int) -> Bool) -> RecordStore {
        var result = RecordStore()
        for index in 0..<count where keep(index) {
            result.idBytes.append(contentsOf: idBytes[idRange(index)])
            result.idEnds.append(result.idBytes.count)
            result.sourceOfRecord.append(result.sourceIndex(sourceNames[Int(sourceOfRecord[index])]))
            result.identifiers.append(contentsOf: identifiers[identifierRange(index)])
            result.identifierStart.append(Int32(result.identifiers.count))
            for field in CLKField.allCases {
                let range = filterRange(index, field)
                result.filters.append(contentsOf: filters[range])
                result.popCounts.append(contentsOf: popCounts[range])
                result.filterStart.append(Int32(result.filters.count))
            }
            result.count += 1
        }
        return result
    }

    func id(_ index: Int) -> String { String(decoding: idBytes[idRange(index)], as: UTF8.self) }

    /// Whether record `index` has exactly this id, without building a string.
    func hasID(_ index: Int, _ id: String) -> Bool {
        var id = id
        return id.withUTF8 { $0.elementsEqual(idBytes[idRange(index)]) }
    }

    @inline(__always) func identifierRange(_ index: Int) -> Range<Int> {
        Int(identifierStart[index])..<Int(identifierStart[index + 1])
    }

    @inline(__always) func filterRange(_ index: Int, _ field: CLKField) -> Range<Int> {
        let slot = 3 * index + field.storeOffset
        return Int(filterStart[slot])..<Int(filterStart[slot + 1])
    }

    /// Approximate bytes held, for the run summary.
    var byteCount: Int {
        idBytes.count + 8 * idEnds.count + 4 * sourceOfRecord.count + 4 * identifierStart.count
            + MemoryLayout<PackedIdentifier>.stride * identifiers.count + 4 * filterStart.count
            + MemoryLayout<CLKBits>.stride * filters.count + 4 * popCounts.count
    }

    private func idRange(_ index: Int) -> Range<Int> { (index == 0 ? 0 : idEnds[index - 1])..<idEnds[index] }

    private mutating func sourceIndex(_ source: String) -> Int32 {
        if let index = sourceLookup[source] { return index }
        let index = Int32(sourceNames.count)
        sourceNames.append(source)
        sourceLookup[source] = index
        return index
    }
}

extension CLKField {
    /// Position of the field's offsets within a record's three `filterStart` entries.
    var storeOffset: Int {
        switch self {
        case .name: 0
        case .birthDate: 1
        case .address: 2
        }
    }
}

import CredenceIdentity

/// How many records carry each token value and each exact name, maintained as records come and go.
///
/// A token carried by many records (a household landline, a shared office email, a placeholder) says less
/// about two of them being one person, so its agreement weight uses u = max(u of the level, frequency of the
/// token), as Splink does. A name two records hold identically is weighed by how common that name is (u is
/// its frequency, up or down from the level's u): `Zachary Rose` agreeing says far more than `John Smith`.
///
/// Tokens and names are held as 64-bit keys, not strings or filters: a million records' four million tokens
/// and million names take about 150 MB.
public struct TermFrequencies: Sendable {
    private var counts: [UInt64: UInt32] = [:]
    /// Records counted (the denominator of every frequency).
    public private(set) var recordCount = 0

    public init() {}

    public init(_ records: some Sequence<LinkageRecord>) {
        for record in records { add(record) }
    }

    init(_ store: RecordStore) {
        counts.reserveCapacity(store.identifiers.count)
        for index in 0..<store.count { add(store, index) }
    }

    /// Counts each distinct token and name of the record once.
    public mutating func add(_ record: LinkageRecord) {
        for key in Self.keys(of: record) { counts[key, default: 0] += 1 }
        recordCount += 1
    }

    /// Undoes `add` of the same record (a subject whose identifiers changed is removed, then added again).
    public mutating func remove(_ record: LinkageRecord) {
        for key in Self.keys(of: record) {
            guard let count = counts[key] else { continue }
            counts[key] = count > 1 ? count - 1 : nil
        }
        recordCount = max(0, recordCount - 1)
    }

    /// Share of the counted records that carry this token, in 0...1.
    public func frequency(of identifier: LinkageIdentifier) -> Double {
        guard let kind = IdentifierKind(identifier.type), recordCount > 0 else { return 0 }
        return Double(count(ofKey: kind.key(of: identifier.token))) / Double(recordCount)
    }

    /// Records carrying the token with this key.
    func count(ofKey key: UInt64) -> Int { Int(counts[key] ?? 0) }

    /// Records holding exactly this name (as one of their variants).
    func count(ofName name: CLKBits) -> Int { count(ofKey: Self.nameKey(name)) }

    mutating func add(_ store: RecordStore, _ index: Int) {
        for position in store.identifierRange(index) { counts[store.identifiers[position].key, default: 0] += 1 }
        // The store keeps a record's name variants distinct and non-empty.
        for position in store.filterRange(index, .name) {
            counts[Self.nameKey(store.filters[position]), default: 0] += 1
        }
        recordCount += 1
    }

    private static func keys(of record: LinkageRecord) -> Set<UInt64> {
        var keys = Set(
            record.identifiers.compactMap { identifier in IdentifierKind(identifier.type)?.key(of: identifier.token) })
        for name in record.names {
            let bits = CLKBits(name)
            if bits != CLKBits() { keys.insert(nameKey(bits)) }
        }
        return keys
    }

    /// A name's key: its exact-value hash moved into a domain of its own, apart from token keys.
    private static func nameKey(_ name: CLKBits) -> UInt64 { StableHash.combine(name.exactValueHash, 0x6E61_6D65) }
}

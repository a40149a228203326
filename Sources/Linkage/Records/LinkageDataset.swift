/// Records held compactly for a batch run. A front end that reads a large file appends each record as it is
/// read, so a million records never exist as `LinkageRecord` values at once (they would take several times the
/// memory of the run itself).
///
/// ```swift
/// var dataset = LinkageDataset()
/// for row in rows { try dataset.append(record(of: row)) }
/// let result = LinkageRun.deduplicate(dataset, settings: LinkageSettings())
/// ```
public struct LinkageDataset: Sendable {
    var store = RecordStore()
    private var lookup = RecordIDLookup()

    public init() {}

    /// Collects records whose ids are unique; stops at the first repeated id.
    public init(_ records: some Sequence<LinkageRecord>) throws(LinkageError) {
        for record in records { try append(record) }
    }

    public var count: Int { store.count }

    public mutating func reserveCapacity(_ records: Int) {
        store.reserveCapacity(records)
        lookup.reserveCapacity(records)
    }

    /// Adds a record. Throws when its id is already in the dataset: pairs and clusters name records by id.
    public mutating func append(_ record: LinkageRecord) throws(LinkageError) {
        guard lookup.index(of: record.id, in: store) == nil else {
            throw LinkageError(
                .duplicateID,
                "record id '\(record.id.prefix(80))' appears twice; every record needs its own id (in a link run, "
                    + "ids must also differ between the two sides)")
        }
        store.append(record)
        lookup.insert(record.id, at: store.count - 1, in: store)
    }
}

/// Why the engine refused its input, in words a data team can act on.
public struct LinkageError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// Two records share an id.
        case duplicateID = "duplicate_id"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

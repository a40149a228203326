import Metro2

/// A deliberately invalid unit, located within its chunk; the sink turns the location into the file's
/// ordinal, line and byte offset.
struct InvalidUnit: Sendable {
    enum File: Sendable, Hashable {
        case metro2(Int)
        case lines(Int)
        /// An archive: its own file, one unit.
        case archive(String)
    }

    let file: File
    /// Index of the unit among the chunk's units of that file.
    let unit: Int
    /// Byte offset of the unit within the chunk's bytes of that file (JSON Lines).
    let byteOffset: Int
    let partner: SimulatedPartner
    let personIndex: Int
    let defect: String
}

/// One row of the ground truth's `records.csv`: a partner's own key for a person.
struct TruthRecord: Sendable, Hashable {
    let partnerOrdinal: Int
    let localKey: String
    let personIndex: Int
}

/// One row of the ground truth's `subjects.csv`, encoded, with the key it is about when that key may also
/// name someone in another chunk (the sink keeps the first row of such a key).
struct SubjectLine: Sendable {
    /// `partner_id` and `local_key`, for keys that are not unique by construction; nil for the others.
    let sharedKey: String?
    let bytes: [UInt8]
}

/// Everything one chunk of people contributes to the output.
struct ChunkOutput: Sendable {
    let index: Int
    /// Data records per Metro 2 file slot, in file order.
    var metro2Records: [[Metro2DataRecord]]
    /// Bytes per JSON Lines file slot, and the number of lines in them.
    var lineBytes: [[UInt8]]
    var lineCounts: [Int]
    var invalidUnits: [InvalidUnit] = []
    /// CSV lines of `truth/people.csv`, `truth/records.csv`, `truth/outcomes.csv`.
    var peopleCSV: [UInt8] = []
    var recordsCSV: [UInt8] = []
    var outcomesCSV: [UInt8] = []
    /// Rows of `truth/subjects.csv`, in the order their keys first appear in `recordsCSV`.
    var subjectLines: [SubjectLine] = []
    var statistics = SimulationStatistics()

    init(index: Int, layout: OutputLayout) {
        self.index = index
        metro2Records = Array(repeating: [], count: layout.metro2Files.count)
        lineBytes = Array(repeating: [], count: layout.lineFiles.count)
        lineCounts = Array(repeating: 0, count: layout.lineFiles.count)
    }

    /// Appends one JSON Lines line (which must end with a line feed) and returns its unit index and offset.
    @discardableResult
    mutating func appendLine(_ line: [UInt8], slot: Int) -> (unit: Int, offset: Int) {
        let position = (lineCounts[slot], lineBytes[slot].count)
        lineBytes[slot].append(contentsOf: line)
        lineCounts[slot] += 1
        return position
    }
}

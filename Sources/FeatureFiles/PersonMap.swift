import AdapterCore
import CSVFiles
public import CredenceIdentity
public import CredenceProtocol

/// `persons.csv`: which person each partner subject is (`subject_key,person_id`, one row per subject key, or
/// `partner_id,local_key,person_id` with the linkage key), and optionally each person's own as-of date. Persons are numbered in the order the file first names them, which
/// is the order of the feature table's rows.
public struct PersonMap: Sendable {
    /// Person ids in first-seen order.
    public private(set) var personIDs: [String] = []
    /// Per person, the subject keys linked to them.
    public private(set) var subjectKeys: [[Token]] = []
    /// Per person, the as-of date of the as-of column, when the file has one and the row fills it.
    public private(set) var asOfDates: [CalendarDate?] = []
    /// Rows naming a subject key a previous row already gave to another person: the first person keeps it
    /// (a partner that merged two people under one key; the federation links a key to one person).
    public private(set) var conflictingRows = 0
    private var personNumbers: [String: Int32] = [:]
    private var subjects: [Token: Int32] = [:]

    /// The person `subjectKey` belongs to, or nil when the file does not name it.
    public func person(of subjectKey: Token) -> Int32? { subjects[subjectKey] }

    /// The number of the person with this id, or nil.
    public func number(of personID: String) -> Int32? { personNumbers[personID] }

    public var count: Int { personIDs.count }

    /// Reads `path`; `asOfColumn` names the column that holds each person's as-of date (may be empty in a row).
    ///
    /// Rows name a partner subject by its `subject_key` token as batches carry it, or, given `linkageKey`, by
    /// `partner_id` and `local_key`: the partner's own key, as a partner's data team or the simulator's truth
    /// knows it, tokenized exactly as adapters form subject keys.
    public static func read(path: String, asOfColumn: String? = nil, linkageKey: LinkageKey? = nil)
        throws(FeatureFileError) -> PersonMap
    {
        let reader = try FeatureFileError.csv { () throws(CSVFileError) in try CSVReader(path: path) }
        let header = try CSVHeader(reader)
        let subjects = try SubjectColumns(header, linkageKey: linkageKey)
        let personColumn = try header.column("person_id")
        let asOfPosition = try asOfColumn.map { name throws(FeatureFileError) in try header.column(name) }
        var map = PersonMap()
        var asOfLines: [Int32: Int] = [:]
        while let row = try FeatureFileError.csv({ () throws(CSVFileError) in try reader.nextRow() }) {
            let personID = row.field(personColumn)
            guard !personID.isEmpty else {
                throw .input(path, line: row.line, "column person_id is empty")
            }
            let subjectKey = try subjects.key(of: row, path: path)
            var asOf: CalendarDate?
            if let asOfPosition, !row.field(asOfPosition).isEmpty {
                guard let date = try? CalendarDate(row.field(asOfPosition)) else {
                    throw .input(
                        path, line: row.line, "column \(asOfColumn ?? "") is not a date like 2024-12-31 (YYYY-MM-DD)")
                }
                asOf = date
            }
            let person: Int32
            if let known = map.personNumbers[personID] { person = known } else { person = map.addPerson(personID) }
            if let asOf {
                if let earlier = map.asOfDates[Int(person)], earlier != asOf {
                    throw .input(
                        path, line: row.line,
                        "\(asOfColumn ?? "") differs from the date line \(asOfLines[person] ?? 0) gives the same "
                            + "person; a person has one as-of date")
                }
                map.asOfDates[Int(person)] = asOf
                asOfLines[person] = row.line
            }
            if let owner = map.subjects[subjectKey] {
                if owner != person { map.conflictingRows += 1 }
                continue
            }
            map.subjects[subjectKey] = person
            map.subjectKeys[Int(person)].append(subjectKey)
        }
        return map
    }

    private mutating func addPerson(_ personID: String) -> Int32 {
        let number = Int32(personIDs.count)
        personIDs.append(personID)
        subjectKeys.append([])
        asOfDates.append(nil)
        personNumbers[personID] = number
        return number
    }
}

/// Where a persons file names each partner subject: a `subject_key` column, or `partner_id` and `local_key`
/// columns tokenized with the linkage key (one `RecordContext` per partner, as that partner's adapter has).
private final class SubjectColumns {
    private let subjectKey: Int?
    private let partnerAndLocalKey: (partner: Int, localKey: Int, linkageKey: LinkageKey)?
    private var contexts: [String: RecordContext] = [:]

    init(_ header: CSVHeader, linkageKey: LinkageKey?) throws(FeatureFileError) {
        if header.has("subject_key") {
            subjectKey = try header.column("subject_key")
            partnerAndLocalKey = nil
        } else if header.has("partner_id") && header.has("local_key") {
            guard let linkageKey else {
                throw FeatureFileError(
                    .usage,
                    "\(header.path) names subjects by partner_id and local_key: give --linkage-key to tokenize them")
            }
            subjectKey = nil
            partnerAndLocalKey = (try header.column("partner_id"), try header.column("local_key"), linkageKey)
        } else {
            throw FeatureFileError.input(
                header.path, line: 1, "no column 'subject_key' (or 'partner_id' and 'local_key') in the header")
        }
    }

    func key(of row: CSVRow, path: String) throws(FeatureFileError) -> Token {
        if let subjectKey {
            guard let token = try? Token(row.field(subjectKey)) else {
                throw .input(
                    path, line: row.line,
                    "column subject_key is not a subject key token (43 characters of base64url, as batches carry "
                        + "in subjects[].subject_key)")
            }
            return token
        }
        guard let (partnerColumn, localKeyColumn, linkageKey) = partnerAndLocalKey else {
            preconditionFailure("SubjectColumns has either a subject_key column or partner_id and local_key")
        }
        let partner = row.field(partnerColumn)
        let context: RecordContext
        if let known = contexts[partner] {
            context = known
        } else {
            guard let partnerID = try? PartnerID(partner) else {
                throw .input(path, line: row.line, "column partner_id is not a partner id")
            }
            context = RecordContext(partnerID: partnerID, linkageKey: linkageKey, defaultRegion: nil)
            contexts[partner] = context
        }
        guard let token = try? context.subjectKey(localKey: row.field(localKeyColumn)) else {
            throw .input(path, line: row.line, "column local_key is empty or not a usable key")
        }
        return token
    }
}

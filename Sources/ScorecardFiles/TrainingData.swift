import CSVFiles
public import Scorecard

/// Which columns of a labeled CSV file play which part in a fit.
public struct TrainingColumns: Sendable {
    /// The outcome: 1, true or bad for a bad outcome; 0, false or good for a good one.
    public var target: String
    /// A row identifier: never a feature.
    public var id: String?
    /// Columns left out entirely.
    public var excluded: [String] = []
    /// Columns never used as features, grouped for the adverse impact report.
    public var protected: [String] = []

    public init(target: String, id: String? = nil, excluded: [String] = [], protected: [String] = []) {
        self.target = target
        self.id = id
        self.excluded = excluded
        self.protected = protected
    }
}

/// A labeled CSV file read into typed columns: every column other than the target, the id, the excluded and
/// the protected ones is a candidate feature. A column is numeric when every value present is a decimal
/// number, categorical otherwise.
///
/// The file is read twice, streaming: once to check the target and type the columns, once to fill them, so
/// no column is held as text and converted afterwards.
public struct TrainingData: Sendable {
    public let candidates: [TrainingColumn]
    public let protected: [TrainingColumn]
    public let isBad: [Bool]

    public static func read(path: String, columns: TrainingColumns, delimiter: UInt8 = UInt8(ascii: ","))
        throws(ScorecardFileError) -> TrainingData
    {
        let layout = try Layout(file: try DataFile(path: path, delimiter: delimiter), columns: columns)
        let types = try layout.typeColumns(try DataFile(path: path, delimiter: delimiter))
        return try layout.fill(try DataFile(path: path, delimiter: delimiter), numeric: types.numeric, rows: types.rows)
    }

    /// The target value's outcome: true for bad, false for good, nil for anything else.
    static func outcome(_ field: String) -> Bool? {
        guard let value = DataFile.presentValue(field) else { return nil }
        switch value.lowercased() {
        case "1", "true", "bad", "yes": return true
        case "0", "false", "good", "no": return false
        default: return DataFile.number(value).flatMap { $0 == 1 ? true : $0 == 0 ? false : nil }
        }
    }

    /// Where the target and the kept columns are in the header.
    private struct Layout {
        let path: String
        let target: String
        let targetPosition: Int
        /// Candidates, then protected columns: (name, header position).
        let kept: [(name: String, position: Int)]
        let protectedCount: Int

        init(file: DataFile, columns: TrainingColumns) throws(ScorecardFileError) {
            path = file.path
            target = columns.target
            targetPosition = try file.position(of: columns.target, role: "--target")
            var set: Set<String> = [columns.target]
            func claim(_ name: String, _ role: String) throws(ScorecardFileError) {
                _ = try file.position(of: name, role: role)
                guard set.insert(name).inserted else {
                    throw ScorecardFileError(
                        .usage, "column '\(name)' is named twice among --target, --id, --exclude and --protected")
                }
            }
            if let id = columns.id { try claim(id, "--id") }
            for name in columns.excluded { try claim(name, "--exclude") }
            for name in columns.protected { try claim(name, "--protected") }
            let candidates = file.header.fields.enumerated().filter { !set.contains($0.element) }
            kept =
                candidates.map { ($0.element, $0.offset) }
                + (try columns.protected.map { name throws(ScorecardFileError) in
                    (name, try file.position(of: name, role: "--protected"))
                })
            protectedCount = columns.protected.count
        }

        /// Checks every target value and finds which kept columns are numeric.
        func typeColumns(_ file: DataFile) throws(ScorecardFileError) -> (numeric: [Bool], rows: Int) {
            var numeric = Array(repeating: true, count: kept.count)
            var rows = 0
            while let row = try file.nextRow() {
                guard Self.isOutcome(row.fields[targetPosition]) else {
                    throw .input(
                        path, line: row.line,
                        "column '\(target)' (--target) holds a value that is not an outcome: "
                            + "1, true or bad for a bad outcome; 0, false or good for a good one")
                }
                for (index, column) in kept.enumerated() where numeric[index] {
                    if let value = DataFile.presentValue(row.fields[column.position]), DataFile.number(value) == nil {
                        numeric[index] = false
                    }
                }
                rows += 1
            }
            guard rows > 0 else { throw .input(path, line: file.header.line + 1, "the file has a header but no rows") }
            return (numeric, rows)
        }

        private static func isOutcome(_ field: String) -> Bool { outcome(field) != nil }

        func fill(_ file: DataFile, numeric: [Bool], rows: Int) throws(ScorecardFileError) -> TrainingData {
            var builders = numeric.map { ColumnBuilder(numeric: $0, capacity: rows) }
            var isBad: [Bool] = []
            isBad.reserveCapacity(rows)
            while let row = try file.nextRow() {
                guard let bad = outcome(row.fields[targetPosition]) else {
                    throw .input(path, line: row.line, "the file changed while it was read")
                }
                isBad.append(bad)
                for (index, column) in kept.enumerated() {
                    builders[index].append(DataFile.presentValue(row.fields[column.position]))
                }
            }
            guard isBad.count == rows else {
                throw ScorecardFileError(.input, "\(path): the file changed while it was read")
            }
            let columns = zip(kept, builders).map { TrainingColumn(name: $0.name, values: $1.values) }
            return TrainingData(
                candidates: Array(columns.dropLast(protectedCount)), protected: Array(columns.suffix(protectedCount)),
                isBad: isBad)
        }
    }
}

/// Fills one typed column row by row: numbers (NaN for missing), or text coded through a dictionary.
private struct ColumnBuilder {
    private var numbers: [Double] = []
    private var codes: [Int32] = []
    private var categories: [String] = []
    private var codeOfCategory: [Substring: Int32] = [:]
    private let isNumeric: Bool

    init(numeric: Bool, capacity: Int) {
        isNumeric = numeric
        if numeric { numbers.reserveCapacity(capacity) } else { codes.reserveCapacity(capacity) }
    }

    mutating func append(_ value: Substring?) {
        if isNumeric {
            numbers.append(value.flatMap(DataFile.number) ?? .nan)
            return
        }
        guard let value else {
            codes.append(-1)
            return
        }
        if let code = codeOfCategory[value] {
            codes.append(code)
        } else {
            let code = Int32(categories.count)
            codeOfCategory[value] = code
            categories.append(String(value))
            codes.append(code)
        }
    }

    var values: TrainingColumn.Values {
        isNumeric ? .numeric(numbers) : .categorical(codes: codes, categories: categories)
    }
}

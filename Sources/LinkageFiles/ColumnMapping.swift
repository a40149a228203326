import CSVFiles

/// Which column of a file holds the row id and which columns hold which ``LinkField``s, as given with `--id`
/// and `--map COLUMN=FIELD`.
public struct ColumnMapping: Sendable, Equatable {
    /// One `--map COLUMN=FIELD`.
    public struct Assignment: Sendable, Equatable {
        public var column: String
        public var field: LinkField

        public init(column: String, field: LinkField) {
            self.column = column
            self.field = field
        }

        /// Parses `COLUMN=FIELD`, splitting at the last `=` (column names may contain `=`, field names never do).
        public init(parsing text: String) throws(LinkError) {
            guard let equals = text.lastIndex(of: "=") else {
                throw LinkError(.usage, "--map '\(text)': expected COLUMN=FIELD")
            }
            let column = String(text[..<equals])
            let fieldName = String(text[text.index(after: equals)...])
            guard !column.isEmpty else { throw LinkError(.usage, "--map '\(text)': the column name is empty") }
            guard let field = LinkField(rawValue: fieldName) else {
                throw LinkError(.input, "--map '\(text)': unknown field '\(fieldName)'; one of: \(LinkField.nameList)")
            }
            self.init(column: column, field: field)
        }
    }

    public let idColumn: String
    /// In command-line order; that order is also the order of a field's several columns.
    public let assignments: [Assignment]

    /// Checks that every column is mapped once and every single-valued field at most once.
    public init(idColumn: String, assignments: [Assignment]) throws(LinkError) {
        guard !idColumn.isEmpty else { throw LinkError(.usage, "--id: the column name is empty") }
        guard !assignments.isEmpty else {
            throw LinkError(.usage, "map at least one column with --map COLUMN=FIELD (fields: \(LinkField.nameList))")
        }
        var columns: [String: LinkField] = [:]
        var fields: [LinkField: String] = [:]
        for assignment in assignments {
            if let earlier = columns[assignment.column] {
                throw LinkError(
                    .usage,
                    "--map: column '\(assignment.column)' is mapped twice (\(earlier.rawValue) and "
                        + "\(assignment.field.rawValue))")
            }
            if let earlier = fields[assignment.field], !assignment.field.allowsSeveralColumns {
                throw LinkError(
                    .usage,
                    "--map: \(assignment.field.rawValue) is mapped from two columns ('\(earlier)' and "
                        + "'\(assignment.column)'); only national_id, phone and email may take several")
            }
            columns[assignment.column] = assignment.field
            fields[assignment.field] = assignment.column
        }
        self.idColumn = idColumn
        self.assignments = assignments
    }

    /// Parses the `--map` arguments.
    public init(idColumn: String, mapArguments: [String]) throws(LinkError) {
        var assignments: [Assignment] = []
        for argument in mapArguments { assignments.append(try Assignment(parsing: argument)) }
        try self.init(idColumn: idColumn, assignments: assignments)
    }

    /// The mapped fields, each once, in a stable order.
    public var fields: [LinkField] { LinkField.allCases.filter { field in assignments.contains { $0.field == field } } }

    /// The positions of the id column and of every mapped column in a file's header.
    func locate(in header: CSVRow, path: String) throws(LinkError) -> ColumnPositions {
        var positions: [String: Int] = [:]
        var repeated: Set<String> = []
        for (index, name) in header.fields.enumerated() where positions.updateValue(index, forKey: name) != nil {
            repeated.insert(name)
        }
        func position(of column: String, role: String) throws(LinkError) -> Int {
            guard let index = positions[column] else {
                let known = header.fields.prefix(30).map { "'\($0)'" } + (header.fields.count > 30 ? ["..."] : [])
                throw .input(
                    path, line: header.line,
                    "no column '\(column)' in the header (\(role)); columns: \(known.joined(separator: ", "))")
            }
            guard !repeated.contains(column) else {
                throw .input(path, line: header.line, "column '\(column)' appears twice in the header (\(role))")
            }
            return index
        }
        let id = try position(of: idColumn, role: "--id")
        var mapped: [Int] = []
        for assignment in assignments {
            let role = "--map \(assignment.column)=\(assignment.field.rawValue)"
            mapped.append(try position(of: assignment.column, role: role))
        }
        return ColumnPositions(id: id, mapped: mapped, count: header.fields.count)
    }
}

/// Where a mapping's columns are in one file: the id, then the mapped columns in assignment order.
struct ColumnPositions: Sendable {
    let id: Int
    let mapped: [Int]
    let count: Int
}

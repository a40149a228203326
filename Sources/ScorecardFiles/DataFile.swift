import CSVFiles

/// A CSV data file's header and the rules its cells follow, shared by training and scoring files.
///
/// A cell is trimmed of spaces and tabs. It is missing when empty or one of ``missingMarkers`` (any case).
/// A number is written in decimal (`12`, `-0.5`, `1e3`): no hex, no thousands separators, nothing infinite.
struct DataFile {
    static let missingMarkers: Set<String> = ["na", "n/a", "null", "nan", "none"]

    let path: String
    let reader: CSVReader
    let header: CSVRow
    /// Column name → position in the header.
    let positions: [String: Int]

    /// Opens `path` and reads its header (refusing an empty file, empty and repeated column names).
    init(path: String, delimiter: UInt8) throws(ScorecardFileError) {
        self.path = path
        reader = try ScorecardFileError.csv { () throws(CSVFileError) in try CSVReader(path: path, delimiter: delimiter)
        }
        let reader = reader
        guard let header = try ScorecardFileError.csv({ () throws(CSVFileError) in try reader.nextRow() }) else {
            throw .input(path, line: 1, "the file is empty; a header row naming the columns is required")
        }
        self.header = header
        var positions: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            guard !name.isEmpty else {
                throw .input(path, line: header.line, "column \(index + 1) of the header has no name")
            }
            guard positions.updateValue(index, forKey: name) == nil else {
                throw .input(path, line: header.line, "column '\(name)' appears twice in the header")
            }
        }
        self.positions = positions
    }

    /// The position of column `name`, which `role` explains in the error when it is absent.
    func position(of name: String, role: String) throws(ScorecardFileError) -> Int {
        guard let position = positions[name] else {
            let known = header.fields.prefix(30).map { "'\($0)'" } + (header.fields.count > 30 ? ["..."] : [])
            throw .input(
                path, line: header.line,
                "no column '\(name)' in the header (\(role)); columns: \(known.joined(separator: ", "))")
        }
        return position
    }

    /// The next row, checked to have as many fields as the header; nil at the end of the file.
    func nextRow() throws(ScorecardFileError) -> CSVRow? {
        guard let row = try ScorecardFileError.csv({ () throws(CSVFileError) in try reader.nextRow() }) else {
            return nil
        }
        guard row.fields.count == header.fields.count else {
            throw .input(
                path, line: row.line,
                "the row has \(row.fields.count) fields but the header has \(header.fields.count) "
                    + "(a field with a comma or line break must be quoted)")
        }
        return row
    }

    /// The cell without surrounding spaces and tabs, or nil when it is missing.
    static func presentValue(_ field: String) -> Substring? {
        func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }
        var start = field.startIndex
        var end = field.endIndex
        while start < end, isBlank(field[start]) { start = field.index(after: start) }
        while end > start, isBlank(field[field.index(before: end)]) { end = field.index(before: end) }
        let value = field[start..<end]
        if value.isEmpty || (value.count <= 4 && missingMarkers.contains(value.lowercased())) { return nil }
        return value
    }

    /// The decimal number the text writes, or nil.
    static func number(_ text: Substring) -> Double? {
        let decimal = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e")
                || byte == UInt8(ascii: "E")
        }
        guard decimal, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

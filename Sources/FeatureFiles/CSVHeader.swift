import CSVFiles

/// The columns of a CSV file's header row, found by name, so that columns may come in any order and extra
/// columns are ignored.
struct CSVHeader {
    let path: String
    private let positions: [String: Int]

    /// Reads the header row of `reader`; an empty file has none.
    init(_ reader: CSVReader) throws(FeatureFileError) {
        path = reader.path
        guard let row = try FeatureFileError.csv({ () throws(CSVFileError) in try reader.nextRow() }) else {
            throw FeatureFileError(.input, "\(reader.path): the file is empty; a header row is expected")
        }
        var positions: [String: Int] = [:]
        for (index, name) in row.fields.enumerated() where positions[name.trimmingSpaces] == nil {
            positions[name.trimmingSpaces] = index
        }
        self.positions = positions
    }

    /// Whether the header names this column.
    func has(_ name: String) -> Bool { positions[name] != nil }

    /// The position of a required column.
    func column(_ name: String) throws(FeatureFileError) -> Int {
        guard let position = positions[name] else {
            throw FeatureFileError.input(path, line: 1, "no column '\(name)' in the header")
        }
        return position
    }
}

extension CSVRow {
    /// The field at `position`, or "" when the row is shorter.
    func field(_ position: Int) -> String {
        position < fields.count ? fields[position].trimmingSpaces : ""
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text.count == count ? self : String(text)
    }
}

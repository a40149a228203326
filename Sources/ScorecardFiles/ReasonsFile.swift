import CSVFiles
public import Scorecard

/// A CSV file naming the reason code and sentence of each column: header `column,reason_code,reason`.
public enum ReasonsFile {
    public static let columns = ["column", "reason_code", "reason"]

    public static func read(path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(ScorecardFileError)
        -> [String: ReasonText]
    {
        let file = try DataFile(path: path, delimiter: delimiter)
        let positions = try columns.map { name throws(ScorecardFileError) in
            try file.position(of: name, role: "reasons file")
        }
        var reasons: [String: ReasonText] = [:]
        var codes: Set<String> = []
        while let row = try file.nextRow() {
            let (column, code, sentence) = (
                row.fields[positions[0]], row.fields[positions[1]], row.fields[positions[2]]
            )
            guard !column.isEmpty, !code.isEmpty, !sentence.isEmpty else {
                throw .input(path, line: row.line, "every row names a column, a reason code and a reason")
            }
            guard reasons.updateValue(ReasonText(code: code, sentence: sentence), forKey: column) == nil else {
                throw .input(path, line: row.line, "column '\(column)' has a second reason")
            }
            guard codes.insert(code).inserted else {
                throw .input(path, line: row.line, "reason code '\(code)' is used twice")
            }
        }
        return reasons
    }
}

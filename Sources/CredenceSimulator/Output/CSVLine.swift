/// Builds one line of RFC 4180 CSV: fields are quoted only when they hold a comma, a quote or a line break.
struct CSVLine {
    private(set) var bytes: [UInt8] = []
    private var fieldCount = 0

    mutating func add(_ field: String) {
        if fieldCount > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldCount += 1
        let utf8 = field.utf8
        let needsQuotes = utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
        }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func add(_ value: Int) { add(String(value)) }

    /// The line with its terminating line feed.
    var line: [UInt8] { bytes + [0x0A] }

    /// A whole line from its fields.
    static func line(_ fields: [String]) -> [UInt8] {
        var line = CSVLine()
        for field in fields { line.add(field) }
        return line.line
    }
}

import CSVFiles
public import CredenceProtocol

/// `inquiries.csv`: the credit inquiries recorded on each person's file (`person_id,inquired_on`, one row per
/// inquiry). Given, a person without a row has no inquiries (0); not given, `inquiries_12m` is missing.
public struct InquiryLog: Sendable {
    /// Per person of the ``PersonMap``, the inquiry dates.
    public private(set) var dates: [[CalendarDate]]
    /// Rows whose person is not in the person map.
    public private(set) var unknownPersonRows = 0

    public static func read(path: String, persons: PersonMap) throws(FeatureFileError) -> InquiryLog {
        let reader = try FeatureFileError.csv { () throws(CSVFileError) in try CSVReader(path: path) }
        let header = try CSVHeader(reader)
        let personColumn = try header.column("person_id")
        let dateColumn = try header.column("inquired_on")
        var log = InquiryLog(dates: Array(repeating: [], count: persons.count))
        while let row = try FeatureFileError.csv({ () throws(CSVFileError) in try reader.nextRow() }) {
            guard let date = try? CalendarDate(row.field(dateColumn)) else {
                throw .input(path, line: row.line, "column inquired_on is not a date like 2024-12-31 (YYYY-MM-DD)")
            }
            guard let person = persons.number(of: row.field(personColumn)) else {
                log.unknownPersonRows += 1
                continue
            }
            log.dates[Int(person)].append(date)
        }
        return log
    }
}

import CSVFiles
import CredenceIdentity
import LinkageFiles
import Testing

struct BirthDateFormatTests {
    @Test(arguments: [
        ("%d/%m/%Y", "14/03/1985", "1985-03-14"),
        ("%d/%m/%Y", " 4/3/1985 ", "1985-03-04"),
        ("%m/%d/%Y", "03/14/1985", "1985-03-14"),
        ("%d.%m.%Y", "29.02.2000", "2000-02-29"),
        ("%d%m%Y", "01021985", "1985-02-01"),
        ("%d %b %Y", "14 Mar 1985", "1985-03-14"),
        ("%d-%B-%Y", "14-march-1985", "1985-03-14"),
        ("%b %Y", "SEP 1985", "1985-09"),
        ("%Y", "1985", "1985"),
        ("%Y%%%m", "1985%03", "1985-03"),
        ("%d/%m/%Y", "１４/０３/１９８５", "1985-03-14"),
    ])
    func formatsRead(pattern: String, text: String, normalized: String) throws {
        #expect(try BirthDateFormat(pattern).parse(text).normalized == normalized)
    }

    @Test(arguments: [
        ("%d/%m/%Y", "31/02/1985", IdentifierError.Code.badDate),
        ("%d/%m/%Y", "14/03/85", .badDate),
        ("%d/%m/%Y", "14-03-1985", .badDate),
        ("%d/%m/%Y", "14/03/1985x", .badDate),
        ("%d/%m/%Y", "03/14/1985", .badDate),
        ("%d %b %Y", "14 Mrz 1985", .badDate),
        ("%d/%m/%Y", "14/03/1849", .badDate),
        ("%d/%m/%Y", "  ", .empty),
    ])
    func badDatesFail(pattern: String, text: String, code: IdentifierError.Code) throws {
        let format = try BirthDateFormat(pattern)
        #expect(throws: IdentifierError(code, "")) { try format.parse(text) }
    }

    @Test(arguments: [
        ("%d/%m/%y", "two-digit years are ambiguous for birth dates; use %Y"),
        ("%d/%m", "it needs %Y exactly once"),
        ("%Y %Y", "it needs %Y exactly once"),
        ("%d %Y", "a day needs a month"),
        ("%m %b %Y", "the month and the day may appear once each"),
        ("%Y-%q", "unknown directive %q"),
        ("%Y%", "a lone % at the end"),
    ])
    func unusablePatternsAreUsageErrors(pattern: String, reason: String) {
        #expect(
            throws: LinkError(.usage, "--date-format '\(pattern)': \(reason) (directives: %Y %m %d %b %B %%)")
        ) { try BirthDateFormat(pattern) }
    }
}

import CSVFiles
import CredenceTesting
import Foundation
import Testing

struct CSVReaderTests {
    let files = try! TemporaryDirectory(prefix: "csv-files")

    /// Every row of a file, read with the given buffer size.
    func rows(_ path: String, bufferSize: Int = 1 << 20, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [CSVRow] {
        let reader = try CSVReader(path: path, delimiter: delimiter, bufferSize: bufferSize)
        var rows: [CSVRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return rows
    }

    /// The same rows whatever the buffer size, so that every construct is also parsed across a read boundary.
    func rowsAtEveryBufferSize(_ path: String) throws -> [CSVRow] {
        let expected = try rows(path)
        for size in 4...11 { #expect(try rows(path, bufferSize: size) == expected, "buffer size \(size)") }
        return expected
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let text =
            "id,name,note\r\n1,\"Smith, John\",\"said \"\"hi\"\"\"\r\n"
            + "2,\"two\nlines\",\"crlf\r\ninside\"\r\n3,,\"\"\r\n"
        let rows = try rowsAtEveryBufferSize(try files.write("quoted.csv", text))
        #expect(
            rows == [
                CSVRow(fields: ["id", "name", "note"], line: 1),
                CSVRow(fields: ["1", "Smith, John", "said \"hi\""], line: 2),
                CSVRow(fields: ["2", "two\nlines", "crlf\r\ninside"], line: 3),
                CSVRow(fields: ["3", "", ""], line: 6),
            ])
    }

    @Test func lineEndingsByteOrderMarkBlankLinesAndAMissingFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\r\n\n\r\n3,4\r5,\"6\"\n\n7,".utf8)
        let rows = try rowsAtEveryBufferSize(try files.write("endings.csv", bytes))
        #expect(
            rows == [
                CSVRow(fields: ["a", "b"], line: 1), CSVRow(fields: ["1", "2"], line: 2),
                CSVRow(fields: ["3", "4"], line: 5), CSVRow(fields: ["5", "6"], line: 6),
                CSVRow(fields: ["7", ""], line: 8),
            ])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsKeptAndUTF8IsDecoded() throws {
        let rows = try rowsAtEveryBufferSize(try files.write("literal.csv", "height,name\n5'11\",José Nguyễn\n"))
        #expect(rows.last?.fields == ["5'11\"", "José Nguyễn"])
    }

    @Test func aQuotedEmptyLineIsARecordAndOtherDelimitersWork() throws {
        let path = try files.write("semicolon.csv", "id;name\n\"\"\n1;\"a;b\"\n")
        let rows = try rows(path, delimiter: UInt8(ascii: ";"))
        #expect(
            rows == [
                CSVRow(fields: ["id", "name"], line: 1), CSVRow(fields: [""], line: 2),
                CSVRow(fields: ["1", "a;b"], line: 3),
            ])
    }

    @Test func textAfterAClosingQuoteIsAnErrorAtItsLine() throws {
        let path = try files.write("after.csv", "id,name\n1,ok\n2,\"Smith\"x\n")
        for size in [4, 7, 1 << 20] {
            let message =
                "\(path):3: column 2: text after the closing quote of a quoted field (a quote inside a quoted field is "
                + "written as two quotes)"
            #expect(throws: CSVFileError(.content, message)) {
                try rows(path, bufferSize: size)
            }
        }
    }

    @Test func anUnterminatedQuoteNamesTheLineWhereItStarted() throws {
        let path = try files.write("open.csv", "id,name\n1,\"never closed\n2,b\n3,c\n")
        #expect(throws: CSVFileError(.content, "\(path):2: column 2: a quoted field is never closed")) {
            try rows(path)
        }
    }

    @Test func invalidUTF8IsAnErrorNamingTheColumn() throws {
        let path = try files.write("latin1.csv", Array("id,name\n1,Jos".utf8) + [0xE9] + Array("\n".utf8))
        #expect(throws: CSVFileError(.content, "\(path):2: column 2 is not valid UTF-8 (save the file as UTF-8)")) {
            try rows(path)
        }
    }

    @Test func emptyAndMissingFiles() throws {
        #expect(try rows(try files.write("empty.csv", "")).isEmpty)
        #expect(try rows(try files.write("bom-only.csv", [0xEF, 0xBB, 0xBF])).isEmpty)
        let missing = files.path("missing.csv")
        #expect(throws: CSVFileError(.access, "cannot read '\(missing)': No such file or directory")) {
            try CSVReader(path: missing)
        }
    }

    @Test func aLargeFileStreamsWithTheRightLineNumbers() throws {
        var text = "id,name,note\n"
        for index in 0..<20_000 {
            text += index % 1000 == 0 ? "\(index),\"multi\nline\",x\n" : "\(index),name \(index),\"q\"\"\"\n"
        }
        let rows = try rows(try files.write("large.csv", text), bufferSize: 4096)
        #expect(rows.count == 20_001)
        #expect(rows[1].fields == ["0", "multi\nline", "x"])
        #expect(rows[1002].line == 1 + 1002 + 2)  // header, 1002 rows, and the extra lines of ids 0 and 1000
        #expect(rows[20_000].fields == ["19999", "name 19999", "q\""])
    }
}

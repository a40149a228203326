import CredenceTesting
import Foundation
import SocialExports
import Testing

/// The splitter under tiny chunks, so that every value, string and escape crosses chunk boundaries.
@Suite struct JSONTextStreamTests {
    static let text = """
        [
          {"a": "x}y]z", "b": [1, {"c": "\\"}"}]},
          "plain string with \\\\ backslash",
          42,
          {"multi":
            "line"}
        ]
        """

    func values(_ text: String, layout: JSONTextStream.Layout?, chunkSize: Int) throws -> [JSONTextStream.Value] {
        let folder = try TemporaryDirectory(prefix: "stream")
        let url = folder.url.appendingPathComponent("values.json")
        try write(text, to: url)
        var stream = try JSONTextStream(url: url, layout: layout, chunkSize: chunkSize)
        var result: [JSONTextStream.Value] = []
        while let value = try stream.next() { result.append(value) }
        return result
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func splitsAnArrayAtAnyChunkSize(chunkSize: Int) throws {
        let read = try values(Self.text, layout: nil, chunkSize: chunkSize)
        #expect(
            read.map { String(decoding: $0.bytes, as: UTF8.self) } == [
                #"{"a": "x}y]z", "b": [1, {"c": "\"}"}]}"#, #""plain string with \\ backslash""#, "42",
                "{\"multi\":\n    \"line\"}",
            ])
        #expect(read.map(\.line) == [2, 3, 4, 5])
        #expect(read.map(\.offset) == [4, 46, 82, 88])
    }

    @Test(arguments: [1, 5, 1 << 20])
    func splitsLinesAtAnyChunkSize(chunkSize: Int) throws {
        let read = try values("\u{FEFF}{\"a\": 1}\r\n\n  \n{\"b\": 2}\n{\"c\"", layout: .lines, chunkSize: chunkSize)
        #expect(read.map { String(decoding: $0.bytes, as: UTF8.self) } == [#"{"a": 1}"#, #"{"b": 2}"#, #"{"c""#])
        #expect(read.map(\.line) == [1, 4, 5])
    }
}

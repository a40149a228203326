import Testing

@testable import CredenceProtocol

struct StrictJSONParserTests {
    func parse(_ text: String) throws(ProtocolError) -> JSONValue { try StrictJSONParser.parse(Array(text.utf8)) }

    @Test func parsesEveryValueKind() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00", "c": {}} "#)
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.names == ["a", "b", "c"])
        #expect(object["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(object["b"] == .string("x\"é😀"))
    }

    @Test(arguments: [
        #"{"a":1,"a":2}"#, #"{"a":1,"\u0061":2}"#, #"[{"x":{"k":1,"k":1}}]"#,
    ])
    func duplicateMembersAreRefused(text: String) {
        #expect(throws: ProtocolError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.code == .duplicateMember)
        }
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", #"{"a":1,}"#, "01", "1.", "-", ".5", "1e", "+1", "tru", "nul", #""abc"#,
        "\"a\nb\"", #""\x""#, #""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#, "{} {}", "\u{FEFF}{}", "[1] x",
        "NaN", "Infinity", "{'a':1}", #"{"a" 1}"#,
    ])
    func malformedDocumentsAreRefused(text: String) {
        #expect(throws: ProtocolError.self) { try parse(text) }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: ProtocolError.self) { try StrictJSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: ProtocolError.self) { try StrictJSONParser.parse([0x22, 0xC0, 0xAF, 0x22]) }
    }

    @Test func memberNamesCompareAsBytesNotAsCanonicalEquivalents() throws {
        // "é" precomposed and decomposed are two members to other parsers, so they are two here too.
        let value = try parse("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.members.count == 2)
        #expect(object["\u{E9}"] == .number("1"))
        #expect(object["e\u{301}"] == .number("2"))
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: ProtocolError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        _ = try parse(fine)
    }

    @Test func pointersEscapeTildeAndSlash() {
        #expect(JSONPointer.root.appending("a/b").appending("m~n").appending(index: 3).description == "/a~1b/m~0n/3")
        #expect(JSONPointer.root.description == "")
    }
}

import Testing
import TransparencyLog

/// The tlog-checkpoint note text: origin, size, root hash, extension lines.
struct CheckpointTests {
    static let root = try! MerkleHash(hex: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
    static let rootBase64 = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="

    @Test func bodyIsThreeLines() throws {
        let checkpoint = try Checkpoint(origin: "log.credence.example", size: 8, rootHash: Self.root)
        #expect(checkpoint.body == "log.credence.example\n8\n\(Self.rootBase64)\n")
        #expect(try Checkpoint(parsingBody: checkpoint.body) == checkpoint)
    }

    @Test func extensionLinesAreKept() throws {
        let body = "Moon Log\n4027504\n\(Self.rootBase64)\n6086d1a9\nWaxing gibbous\n"
        let checkpoint = try Checkpoint(parsingBody: body)
        #expect(checkpoint.origin == "Moon Log")
        #expect(checkpoint.size == 4_027_504)
        #expect(checkpoint.rootHash == Self.root)
        #expect(checkpoint.extensionLines == ["6086d1a9", "Waxing gibbous"])
        #expect(checkpoint.body == body)
    }

    @Test func sizesAtTheEdges() throws {
        #expect(try Checkpoint(parsingBody: "o\n0\n\(MerkleHash.emptyTree.base64)\n").size == 0)
        #expect(try Checkpoint(parsingBody: "o\n18446744073709551615\n\(Self.rootBase64)\n").size == UInt64.max)
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let body: String
        let fragment: String
        var testDescription: String { body.debugDescription }
    }

    static let malformed = [
        Malformed(body: "Head\n9944\n", fragment: "got 2 line(s)"),
        Malformed(body: "\n9944\n\(rootBase64)\n", fragment: "origin must not be empty"),
        Malformed(body: "Log\n123\n\(rootBase64)", fragment: "does not end in a newline"),
        Malformed(body: "Log\nbananas\n\(rootBase64)\n", fragment: "not a decimal number"),
        Malformed(body: "Log\n-34\n\(rootBase64)\n", fragment: "not a decimal number"),
        Malformed(body: "Log\n+34\n\(rootBase64)\n", fragment: "not a decimal number"),
        Malformed(body: "Log\n 34\n\(rootBase64)\n", fragment: "not a decimal number"),
        Malformed(body: "Log\n\n\(rootBase64)\n", fragment: "not a decimal number"),
        Malformed(body: "Log\n034\n\(rootBase64)\n", fragment: "leading zero"),
        Malformed(body: "Log\n18446744073709551616\n\(rootBase64)\n", fragment: "64 bits"),
        Malformed(body: "Log\n3438945738945739845734895735\n\(rootBase64)\n", fragment: "64 bits"),
        Malformed(body: "Log\n123\nThisIsn'tBase64\n", fragment: "not canonical base64"),
        Malformed(body: "Log\n123\nYmFuYW5hcw==\n", fragment: "32 bytes, got 7"),
        Malformed(body: "Log\n123\n\(rootBase64.dropLast())\n", fragment: "not canonical base64"),
        Malformed(body: "Log\n123\n\(rootBase64)\n\n", fragment: "extension line 1 is empty"),
        Malformed(body: "Log\n123\n\(rootBase64)\nok\n\nafter\n", fragment: "extension line 2 is empty"),
        Malformed(body: "Log\r\n123\n\(rootBase64)\n", fragment: "control character 0xd"),
        Malformed(body: "Lo\tg\n123\n\(rootBase64)\n", fragment: "control character 0x9"),
    ]

    @Test(arguments: malformed)
    func malformedBodiesAreRefused(body: Malformed) throws {
        do {
            _ = try Checkpoint(parsingBody: body.body)
            Issue.record("accepted \(body.body.debugDescription)")
        } catch {
            #expect(error.code == .malformedCheckpoint)
            #expect(error.message.contains(body.fragment), "\(error.message)")
        }
    }

    @Test func initializerChecksItsArguments() throws {
        for (origin, lines, fragment) in [
            ("", [], "must not be empty"), ("a\nb", [], "a newline"), ("o", [""], "extension line 1 is empty"),
            ("o", ["ok", "x\ny"], "extension line 2 contains a newline"),
        ] as [(String, [String], String)] {
            do {
                _ = try Checkpoint(origin: origin, size: 1, rootHash: Self.root, extensionLines: lines)
                Issue.record("accepted \(origin.debugDescription) \(lines)")
            } catch {
                #expect(error.code == .malformedCheckpoint)
                #expect(error.message.contains(fragment), "\(error.message)")
            }
        }
        // Origins are any one-line text; a schema-less URL is only a recommendation.
        #expect(throws: Never.self) { try Checkpoint(origin: "go.sum database tree", size: 1, rootHash: Self.root) }
    }
}

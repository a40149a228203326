import Testing

@testable import CredenceIdentity

@Suite struct BloomFilterTests {
    @Test func bitOrderIsMostSignificantFirst() throws {
        var filter = BloomFilter()
        filter.set(0)
        filter.set(9)
        filter.set(1023)
        #expect(filter.bytes[0] == 0x80)
        #expect(filter.bytes[1] == 0x40)
        #expect(filter.bytes[127] == 0x01)
        #expect(filter.popCount == 3)
        #expect(filter.isSet(9) && !filter.isSet(8))
    }

    @Test func base64URLRoundTrips() throws {
        var filter = BloomFilter()
        for bit in stride(from: 0, to: 1024, by: 7) { filter.set(bit) }
        let text = filter.base64url
        #expect(text.count == 171)
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(try BloomFilter(base64url: text) == filter)
        #expect(BloomFilter().base64url == String(repeating: "A", count: 171))
    }

    @Test(arguments: [
        "", "AAAA", String(repeating: "A", count: 170) + "=", String(repeating: "A", count: 170) + "B",
        String(repeating: "A", count: 170) + "*",
    ])
    func rejectsBadBase64URL(text: String) {
        #expect(throws: (any Error).self) { try BloomFilter(base64url: text) }
    }

    @Test func rejectsWrongByteCount() {
        #expect(throws: IdentifierError(.badLength, "")) { try BloomFilter(bytes: [0, 1]) }
    }

    @Test func diceArithmetic() throws {
        var a = BloomFilter()
        var b = BloomFilter()
        for bit in 0..<10 { a.set(bit) }
        for bit in 5..<20 { b.set(bit) }
        #expect(a.dice(b) == 2.0 * 5 / 25)
        #expect(b.dice(a) == a.dice(b))
        #expect(a.dice(a) == 1)
        #expect(a.dice(BloomFilter()) == 0)
        #expect(BloomFilter().dice(BloomFilter()) == 0)
    }
}

import CredencePrimitives
import Testing

struct Base64Tests {
    @Test func roundTripsEveryLength() throws {
        for length in 0..<70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(try Base64.decode(Base64.encode(bytes), strict: true) == bytes)
            #expect(try Base64.decode(Base64.encodeURLSafe(bytes)) == bytes)
        }
    }

    @Test func matchesRFC4648TestVectors() {
        let vectors = [
            "": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
            "foobar": "Zm9vYmFy",
        ]
        for (plain, encoded) in vectors {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
        }
    }

    @Test func acceptsEitherAlphabetButNeverBoth() throws {
        #expect(try Base64.decode("-_-_") == [0xFB, 0xFF, 0xBF])
        #expect(try Base64.decode("+/+/") == [0xFB, 0xFF, 0xBF])
        #expect(throws: Base64.Failure.mixedAlphabets) { try Base64.decode("+_+_") }
    }

    @Test(arguments: ["Zg=", "Zg===", "Z", "Zm9v=", "Zg==Zg==", "Zm 9v", "Zm9v\n", "Zg=a"])
    func refusesMalformedText(text: String) {
        #expect(throws: Base64.Failure.self) { try Base64.decode(text) }
    }

    @Test func urlSafeCanonicalFormIsTheOnlyOneAcceptedForTokens() throws {
        #expect(try Base64.decodeURLSafe("-_8") == [0xFB, 0xFF])
        #expect(throws: Base64.Failure.self) { try Base64.decodeURLSafe("-_8=") }
        #expect(throws: Base64.Failure.self) { try Base64.decodeURLSafe("+/8") }
        #expect(throws: Base64.Failure.self) { try Base64.decodeURLSafe("-_9") }  // unused bits set
    }

    @Test func strictRefusesWhatLenientAccepts() throws {
        #expect(try Base64.decode("Zh==") == [0x66])  // non-zero unused bits
        #expect(throws: Base64.Failure.self) { try Base64.decode("Zh==", strict: true) }
        #expect(try Base64.decode("Zg") == [0x66])  // no padding
        #expect(throws: Base64.Failure.self) { try Base64.decode("Zg", strict: true) }
        #expect(throws: Base64.Failure.self) { try Base64.decode("-_-_", strict: true) }
    }
}

import CredencePrimitives
import Testing

struct HexAndCalendarTests {
    @Test func hexRoundTripsAndRefusesJunk() {
        #expect(Hex.encode([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(Hex.decode("00ABff") == [0x00, 0xAB, 0xFF])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode("") == [])
    }

    @Test func gregorianRules() {
        #expect(GregorianCalendar.isValid(year: 2024, month: 2, day: 29))
        #expect(!GregorianCalendar.isValid(year: 2023, month: 2, day: 29))
        #expect(!GregorianCalendar.isValid(year: 1900, month: 2, day: 29))
        #expect(GregorianCalendar.isValid(year: 2000, month: 2, day: 29))
        #expect(!GregorianCalendar.isValid(year: 2026, month: 4, day: 31))
        #expect(!GregorianCalendar.isValid(year: 2026, month: 13, day: 1))
        #expect(!GregorianCalendar.isValid(year: 2026, month: 1, day: 0))
    }
}

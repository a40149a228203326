import CommerceExports
import CredenceProtocol
import Testing

@Suite("Export times to UTC")
struct InstantTextTests {
    @Test(
        "converts ISO 8601 with an offset to UTC",
        arguments: [
            ("2008-01-10T11:00:00-05:00", "2008-01-10T16:00:00Z"),
            ("2026-10-02T16:15:00+08:00", "2026-10-02T08:15:00Z"),
            ("2026-01-01T05:29:00+05:30", "2025-12-31T23:59:00Z"),
            ("2026-03-01T01:00:00+0200", "2026-02-28T23:00:00Z"),
            ("2024-02-29T23:30:00-01:00", "2024-03-01T00:30:00Z"),
            ("2026-10-02T08:15:00Z", "2026-10-02T08:15:00Z"),
            ("2026-10-02T08:15:00.123-04:00", "2026-10-02T12:15:00.123Z"),
        ])
    func converts(text: String, expected: String) throws {
        #expect(try InstantText.utc(fromISO8601: text).rawValue == expected)
    }

    @Test(
        "refuses local times, impossible days and other shapes",
        arguments: [
            "2026-10-02T08:15:00", "2026-02-30T08:15:00Z", "2026-10-02T24:00:00Z", "2026-10-02T08:60:00Z",
            "2026-10-02T08:15:60Z", "2026-10-02 08:15:00Z", "2026-10-02T08:15:00+5:00", "2026-10-02T08:15:00+05:0",
            "2026-10-02T08:15:00.Z", "2026-10-02T08:15:00.1234567890Z", "2026-10-02", "yesterday", "",
            "2026-10-02T08:15:00+24:00",
        ])
    func refuses(text: String) {
        #expect(throws: CommerceFormatError(.badTime, "")) { try InstantText.utc(fromISO8601: text) }
    }

    @Test("writes local time at an offset and reads it back to the same instant")
    func writesWithOffset() throws {
        let instant = try Timestamp("2026-10-02T08:15:00Z")
        #expect(InstantText.iso8601(instant, offsetMinutes: 480) == "2026-10-02T16:15:00+08:00")
        #expect(InstantText.iso8601(instant, offsetMinutes: -570) == "2026-10-01T22:45:00-09:30")
        #expect(InstantText.iso8601(instant, offsetMinutes: 0) == "2026-10-02T08:15:00Z")
        let fractional = try Timestamp("2026-10-02T08:15:00.5Z")
        let written = InstantText.iso8601(fractional, offsetMinutes: -300)
        #expect(written == "2026-10-02T03:15:00.5-05:00")
        #expect(try InstantText.utc(fromISO8601: written) == fractional)
    }

    @Test("reads Unix seconds as Stripe writes them")
    func unixSeconds() {
        #expect(InstantText.utc(fromUnixSeconds: 1_234_567_890).rawValue == "2009-02-13T23:31:30Z")
        #expect(InstantText.unixSeconds(InstantText.utc(fromUnixSeconds: 1_723_679_999)) == 1_723_679_999)
    }
}

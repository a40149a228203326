import CredenceProtocol
import Foundation

/// Writes test exports in ``LineSourceReader``'s format.
enum LineExport {
    /// One valid unit: order `number`, its customer and a Chinese mobile number.
    static func line(_ number: Int) -> String {
        let phone = "+86139" + String(format: "%08d", number % 100_000_000)
        return "\(number)|customer-\(number % 97)|\(phone)|\(100 + number)|CNY|2026-11-01T10:00:00Z"
    }

    /// Writes orders `orders` (valid units) followed by `extra` lines, under `format`'s header.
    @discardableResult
    static func write(
        _ url: URL, orders: Range<Int>, extra: [String] = [], format: SourceFormat = .shopifyAdminREST
    ) throws -> URL {
        var text = LineSourceReader.header + format.rawValue + "\n"
        for number in orders { text += line(number) + "\n" }
        for line in extra { text += line + "\n" }
        try Data(text.utf8).write(to: url)
        return url
    }
}

public import Foundation

/// Writes commerce objects as a JSON Lines export, the shape ``CommerceExportReader`` reads and partners
/// produce from Shopify's REST API or Stripe's: one compact object per line. Buffered, so generating a
/// million orders makes a few hundred writes.
///
/// ```swift
/// let writer = try CommerceExportWriter(creating: URL(filePath: "orders.jsonl"), shopOffsetMinutes: -300)
/// try writer.write(.shopify(.order(order)))
/// try writer.write(.shopify(.transaction(capture)))
/// try writer.finish()
/// ```
public final class CommerceExportWriter {
    private let handle: FileHandle
    private let shopOffsetMinutes: Int
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 20

    /// Creates (or truncates) the file. Shopify times are written in the shop's offset, `shopOffsetMinutes`
    /// east of UTC (a US Eastern shop in winter: -300), as Shopify writes them.
    public init(creating url: URL, shopOffsetMinutes: Int = 0) throws(CommerceFormatError) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CommerceFormatError(.unreadableFile, "cannot create \(url.lastPathComponent)")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw CommerceFormatError(.unreadableFile, "cannot open \(url.lastPathComponent) for writing: \(error)")
        }
        self.shopOffsetMinutes = shopOffsetMinutes
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
    }

    /// Appends one object as one line.
    public func write(_ object: CommerceObject) throws(CommerceFormatError) {
        buffer.append(contentsOf: object.jsonLine(shopOffsetMinutes: shopOffsetMinutes))
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes what is buffered and closes the file; the writer cannot be used afterwards.
    public func finish() throws(CommerceFormatError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw CommerceFormatError(.unreadableFile, "closing the export failed: \(error)")
        }
    }

    private func flush() throws(CommerceFormatError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw CommerceFormatError(.unreadableFile, "writing the export failed: \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

import Foundation
import ZIPFoundation

/// Zips built and damaged by hand, for what this project's writer never makes.
enum ZipFixture {
    /// A deflated zip with exactly these entries.
    static func write(_ entries: [(name: String, bytes: [UInt8])], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, bytes) in entries {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in Data(bytes[Int(position)..<(Int(position) + size)]) }
        }
    }

    /// Scrambles the stored data of `member` in place, leaving the zip's directory intact: any attempt to
    /// read the member fails (bad deflate data or CRC mismatch), while listing the zip still works.
    static func corruptData(of member: String, in url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let name = Array(member.utf8)
        func little(_ offset: Int, _ count: Int) -> Int {
            (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        var index = 0
        var found = false
        while index + 30 <= bytes.count {
            defer { index += 1 }
            guard bytes[index..<(index + 4)].elementsEqual([0x50, 0x4B, 0x03, 0x04]) else { continue }
            let nameLength = little(index + 26, 2)
            let extraLength = little(index + 28, 2)
            guard bytes[(index + 30)..<(index + 30 + nameLength)].elementsEqual(name) else { continue }
            let start = index + 30 + nameLength + extraLength
            let size = little(index + 18, 4)
            for offset in start..<(start + size) { bytes[offset] ^= 0x5A }
            found = size > 0
        }
        precondition(found, "no local header with data for \(member)")
        try Data(bytes).write(to: url)
    }
}

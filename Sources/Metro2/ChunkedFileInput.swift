import Foundation

/// A file read forward in chunks, so a file of any size is parsed in bounded memory: only the unread tail
/// of the last chunks is kept. The handle closes itself when the last copy of the input goes away.
struct ChunkedFileInput {
    private let handle: FileHandle
    private let chunkSize: Int
    /// Unconsumed bytes start at ``position``.
    private(set) var buffer: [UInt8] = []
    private(set) var position = 0
    /// The file offset of `buffer[0]`.
    private var bufferFileOffset: Int64 = 0
    private(set) var reachedEnd = false

    init(url: URL, chunkSize: Int = 1 << 20) throws(Metro2FileError) {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw Metro2FileError("cannot open the file: \(error.localizedDescription)")
        }
        self.chunkSize = chunkSize
    }

    /// The file offset of the next unconsumed byte.
    var fileOffset: Int64 { bufferFileOffset + Int64(position) }

    var available: Int { buffer.count - position }

    /// Reads until at least `count` bytes are available or the file ends; returns whether they are.
    @discardableResult
    mutating func fill(atLeast count: Int) throws(Metro2FileError) -> Bool {
        guard available < count else { return true }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            bufferFileOffset += Int64(position)
            position = 0
        }
        while buffer.count < count && !reachedEnd {
            let data: Data?
            do {
                data = try handle.read(upToCount: max(chunkSize, count - buffer.count))
            } catch {
                throw Metro2FileError("cannot read the file: \(error.localizedDescription)")
            }
            guard let data, !data.isEmpty else {
                reachedEnd = true
                break
            }
            buffer.append(contentsOf: data)
        }
        return available >= count
    }

    mutating func consume(_ count: Int) {
        position += count
    }

    /// The index (into ``buffer``) of the first line feed at or after `buffer[position + skip]`, reading
    /// more as needed, or nil when the file ends first. Throws when no line break comes within `maximum`
    /// bytes, which no Metro 2 line needs.
    mutating func lineFeedIndex(maximum: Int) throws(Metro2FileError) -> Int? {
        var searched = 0
        while true {
            if let index = Self.firstLineFeed(in: buffer, from: position + searched) { return index }
            searched = available
            if searched > maximum {
                throw Metro2FileError(
                    "no line break within \(maximum) bytes at byte offset \(fileOffset): the file is neither "
                        + "one Metro 2 record per line nor RDW-framed")
            }
            if reachedEnd { return nil }
            try fill(atLeast: available + chunkSize)
        }
    }

    /// `memchr` over the buffer: the line search touches every byte of a newline-delimited file.
    private static func firstLineFeed(in buffer: [UInt8], from start: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard start < bytes.count, let base = bytes.baseAddress,
                let hit = memchr(base + start, Int32(ASCIIText.lineFeed), bytes.count - start)
            else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}

import CredenceProtocol
import Foundation
import SocialExports
import ZIPFoundation

/// Writes an X archive zip whose bytes depend on the archive only. `XArchiveWriter.write(_:to:layout:)`
/// stamps members with the time of writing, so two runs with one seed would differ; here every member is
/// stamped with the archive's generation date (as X's own archives are, roughly) and the members come from
/// `XArchiveWriter.members(of:)`, which owns the archive's file layout.
enum ReproducibleArchiveZip {
    static func write(_ archive: XArchive, with writer: XArchiveWriter, to url: URL) throws {
        let members = try writer.members(of: archive)
        let stamp = Date(timeIntervalSince1970: TimeInterval(archive.generationDate.secondsSinceEpoch))
        let zip = try Archive(url: url, accessMode: .create)
        for member in members {
            let bytes = member.bytes
            try zip.addEntry(
                with: member.name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                compressionMethod: .deflate
            ) { position, size in
                Data(bytes[Int(position)..<(Int(position) + size)])
            }
        }
    }
}

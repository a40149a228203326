import AdapterCore
import Foundation

/// The files a backfill reads, from the paths it was given: a directory that is not itself one export (an
/// unpacked X archive is) stands for the regular files below it, in path order, so a partner can hand over
/// a whole export folder (an empty one reads nothing).
enum ExportInputs {
    static func expanding(_ paths: [URL], reader: any SourceReader) throws(AdapterError) -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory), isDirectory.boolValue,
                !reader.isOneExport(directory: path)
            {
                // Hidden files (an editor's swap file, .DS_Store) are not exports. An empty folder reads nothing.
                files += try SourceFileIdentity.regularFiles(under: path)
                    .filter { relative, _ in !relative.split(separator: "/").contains { $0.hasPrefix(".") } }
                    .map(\.1)
            } else {
                files.append(path)
            }
        }
        return files
    }
}

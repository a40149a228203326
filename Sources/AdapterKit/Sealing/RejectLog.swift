import Foundation

/// The reject files a partner's data team reads: `<folder>/<file>.rejects.jsonl`, one JSON line per
/// quarantined unit (``RejectedUnit``).
///
/// The outbox is the record of what was rejected; the files are appended after each commit and, should
/// the adapter die between the two, rewritten from the outbox when the next run starts.
struct RejectLog: Sendable {
    let folder: URL

    func url(for file: String) -> URL { folder.appendingPathComponent(file + ".rejects.jsonl") }

    func append(_ rejects: [RejectedUnit]) throws(AdapterError) {
        guard !rejects.isEmpty else { return }
        try DurableFile.createDirectory(folder)
        var lines: [String: [UInt8]] = [:]
        for reject in rejects { lines[reject.file, default: []].append(contentsOf: reject.jsonLine()) }
        for (file, bytes) in lines { try DurableFile.append(url(for: file).path, bytes) }
    }

    /// Rewrites every reject file whose number of lines is not the outbox's number of rejects for it.
    func repair(from outbox: Outbox) async throws {
        for (file, count) in try await outbox.rejectCounts() {
            let path = url(for: file).path
            let lines = FileManager.default.contents(atPath: path).map { $0.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            guard lines != count else { continue }
            try DurableFile.createDirectory(folder)
            try DurableFile.replace(path, try await outbox.rejects(named: file).flatMap { $0.jsonLine() })
        }
    }
}

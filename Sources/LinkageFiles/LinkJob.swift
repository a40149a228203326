import CSVFiles
import CredenceProtocol
import Foundation
public import Linkage

/// `credence link` as a library: read and encode one or two CSV files, link them with the engine, write
/// `pairs.csv` and `clusters.csv`.
public struct LinkJob: Sendable {
    public var left: InputFile
    /// Absent: the left file is deduplicated.
    public var right: InputFile?
    public var encoder: FileEncoder
    /// Where the linkage key came from, for the summary (`--linkage-key` file, or generated for the run).
    public var keyOrigin: String
    public var settings: LinkageSettings
    public var pairsPath: String
    public var clustersPath: String?

    public init(
        left: InputFile, right: InputFile?, encoder: FileEncoder, keyOrigin: String, settings: LinkageSettings,
        pairsPath: String, clustersPath: String?
    ) {
        self.left = left
        self.right = right
        self.encoder = encoder
        self.keyOrigin = keyOrigin
        self.settings = settings
        self.pairsPath = pairsPath
        self.clustersPath = clustersPath
    }

    /// Runs every stage and returns what the summary reports. The outputs are replaced only when every stage
    /// has succeeded; their temporary files are created first, so an unwritable path fails before the work.
    public func run() throws(LinkError) -> LinkReport {
        let clock = ContinuousClock()
        let start = clock.now
        let pairsFile = try LinkError.csv { () throws(CSVFileError) in try AtomicFileWriter(path: pairsPath) }
        let clustersFile = try clustersPath.map { path throws(LinkError) in
            try LinkError.csv { () throws(CSVFileError) in try AtomicFileWriter(path: path) }
        }
        var leftSet = LinkageDataset()
        let leftFile = try encode(left, firstIndex: 0, into: &leftSet)
        var rightSet = LinkageDataset()
        let rightFile = try right.map { file throws(LinkError) in
            try encode(file, firstIndex: leftFile.ids.count, into: &rightSet)
        }

        let linkingStart = clock.now
        let result =
            if rightFile != nil {
                LinkageRun.link(left: leftSet, right: rightSet, settings: settings)
            } else {
                LinkageRun.deduplicate(leftSet, settings: settings)
            }
        let linkingTime = clock.now - linkingStart

        let writingStart = clock.now
        let ids = LinkOutput.RowIDs(left: leftFile.ids, right: rightFile?.ids ?? [], isTwoFiles: rightFile != nil)
        let pairs = try LinkError.csv { () throws(CSVFileError) in
            try LinkOutput.writePairs(result.pairs, ids: ids, into: pairsFile)
        }
        let clusters = LinkOutput.clusters(result.clusters, ids: ids)
        if let clustersFile {
            try LinkError.csv { () throws(CSVFileError) in
                try LinkOutput.writeClusters(clusters, ids: ids, into: clustersFile)
            }
        }
        try LinkError.csv { () throws(CSVFileError) in try pairsFile.commit() }
        try LinkError.csv { () throws(CSVFileError) in try clustersFile?.commit() }
        let writingTime = clock.now - writingStart

        return LinkReport(
            files: [leftFile, rightFile].compactMap { $0.map(LinkReport.FileSummary.init) },
            mappings: [left.mapping] + (right.map { [$0.mapping] } ?? []),
            keyOrigin: keyOrigin, threshold: settings.threshold, engine: result.summary, links: pairs,
            clusterSizes: clusters.sizes, linkingTime: linkingTime, writingTime: writingTime,
            totalTime: clock.now - start)
    }

    /// Encodes a file straight into the engine's compact dataset, chunk by chunk. Engine ids are row positions:
    /// unique across both files even when the files' own ids coincide.
    private func encode(_ file: InputFile, firstIndex: Int, into dataset: inout LinkageDataset) throws(LinkError)
        -> EncodedFile
    {
        let source = file.source.rawValue
        return try encoder.encode(file, firstIndex: firstIndex) { row, subject in
            LinkageRecord(id: String(row.index), source: source, subject: subject)
        } consume: { (records: [LinkageRecord]) throws(LinkError) in
            for record in records {
                do throws(LinkageError) {
                    try dataset.append(record)
                } catch {
                    throw LinkError(.input, "\(file.path): \(error.message)")
                }
            }
        }
    }
}

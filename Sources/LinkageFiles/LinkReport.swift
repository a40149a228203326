import Foundation
public import Linkage

/// What `credence link` prints on stderr when it is done: counts, never values.
public struct LinkReport: Sendable, CustomStringConvertible {
    /// One input file: its records, what was encoded or left out per element, and its reading time.
    public struct FileSummary: Sendable {
        public var path: String
        public var records: Int
        public var statistics: EncodingStatistics
        public var readingTime: Duration
        public var encodingTime: Duration

        init(_ file: EncodedFile) {
            path = file.path
            records = file.ids.count
            statistics = file.statistics
            readingTime = file.readingTime
            encodingTime = file.encodingTime
        }
    }

    public var files: [FileSummary]
    public var mappings: [ColumnMapping]
    public var keyOrigin: String
    public var threshold: Double
    public var engine: LinkageSummary
    /// Pairs written to pairs.csv.
    public var links: Int
    /// Records per cluster, every record counted (singletons included).
    public var clusterSizes: [Int]
    public var linkingTime: Duration
    public var writingTime: Duration
    public var totalTime: Duration

    public var description: String {
        var lines: [String] = []
        let mode = files.count == 1 ? "deduplicate" : "link two files"
        lines.append("credence link (\(mode)), linkage key \(keyOrigin)")
        for (file, mapping) in zip(files, mappings) {
            lines.append(
                "\(file.path): \(file.records) records (read \(Self.seconds(file.readingTime)), "
                    + "encode \(Self.seconds(file.encodingTime)))")
            let mapped = mapping.assignments.map { "\($0.column)=\($0.field.rawValue)" }.joined(separator: " ")
            lines.append("  columns: id=\(mapping.idColumn) \(mapped)")
            for element in EncodedElement.allCases {
                guard let tally = file.statistics.tallies[element] else { continue }
                var line = "  " + element.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                line += "\(tally.present) encoded"
                if !tally.presentByType.isEmpty {
                    line +=
                        " ("
                        + tally.presentByType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                        .joined(separator: ", ") + ")"
                }
                if tally.omittedCount > 0 {
                    line +=
                        ", \(tally.omittedCount) omitted ("
                        + tally.omitted.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                        .map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
                }
                lines.append(line)
            }
        }
        lines += engine.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let several = clusterSizes.count(where: { $0 > 1 })
        lines.append(
            "output: \(links) pairs with probability >= \(LinkOutput.formatProbability(threshold)); "
                + "\(clusterSizes.count) clusters (\(several) of several records, largest \(clusterSizes.max() ?? 0))")
        let reading = files.reduce(Duration.zero) { $0 + $1.readingTime }
        let encoding = files.reduce(Duration.zero) { $0 + $1.encodingTime }
        lines.append(
            "stages: read \(Self.seconds(reading)), encode \(Self.seconds(encoding)), "
                + "link \(Self.seconds(linkingTime)), write \(Self.seconds(writingTime)), "
                + "total \(Self.seconds(totalTime))")
        return lines.joined(separator: "\n")
    }

    static func seconds(_ duration: Duration) -> String { LinkageSummary.seconds(duration) }
}

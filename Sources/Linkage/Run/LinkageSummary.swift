import CredencePrimitives

/// Counts, parameters and timings of a batch run.
public struct LinkageSummary: Sendable {
    public enum Mode: String, Sendable {
        case deduplicate, link
    }

    public struct Timings: Sendable, Equatable {
        public var blocking: Duration = .zero
        public var estimation: Duration = .zero
        public var scoring: Duration = .zero
        public var clustering: Duration = .zero
        public var total: Duration = .zero
    }

    public var mode: Mode
    /// The match probability a link needed.
    public var threshold: Double
    /// Records per side (one entry when deduplicating).
    public var records: [Int]
    public var rules: [BlockingRuleStatistics]
    /// Blocks kept over all rules.
    public var blocks: Int
    /// Blocks over `maxBlockSize`, skipped.
    public var oversizedBlocksSkipped: Int
    /// Distinct pairs compared by the scoring stage.
    public var candidatePairs: Int
    /// Every comparison made, estimation included.
    public var comparisons: Int
    /// Pairs at or above the threshold.
    public var links: Int
    /// Links that joined two clusters, and merges the guards refused.
    public var merges: Int
    public var guards: ClusteringGuards
    /// Clusters of two records or more, and the largest.
    public var clusters: Int
    public var largestCluster: Int
    public var model: LinkageModel
    public var estimation: EstimationReport
    public var timings: Timings
    /// Bytes of the compact record store (the run's largest structure).
    public var storeBytes: Int

    /// Multi-line, for stderr.
    public var description: String {
        var lines: [String] = []
        let recordText = records.map(String.init).joined(separator: " + ")
        lines.append("\(mode.rawValue): \(recordText) records, threshold \(threshold)")
        lines.append(
            "blocking: \(blocks) blocks, \(oversizedBlocksSkipped) oversized blocks skipped, \(candidatePairs) "
                + "candidate pairs (\(Self.format(Double(candidatePairs) / Double(max(1, records.reduce(0, +))), digits: 1)) per record)"
        )
        for rule in rules where rule.blocks + rule.oversizedBlocks > 0 {
            lines.append(
                "  \(rule.rule): \(rule.blocks) blocks, \(rule.oversizedBlocks) oversized, \(rule.pairs) pairs")
        }
        lines.append(estimation.description)
        lines.append("prior \(Self.format(model.prior, digits: 9)) (\(Self.format(model.priorWeight, digits: 2)) bits)")
        for field in model.fields {
            let levels = field.levels.map { level in
                "\(level.name) m=\(Self.format(level.m, digits: 4)) u=\(Self.format(level.u, digits: 7)) "
                    + "w=\(Self.format(level.weight, digits: 2))"
            }
            lines.append("  \(field.field.rawValue): " + levels.joined(separator: "; "))
        }
        lines.append(
            "scoring: \(comparisons) comparisons, \(links) links; clustering: \(merges) merges, \(clusters) "
                + "clusters of 2+ (largest \(largestCluster)); refused: \(guards.nationalIDConflicts) national-ID "
                + "conflicts, \(guards.sizeCap) size cap, \(guards.duplicateFreeSource) duplicate-free source")
        lines.append(
            "time: blocking \(Self.seconds(timings.blocking)), estimation \(Self.seconds(timings.estimation)), "
                + "scoring \(Self.seconds(timings.scoring)), clustering \(Self.seconds(timings.clustering)), total "
                + "\(Self.seconds(timings.total)); record store \(storeBytes / 1_000_000) MB")
        return lines.joined(separator: "\n")
    }

    /// A duration for a summary line: seconds with 2 decimals.
    public static func seconds(_ duration: Duration) -> String {
        format(duration.inSeconds, digits: 2) + " s"
    }

    /// Fixed decimals without Foundation's formatter (scientific notation below 10⁻⁴).
    static func format(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        if value != 0, abs(value) < 1e-4 { return "\(value)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled - Double(whole) * scale))
        while fraction.count < digits { fraction = "0" + fraction }
        return (value < 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + fraction : "")
    }
}

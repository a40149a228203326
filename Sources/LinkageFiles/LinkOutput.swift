import CSVFiles
import Linkage

/// The two output files. Rows are named by the files' own ids; the engine's ids are row positions.
enum LinkOutput {
    /// The ids of every row of the run, left file first: position `i` is engine record id `"i"`.
    struct RowIDs {
        let left: [String]
        let right: [String]
        let isTwoFiles: Bool
        var count: Int { left.count + right.count }

        subscript(position: Int) -> String { position < left.count ? left[position] : right[position - left.count] }

        func file(of position: Int) -> String { position < left.count ? "left" : "right" }
    }

    /// The dense cluster number of every row and the cluster sizes.
    struct ClusterAssignment {
        /// 1...K, numbered in order of first appearance in the input.
        let clusterOfRow: [Int]
        let sizes: [Int]
    }

    /// Writes `left_id,right_id,probability`, one line per pair, ordered by input position; in a two-file run
    /// the left id is from the left file, in a deduplication the left id is the earlier row. Returns the count.
    static func writePairs(_ pairs: LinkedPairs, ids: RowIDs, into writer: AtomicFileWriter) throws(CSVFileError) -> Int
    {
        var rows = pairs.indices.map { position in
            let pair = pairs.idsAndProbability(at: position)
            let (a, b) = (Int(pair.left)!, Int(pair.right)!)
            return (first: min(a, b), second: max(a, b), probability: pair.probability)
        }
        rows.sort { ($0.first, $0.second) < ($1.first, $1.second) }
        try writer.writeRecord(["left_id", "right_id", "probability"])
        var previous: (Int, Int)?
        var written = 0
        for row in rows where previous.map({ $0 != (row.first, row.second) }) ?? true {
            previous = (row.first, row.second)
            try writer.writeRecord([ids[row.first], ids[row.second], formatProbability(row.probability)])
            written += 1
        }
        return written
    }

    /// Numbers the engine's clusters densely by first appearance; rows the engine left alone are singletons.
    static func clusters(_ engineClusters: [String: Int], ids: RowIDs) -> ClusterAssignment {
        var dense: [Int: Int] = [:]
        var sizes: [Int] = []
        var clusterOfRow: [Int] = []
        clusterOfRow.reserveCapacity(ids.count)
        for position in 0..<ids.count {
            let cluster: Int
            if let engineCluster = engineClusters[String(position)] {
                if let known = dense[engineCluster] {
                    cluster = known
                } else {
                    cluster = sizes.count + 1
                    dense[engineCluster] = cluster
                    sizes.append(0)
                }
            } else {
                cluster = sizes.count + 1
                sizes.append(0)
            }
            sizes[cluster - 1] += 1
            clusterOfRow.append(cluster)
        }
        return ClusterAssignment(clusterOfRow: clusterOfRow, sizes: sizes)
    }

    /// Writes `id,cluster_id` for every row; a two-file run adds `file` (`left` or `right`), because the two
    /// files' ids may coincide.
    static func writeClusters(_ clusters: ClusterAssignment, ids: RowIDs, into writer: AtomicFileWriter)
        throws(CSVFileError)
    {
        try writer.writeRecord(ids.isTwoFiles ? ["id", "cluster_id", "file"] : ["id", "cluster_id"])
        for position in 0..<ids.count {
            var fields = [ids[position], String(clusters.clusterOfRow[position])]
            if ids.isTwoFiles { fields.append(ids.file(of: position)) }
            try writer.writeRecord(fields)
        }
    }

    /// Six decimals, rounded, independent of the locale: `0.953125`, `1.000000`.
    static func formatProbability(_ probability: Double) -> String {
        let millionths = Int((min(max(probability, 0), 1) * 1_000_000).rounded())
        let fraction = String(millionths % 1_000_000)
        return "\(millionths / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}

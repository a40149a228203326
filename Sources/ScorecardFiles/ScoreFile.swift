import CSVFiles
public import Scorecard

/// What ``ScoreFile/score(model:dataPath:idColumn:outPath:reasonSentences:delimiter:)`` did.
public struct ScoringSummary: Sendable, Equatable {
    public let rows: Int
    public let meanScore: Double
    public let lowestScore: Int
    public let highestScore: Int
}

/// Scores a CSV file with a model: `id,score,probability_bad,reason1,reason2,reason3,reason4`, one row per
/// input row in input order. The file is streamed a block of rows at a time through ``CompiledScorecard``.
public enum ScoreFile {
    public static let header = ["id", "score", "probability_bad", "reason1", "reason2", "reason3", "reason4"]
    static let blockRows = 65_536

    /// - Parameter reasonSentences: write each reason's sentence instead of its code.
    public static func score(
        model: ScorecardModel, dataPath: String, idColumn: String, outPath: String, reasonSentences: Bool = false,
        delimiter: UInt8 = UInt8(ascii: ",")
    ) throws(ScorecardFileError) -> ScoringSummary {
        let file = try DataFile(path: dataPath, delimiter: delimiter)
        let idPosition = try file.position(of: idColumn, role: "--id")
        let positions = try model.features.map { feature throws(ScorecardFileError) in
            try file.position(of: feature.name, role: "a feature of the model")
        }
        let compiled = CompiledScorecard(model)
        let output = try ScorecardFileError.csv { () throws(CSVFileError) in try AtomicFileWriter(path: outPath) }
        try ScorecardFileError.csv { () throws(CSVFileError) in try output.writeRecord(header) }
        var block = Block(featureCount: model.features.count)
        var statistics = (rows: 0, total: 0.0, lowest: Int.max, highest: Int.min)
        func flush() throws(ScorecardFileError) {
            guard !block.ids.isEmpty else { return }
            let scores = compiled.score(block.matrix())
            for (row, id) in block.ids.enumerated() {
                let points = scores.points[row]
                let score = ScorecardModel.presentedScore(points)
                let reasons = scores.reasons(row: row).map { index in
                    reasonSentences ? model.features[index].reason : model.features[index].reasonCode
                }
                let record =
                    [id, String(score), probabilityText(model.scaling.probabilityBad(score: points))]
                    + reasons + Array(repeating: "", count: ScorecardModel.maximumReasons - reasons.count)
                try ScorecardFileError.csv { () throws(CSVFileError) in try output.writeRecord(record) }
                statistics.rows += 1
                statistics.total += Double(score)
                statistics.lowest = min(statistics.lowest, score)
                statistics.highest = max(statistics.highest, score)
            }
            block = Block(featureCount: model.features.count)
        }
        while let row = try file.nextRow() {
            let id = row.fields[idPosition]
            guard !id.isEmpty else { throw .input(dataPath, line: row.line, "column '\(idColumn)' (--id) is empty") }
            block.ids.append(id)
            for (index, feature) in model.features.enumerated() {
                let value = DataFile.presentValue(row.fields[positions[index]])
                let encoded: Double
                switch (feature.kind, value) {
                case (_, nil): encoded = .nan
                case (.numeric, let text?):
                    guard let number = DataFile.number(text) else {
                        throw .input(
                            dataPath, line: row.line,
                            "column '\(feature.name)' holds a value that is not a number, and the model's feature "
                                + "'\(feature.name)' is numeric")
                    }
                    encoded = number
                case (.categorical, let text?): encoded = compiled.encode(.category(String(text)), feature: index)
                }
                block.columns[index].append(encoded)
            }
            if block.ids.count == blockRows { try flush() }
        }
        try flush()
        try ScorecardFileError.csv { () throws(CSVFileError) in try output.commit() }
        guard statistics.rows > 0 else { return ScoringSummary(rows: 0, meanScore: 0, lowestScore: 0, highestScore: 0) }
        return ScoringSummary(
            rows: statistics.rows, meanScore: statistics.total / Double(statistics.rows),
            lowestScore: statistics.lowest, highestScore: statistics.highest)
    }

    /// A probability with six decimals (`0.031250`), without going through a C format string per row.
    public static func probabilityText(_ probability: Double) -> String {
        let millionths = Int((probability * 1_000_000).rounded())
        let fraction = String(millionths % 1_000_000)
        return "\(millionths / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
    }

    /// Rows read but not yet scored: their ids and, per model feature, their encoded values.
    private struct Block {
        var ids: [String] = []
        var columns: [[Double]]

        init(featureCount: Int) {
            columns = Array(repeating: [], count: featureCount)
            ids.reserveCapacity(ScoreFile.blockRows)
        }

        func matrix() -> FeatureMatrix {
            var matrix = FeatureMatrix(rowCount: ids.count, featureCount: columns.count)
            matrix.values = columns.flatMap { $0 }
            return matrix
        }
    }
}

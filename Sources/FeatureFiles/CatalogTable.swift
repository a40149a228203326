import CredenceProtocol
public import CreditFeatures

/// The feature catalog as `credence features --catalog` prints it: one aligned row per feature with its name,
/// source partner kinds, unit, risk trend and meaning.
public enum CatalogTable {
    public static func text(_ definitions: [FeatureDefinition] = FeatureCatalog.definitions) -> String {
        let header = ["feature", "sources", "unit", "trend", "meaning"]
        let rows =
            [header]
            + definitions.map { definition in
                [
                    definition.name, definition.sourceKinds.map(\.rawValue).joined(separator: ","),
                    definition.unit.rawValue + (definition.isNegativeInformation ? " (negative)" : ""),
                    definition.riskTrend.rawValue, definition.meaning,
                ]
            }
        let widths = (0..<header.count - 1).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (column, width) in widths.enumerated() {
                line += row[column] + String(repeating: " ", count: width - row[column].count + 2)
            }
            return line + row[header.count - 1]
        }.joined(separator: "\n")
    }
}

import Foundation
public import Scorecard

/// The text `credence model fit` prints: the candidates' information values and what became of them, the
/// training discrimination, the scaling, and the adverse impact ratio of every protected group.
public enum FitReport {
    public static func text(_ fit: ScorecardFit, dataPath: String) -> String {
        let model = fit.model
        let summary = model.fit
        var lines: [String] = []
        let rows = summary?.rows ?? 0
        let bads = summary?.bads ?? 0
        lines.append(
            "\(dataPath): \(rows) rows, \(bads) bad (\(percent(summary?.badRate ?? 0))), "
                + "\(fit.candidates.count) candidate columns, \(model.features.count) in the model")
        lines.append("")
        lines.append("Information value per column (features by decreasing IV, then the columns left out):")
        let width = min(max(fit.candidates.map(\.name.count).max() ?? 0, 6), 40)
        for candidate in fit.candidates {
            let iv = candidate.informationValue.map { fixed($0, 4) } ?? "-"
            let name = candidate.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let status: String
            if let reason = candidate.screenedReason {
                status = "left out: \(reason)"
            } else {
                let trend = candidate.trend.map { ", bad rate \($0.rawValue)" } ?? ""
                status = "used (\(candidate.binCount) bins\(trend))"
            }
            lines.append("  \(name)  IV \(iv.padding(toLength: 7, withPad: " ", startingAt: 0))  \(status)")
        }
        lines.append("")
        let discrimination = fit.discrimination
        lines.append(
            "Training data: AUC \(fixed(discrimination.auc, 4))  Gini \(fixed(discrimination.gini, 4))  "
                + "KS \(fixed(discrimination.ks, 4))")
        lines.append(
            "Scaling: \(fixed(model.baseScore, 0)) points at \(fixed(model.baseOdds, 2)):1 odds of good, "
                + "\(fixed(model.pdo, 2)) points to double the odds; base points \(fixed(model.basePoints, 2))")
        if !fit.adverseImpact.isEmpty {
            lines.append("")
            lines.append(
                "Adverse impact at cutoff \(fit.cutoff) (approves \(percent(fit.approvedShare)) of training rows; "
                    + "ratio = group's approved share / highest group's, below "
                    + "\(fixed(AdverseImpact.flagThreshold, 1)) flagged):")
            for report in fit.adverseImpact {
                lines.append("  \(report.column)")
                let labelWidth = min(max(report.groups.map(\.label.count).max() ?? 0, 5), 40)
                for group in report.groups {
                    let label = group.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                    lines.append(
                        "    \(label)  rows \(group.count)  approved \(percent(group.approvedShare))  "
                            + "ratio \(fixed(group.impactRatio, 3))\(group.isFlagged ? "  FLAGGED" : "")")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }
}

public import CredenceProtocol
public import CredenceStore
import Foundation

/// The credit side of a person's file, for the person and the operator: the current score with its reasons,
/// and every inquiry (who asked, for what purpose, when). Served with the linkage report by
/// `GET /v1/admin/persons/{id}` and printed by `credence-aggregator person show`.
public struct CreditFileSummary: Codable, Sendable, Equatable {
    public struct Score: Codable, Sendable, Equatable {
        public let score: Int
        public let band: ScoreBand
        public let probabilityBad: Double
        public let reasons: [ScoreReason]
        public let modelVersion: String
        public let asOf: String
        public let scoredAt: String
        public let contributingBatches: [String]
    }

    public struct Inquiry: Codable, Sendable, Equatable {
        public let consumerID: String
        public let purpose: String
        public let inquiredAt: String
        public let reportID: String
    }

    /// nil while the person is not scored yet (scoring trails linking by a moment).
    public let score: Score?
    public let inquiries: [Inquiry]

    public init(score stored: StoredScore?, inquiries: [InquiryRecord]) throws(ScoringError) {
        if let stored {
            score = Score(
                score: stored.score, band: ScoreBand(probabilityBad: stored.probabilityBad),
                probabilityBad: stored.probabilityBad, reasons: try PersonScorer.reasons(of: stored),
                modelVersion: stored.modelVersion, asOf: stored.asOf,
                scoredAt: Timestamp(secondsSinceEpoch: stored.scoredAt).rawValue,
                contributingBatches: stored.contributingBatches)
        } else {
            score = nil
        }
        self.inquiries = inquiries.map { inquiry in
            Inquiry(
                consumerID: inquiry.consumerID, purpose: inquiry.purpose,
                inquiredAt: Timestamp(secondsSinceEpoch: inquiry.inquiredAt).rawValue, reportID: inquiry.reportID)
        }
    }

    /// Plain text, to follow the linkage report.
    public var text: String {
        var lines: [String] = []
        if let score {
            lines.append(
                "  score \(score.score) (\(score.band.rawValue.replacingOccurrences(of: "_", with: " ")), "
                    + String(format: "%.1f", score.probabilityBad * 100) + " % probability of serious delinquency)"
                    + " as of \(score.asOf), model \(score.modelVersion)")
            for reason in score.reasons {
                lines.append(
                    "    \(reason.rank). \(reason.code) \(reason.text) (-"
                        + String(format: "%.1f", reason.pointsBelowBest)
                        + " points, \(reason.feature))")
            }
            lines.append("    from \(score.contributingBatches.count) partner batches")
        } else {
            lines.append("  not scored yet")
        }
        lines.append("  inquiries (\(inquiries.count)):")
        for inquiry in inquiries {
            lines.append(
                "    \(inquiry.inquiredAt)  \(inquiry.consumerID)  \(inquiry.purpose)  report \(inquiry.reportID)")
        }
        return lines.joined(separator: "\n")
    }
}

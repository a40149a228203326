/// The `payloadType` values this protocol defines.
public enum PayloadType {
    /// A signed batch of canonical records from one partner (`protocol/batch.schema.json`).
    public static let batchV1 = "application/vnd.credence.batch.v1+json"
    /// A signed score report published to a consumer (reserved; defined with the scoring API).
    public static let scoreReportV1 = "application/vnd.credence.score-report.v1+json"
}

/// An accepted batch: newly appended (HTTP 201), or already there with the same bytes (HTTP 200).
public enum IngestOutcome: Sendable, Equatable {
    case appended(receipt: [UInt8], batchID: String, recordCount: Int)
    /// An idempotent retry: the original receipt, unchanged.
    case replayed(receipt: [UInt8], batchID: String)

    public var receipt: [UInt8] {
        switch self {
        case .appended(let receipt, _, _), .replayed(let receipt, _): receipt
        }
    }
}

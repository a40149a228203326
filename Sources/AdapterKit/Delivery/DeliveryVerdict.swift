import CredenceClient
import CredenceProtocol

/// What the aggregator's answer to a pushed batch means for the adapter (protocol/problems.md §6):
/// pure, so every status and problem type is decided in one tested place.
enum DeliveryVerdict: Sendable, Equatable {
    /// 201 (appended) or 200 (an idempotent replay): the body is the receipt, still to be verified.
    case accepted
    /// Try the identical envelope again: after `retryAfter` seconds (429, 503), or with backoff (other
    /// 5xx, an answer that is not a problem document).
    case retry(retryAfter: Int?, reason: String)
    /// 409 `sequence-gap`: the aggregator expects an earlier `batch_seq`.
    case sequenceGap(expectedSeq: Int64?)
    /// Any other answer: retrying cannot help. The reason is one line: status, title and detail.
    case refused(String)

    init(_ reply: AggregatorClient.Reply) {
        let problem = reply.problem
        let line = Self.line(reply)
        switch reply.status {
        case 200, 201:
            self = .accepted
        case 429, 503:
            self = .retry(retryAfter: reply.retryAfter, reason: line)
        case 409 where problem?.type == ProblemType.sequenceGap.uri:
            self = .sequenceGap(expectedSeq: problem?.expectedSeq)
        case 500...599:
            self = .retry(retryAfter: reply.retryAfter, reason: line)
        default:
            self = .refused(line)
        }
    }

    /// `409 Another batch was already accepted at this sequence number: <detail>`, or the status and the
    /// start of a body that is not a problem document.
    static func line(_ reply: AggregatorClient.Reply) -> String {
        if let problem = reply.problem {
            return "\(reply.status) \(problem.title)" + (problem.detail.map { ": " + $0 } ?? "")
        }
        let body = String(decoding: reply.body.prefix(200), as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        return "HTTP \(reply.status)" + (body.isEmpty ? "" : ": " + body)
    }
}

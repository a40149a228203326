import CredenceProtocol

/// Checks one unit's records against the batch schema before they join a batch, so that a reader's
/// mistake quarantines that unit instead of failing a whole batch at the aggregator.
struct UnitValidator {
    let partnerID: PartnerID
    let partnerKind: PartnerKind
    let audience: PartnerID
    let keyEpoch: Int

    /// The batch rules do not relate `created_at` to the records, so any time serves the probe.
    private static let probeTime = Timestamp(secondsSinceEpoch: 0)

    /// Nil when the records are valid; else the first problem, with `records/N` numbered from 1 within the
    /// unit.
    func problem(in records: [Record], format: SourceFormat) -> String? {
        guard !records.isEmpty else { return nil }
        let probe = Batch(
            partnerID: partnerID, partnerKind: partnerKind, audience: audience, keyEpoch: keyEpoch, batchSeq: 1,
            prevBatchSha256: nil, createdAt: Self.probeTime, sourceFormat: format, records: records)
        let errors = probe.validationErrors()
        guard let first = errors.first else { return nil }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
        return "the reader produced an invalid record: \(Self.renumbered(first.message))\(more)"
    }

    /// `/records/0/fact/amount: ...` → `record 1 fact/amount: ...`.
    private static func renumbered(_ message: String) -> String {
        let prefix = "/records/"
        guard message.hasPrefix(prefix) else { return message }
        let rest = message.dropFirst(prefix.count)
        let digits = rest.prefix(while: \.isNumber)
        guard let index = Int(digits) else { return message }
        let tail = rest.dropFirst(digits.count)
        return "record \(index + 1)" + (tail.hasPrefix("/") ? " " + tail.dropFirst() : tail)
    }
}

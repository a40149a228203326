import CredenceLog
import CredenceProtocol

/// Verifies that a receipt proves our batch is in the aggregator's log: its checkpoint signed by the log
/// key from the configuration, the inclusion proof, and that it names our partner, `batch_seq` and
/// `batch_id`. Only then does the delivery cursor move.
struct ReceiptCheck: Sendable {
    let partnerID: String
    let log: LogIdentity

    func verify(_ receipt: BatchReceipt, seq: Int64, batchID: String) throws(AdapterError) {
        guard receipt.batchID == batchID, receipt.batchSeq == seq, receipt.partnerID == partnerID else {
            throw AdapterError(
                .receipt,
                "the receipt for batch_seq \(seq) names partner \(receipt.partnerID) batch_seq \(receipt.batchSeq) batch_id \(receipt.batchID), not \(partnerID) batch_seq \(seq) batch_id \(batchID)"
            )
        }
        do {
            _ = try receipt.verify(log: log)
        } catch {
            throw AdapterError(
                .receipt,
                "the receipt for batch_seq \(seq) does not verify under the log key of \(log.origin): \(error)")
        }
    }

    /// Parses and verifies the body of a 201/200 answer.
    func verify(body: [UInt8], seq: Int64, batchID: String) throws(AdapterError) -> BatchReceipt {
        let receipt: BatchReceipt
        do {
            receipt = try BatchReceipt(json: body)
        } catch {
            throw AdapterError(.receipt, "the answer to batch_seq \(seq) is not a receipt: \(error.message)")
        }
        try verify(receipt, seq: seq, batchID: batchID)
        return receipt
    }
}

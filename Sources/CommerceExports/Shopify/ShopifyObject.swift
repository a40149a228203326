/// One Shopify Admin REST resource this reader understands.
public enum ShopifyObject: Sendable, Equatable {
    case order(ShopifyOrder)
    case transaction(ShopifyTransaction)
    case refund(ShopifyRefund)
    case dispute(ShopifyDispute)

    /// Which resource a bare JSON object is. Shopify resources carry no type tag, so the wrapper member
    /// that held the object decides when there was one, and otherwise members only that resource has.
    enum Resource: String, CaseIterable {
        case order, transaction, refund, dispute

        /// The resource whose distinguishing members `fields` has, or nil.
        init?(recognizing fields: FieldReader) {
            if fields.has("line_items") || fields.has("total_price") || fields.has("financial_status") {
                self = .order
            } else if fields.has("kind") {
                self = .transaction
            } else if fields.has("initiated_at") || fields.has("network_reason_code")
                || (fields.has("type") && fields.has("reason"))
            {
                self = .dispute
            } else if fields.has("refund_line_items") || (fields.has("order_id") && fields.has("transactions")) {
                self = .refund
            } else {
                return nil
            }
        }

        /// The resource a wrapper member holds: `order` and `orders`, `transaction` and `transactions`, ...
        init?(wrapperMember name: String) {
            let singular = name.hasSuffix("s") ? String(name.dropLast()) : name
            self.init(rawValue: singular)
        }
    }

    init(reading fields: FieldReader, as resource: Resource) throws(CommerceFormatError) {
        switch resource {
        case .order: self = .order(try ShopifyOrder(reading: fields))
        case .transaction: self = .transaction(try ShopifyTransaction(reading: fields))
        case .refund: self = .refund(try ShopifyRefund(reading: fields))
        case .dispute: self = .dispute(try ShopifyDispute(reading: fields))
        }
    }

    func json(offsetMinutes: Int) -> ObjectBuilder {
        switch self {
        case .order(let order): order.json(offsetMinutes: offsetMinutes)
        case .transaction(let transaction): transaction.json(offsetMinutes: offsetMinutes)
        case .refund(let refund): refund.json(offsetMinutes: offsetMinutes)
        case .dispute(let dispute): dispute.json(offsetMinutes: offsetMinutes)
        }
    }
}

/// One Stripe API object this reader understands, told apart by its `object` member.
public indirect enum StripeObject: Sendable, Equatable {
    case charge(StripeCharge)
    case refund(StripeRefund)
    case dispute(StripeDispute)
    case paymentIntent(StripePaymentIntent)
    case event(StripeEvent)

    /// The `object` names this reader reads.
    static let objectNames = ["charge", "refund", "dispute", "payment_intent", "event"]

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        let name = try fields.requiredString("object")
        switch name {
        case "charge": self = .charge(try StripeCharge(reading: fields))
        case "refund": self = .refund(try StripeRefund(reading: fields))
        case "dispute": self = .dispute(try StripeDispute(reading: fields))
        case "payment_intent": self = .paymentIntent(try StripePaymentIntent(reading: fields))
        case "event": self = .event(try StripeEvent(reading: fields))
        default:
            throw CommerceFormatError(
                .unknownObject,
                "\(fields.fieldPath("object")): Stripe '\(name.prefix(40))' objects are not read; expected one of "
                    + Self.objectNames.joined(separator: ", "))
        }
    }

    var json: ObjectBuilder {
        switch self {
        case .charge(let charge): charge.json
        case .refund(let refund): refund.json
        case .dispute(let dispute): dispute.json
        case .paymentIntent(let intent): intent.json
        case .event(let event): event.json
        }
    }
}

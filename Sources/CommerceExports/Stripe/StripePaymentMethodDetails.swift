/// What paid a Stripe charge (or was disputed): the method's `type` and the few details of it that matter
/// here, read from the member named by the type (`card`, `klarna`, `sepa_debit`, ...).
public struct StripePaymentMethodDetails: Sendable, Equatable {
    /// `card`, `klarna`, `affirm`, `afterpay_clearpay`, `us_bank_account`, `alipay`, ...
    public var type: String
    /// Stripe's fingerprint of the instrument (same card, same fingerprint, within one Stripe platform).
    public var fingerprint: String?
    /// The card brand (`visa`), for cards.
    public var brand: String?
    /// On disputes: the card network's reason code (`10.4`, `4855`).
    public var networkReasonCode: String?
    /// On disputes: `chargeback` or `inquiry`.
    public var caseType: String?

    public init(
        type: String, fingerprint: String? = nil, brand: String? = nil, networkReasonCode: String? = nil,
        caseType: String? = nil
    ) {
        self.type = type
        self.fingerprint = fingerprint
        self.brand = brand
        self.networkReasonCode = networkReasonCode
        self.caseType = caseType
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        let type = try fields.requiredString("type")
        let details = try fields.object(type)
        self.init(
            type: type, fingerprint: try details?.string("fingerprint"), brand: try details?.string("brand"),
            networkReasonCode: try details?.string("network_reason_code"), caseType: try details?.string("case_type"))
    }

    var json: ObjectBuilder {
        var details = ObjectBuilder()
        if let brand { details.add("brand", brand) }
        if let caseType { details.add("case_type", caseType) }
        if let fingerprint { details.add("fingerprint", fingerprint) }
        if let networkReasonCode { details.add("network_reason_code", networkReasonCode) }
        var object = ObjectBuilder()
        object.add(type, details)
        object.add("type", type)
        return object
    }
}

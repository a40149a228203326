public import CredenceProtocol

/// The buyer of a Shopify order, when the checkout was not a guest's. Contact fields are null when
/// Shopify redacts them.
public struct ShopifyCustomer: Sendable, Equatable {
    public var id: Int64
    public var email: String?
    public var phone: String?
    public var firstName: String?
    public var lastName: String?
    /// Whether the customer confirmed the email address: a real verification flag.
    public var verifiedEmail: Bool?
    public var createdAt: Timestamp?
    /// `disabled`, `invited`, `enabled` or `declined` (the customer account's state).
    public var state: String?
    public var ordersCount: Int64?
    public var defaultAddress: ShopifyAddress?

    public init(
        id: Int64, email: String? = nil, phone: String? = nil, firstName: String? = nil, lastName: String? = nil,
        verifiedEmail: Bool? = nil, createdAt: Timestamp? = nil, state: String? = nil, ordersCount: Int64? = nil,
        defaultAddress: ShopifyAddress? = nil
    ) {
        self.id = id
        self.email = email
        self.phone = phone
        self.firstName = firstName
        self.lastName = lastName
        self.verifiedEmail = verifiedEmail
        self.createdAt = createdAt
        self.state = state
        self.ordersCount = ordersCount
        self.defaultAddress = defaultAddress
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        self.init(
            id: try fields.requiredIdentifier("id"), email: try fields.string("email"),
            phone: try fields.string("phone"), firstName: try fields.string("first_name"),
            lastName: try fields.string("last_name"), verifiedEmail: try fields.bool("verified_email"),
            createdAt: try fields.instant("created_at"), state: try fields.string("state"),
            ordersCount: try fields.integer("orders_count"),
            defaultAddress: try fields.object("default_address").map { fields throws(CommerceFormatError) in
                try ShopifyAddress(reading: fields)
            })
    }

    func json(offsetMinutes: Int) -> ObjectBuilder {
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("email", email)
        object.add("created_at", instant: createdAt, offsetMinutes: offsetMinutes)
        object.add("first_name", firstName)
        object.add("last_name", lastName)
        object.add("orders_count", ordersCount)
        object.add("state", state)
        object.add("verified_email", verifiedEmail)
        object.add("phone", phone)
        object.add("default_address", defaultAddress?.json)
        return object
    }
}

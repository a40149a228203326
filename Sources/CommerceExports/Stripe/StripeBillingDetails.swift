/// The billing details Stripe keeps with a charge's payment method: what the payer typed at checkout.
public struct StripeBillingDetails: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var address: StripeAddress?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil, address: StripeAddress? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        self.init(
            name: try fields.string("name"), email: try fields.string("email"), phone: try fields.string("phone"),
            address: try fields.object("address").map { fields throws(CommerceFormatError) in
                try StripeAddress(reading: fields)
            })
    }

    var json: ObjectBuilder {
        var object = ObjectBuilder()
        object.add("address", address?.json)
        object.add("email", email)
        object.add("name", name)
        object.add("phone", phone)
        return object
    }
}

/// A Stripe address; every part may be null.
public struct StripeAddress: Sendable, Equatable {
    public var line1: String?
    public var line2: String?
    public var city: String?
    public var state: String?
    public var postalCode: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?

    public init(
        line1: String? = nil, line2: String? = nil, city: String? = nil, state: String? = nil,
        postalCode: String? = nil, country: String? = nil
    ) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.country = country
    }

    /// Whether every part is null, as in most of Stripe's own fixtures.
    public var isEmpty: Bool { self == StripeAddress() }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        self.init(
            line1: try fields.string("line1"), line2: try fields.string("line2"), city: try fields.string("city"),
            state: try fields.string("state"), postalCode: try fields.string("postal_code"),
            country: try fields.string("country"))
    }

    var json: ObjectBuilder {
        var object = ObjectBuilder()
        object.add("city", city)
        object.add("country", country)
        object.add("line1", line1)
        object.add("line2", line2)
        object.add("postal_code", postalCode)
        object.add("state", state)
        return object
    }
}

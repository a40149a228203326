/// A Shopify billing, shipping or default address. Every part may be null: Shopify redacts addresses for
/// apps without protected-customer-data approval.
public struct ShopifyAddress: Sendable, Equatable {
    public var firstName: String?
    public var lastName: String?
    public var company: String?
    public var address1: String?
    public var address2: String?
    public var city: String?
    public var province: String?
    public var provinceCode: String?
    public var zip: String?
    public var country: String?
    public var countryCode: String?
    public var phone: String?

    public init(
        firstName: String? = nil, lastName: String? = nil, company: String? = nil, address1: String? = nil,
        address2: String? = nil, city: String? = nil, province: String? = nil, provinceCode: String? = nil,
        zip: String? = nil, country: String? = nil, countryCode: String? = nil, phone: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.company = company
        self.address1 = address1
        self.address2 = address2
        self.city = city
        self.province = province
        self.provinceCode = provinceCode
        self.zip = zip
        self.country = country
        self.countryCode = countryCode
        self.phone = phone
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        self.init(
            firstName: try fields.string("first_name"), lastName: try fields.string("last_name"),
            company: try fields.string("company"), address1: try fields.string("address1"),
            address2: try fields.string("address2"), city: try fields.string("city"),
            province: try fields.string("province"), provinceCode: try fields.string("province_code"),
            zip: try fields.string("zip"), country: try fields.string("country"),
            countryCode: try fields.string("country_code"), phone: try fields.string("phone"))
    }

    var json: ObjectBuilder {
        var object = ObjectBuilder()
        object.add("first_name", firstName)
        object.add("last_name", lastName)
        object.add("company", company)
        object.add("address1", address1)
        object.add("address2", address2)
        object.add("city", city)
        object.add("province", province)
        object.add("province_code", provinceCode)
        object.add("zip", zip)
        object.add("country", country)
        object.add("country_code", countryCode)
        object.add("phone", phone)
        return object
    }
}

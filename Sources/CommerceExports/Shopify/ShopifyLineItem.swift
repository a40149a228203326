import CredenceProtocol

/// One line of a Shopify order. Read and written so exports stay whole and generated exports look real;
/// the adapter never forwards it (what someone buys can reveal health, religion and other protected traits).
public struct ShopifyLineItem: Sendable, Equatable {
    public var id: Int64
    public var title: String?
    public var variantTitle: String?
    public var sku: String?
    public var vendor: String?
    public var quantity: Int64
    /// The unit price in minor units of the order's currency.
    public var price: Int64

    public init(
        id: Int64, title: String? = nil, variantTitle: String? = nil, sku: String? = nil, vendor: String? = nil,
        quantity: Int64, price: Int64
    ) {
        self.id = id
        self.title = title
        self.variantTitle = variantTitle
        self.sku = sku
        self.vendor = vendor
        self.quantity = quantity
        self.price = price
    }

    init(reading fields: FieldReader, currency: CurrencyCode) throws(CommerceFormatError) {
        self.init(
            id: try fields.requiredIdentifier("id"), title: try fields.string("title"),
            variantTitle: try fields.string("variant_title"), sku: try fields.string("sku"),
            vendor: try fields.string("vendor"), quantity: try fields.integer("quantity") ?? 1,
            price: try fields.requiredDecimalAmount("price", currency: currency))
    }

    func json(currency: CurrencyCode) -> ObjectBuilder {
        var object = ObjectBuilder()
        object.add("id", id)
        object.add("title", title)
        object.add("variant_title", variantTitle)
        object.add("sku", sku)
        object.add("vendor", vendor)
        object.add("quantity", quantity)
        object.add("price", decimal: price, currency: currency)
        return object
    }
}

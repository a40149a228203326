public import CredenceProtocol

/// Which platform's export an object comes from; every record of a batch shares one (`source_format`).
public enum CommercePlatform: String, Sendable, CaseIterable {
    case shopify, stripe
}

/// One object of a commerce export: a Shopify Admin REST resource or a Stripe API object.
///
/// ```swift
/// var reader = try CommerceExportReader(contentsOf: URL(filePath: "orders.jsonl"))
/// while let entry = try reader.next() {
///     if case .success(.shopify(.order(let order))) = entry.object { print(entry.line, order.totalPrice) }
/// }
/// ```
public enum CommerceObject: Sendable, Equatable {
    case shopify(ShopifyObject)
    case stripe(StripeObject)

    public var platform: CommercePlatform {
        switch self {
        case .shopify: .shopify
        case .stripe: .stripe
        }
    }

    /// Decodes one export object. Stripe objects name themselves in `object`; Shopify resources are known
    /// by the wrapper member that held them (`resource`) or by members only they have.
    init(reading fields: FieldReader, resource: ShopifyObject.Resource?) throws(CommerceFormatError) {
        if fields.has("object") {
            self = .stripe(try StripeObject(reading: fields))
            return
        }
        guard let resource = resource ?? ShopifyObject.Resource(recognizing: fields) else {
            let names = fields.object.names.prefix(8).joined(separator: ", ")
            throw CommerceFormatError(
                .unknownObject,
                "\(fields.path.isEmpty ? "the object" : fields.path) (members \(names)) is neither a Shopify order, "
                    + "transaction, refund or dispute nor a Stripe object")
        }
        self = .shopify(try ShopifyObject(reading: fields, as: resource))
    }

    /// The object as the platform's API writes it (Shopify times in the shop's offset `shopOffsetMinutes`
    /// east of UTC; Stripe times in Unix seconds).
    public func jsonValue(shopOffsetMinutes: Int = 0) -> JSONValue {
        switch self {
        case .shopify(let object): object.json(offsetMinutes: shopOffsetMinutes).value
        case .stripe(let object): object.json.value
        }
    }

    /// One JSON Lines line: the compact JSON and a line feed.
    public func jsonLine(shopOffsetMinutes: Int = 0) -> [UInt8] {
        var line = jsonValue(shopOffsetMinutes: shopOffsetMinutes).serialized()
        line.append(UInt8(ascii: "\n"))
        return line
    }
}

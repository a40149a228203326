import AdapterCore
import CommerceExports
import CredenceIdentity
import CredenceProtocol

/// Who bought, as the export states it: the raw subject that ``RecordContext`` turns into tokens and
/// encodings.
///
/// The local key is the platform's customer id (`customer-<id>`). A guest checkout has none, so the key is
/// derived from the buyer's normalized email (`guest-email:...`), else their phone in E.164
/// (`guest-phone:...`), else, on Stripe, the card fingerprint (`guest-card:stripe:...`): the same guest
/// then keeps one key across orders, and the key is only ever sent as a token. An order with none of
/// these identifies nobody and is rejected rather than sent under a key that links to no one.
///
/// Contact fields are free text at checkout, so an email or phone that does not normalize is left out
/// (`.omit`), never a reason to drop the order. Only Shopify's `customer.verified_email` is a
/// verification; every other identifier's `verified` is unknown.
enum BuyerIdentity {
    static func shopify(_ order: ShopifyOrder, defaultRegion: PhoneRegion?) throws(CommerceMappingError)
        -> RawSubject
    {
        var identifiers: [RawIdentifier] = []
        let customer = order.customer
        // The customer's own email first: of two equal tokens the first is kept, with its verified flag.
        for (email, verified) in [(customer?.email, customer?.verifiedEmail), (order.email, nil)] {
            if let email { identifiers.append(RawIdentifier(.email, email, verified: verified, whenInvalid: .omit)) }
        }
        let phones = [customer?.phone, order.phone, order.billingAddress?.phone].compactMap { $0 }
        for phone in phones { identifiers.append(RawIdentifier(.phoneE164, phone, whenInvalid: .omit)) }

        let localKey: String
        if let customer {
            localKey = "customer-\(customer.id)"
        } else if let guest = guestKey(emails: [order.email], phones: phones, defaultRegion: defaultRegion) {
            localKey = guest
        } else {
            throw CommerceMappingError(
                .noIdentity, "customer is null and the order has no usable email or phone: nothing identifies the buyer"
            )
        }
        let billing = order.billingAddress
        return RawSubject(
            localKey: localKey, identifiers: identifiers,
            name: name(
                given: customer?.firstName ?? billing?.firstName, family: customer?.lastName ?? billing?.lastName),
            address: (billing ?? customer?.defaultAddress).flatMap(address(of:)))
    }

    static func stripe(_ charge: StripeCharge, defaultRegion: PhoneRegion?) throws(CommerceMappingError) -> RawSubject {
        let billing = charge.billingDetails
        var identifiers: [RawIdentifier] = []
        if let email = billing?.email { identifiers.append(RawIdentifier(.email, email, whenInvalid: .omit)) }
        if let phone = billing?.phone { identifiers.append(RawIdentifier(.phoneE164, phone, whenInvalid: .omit)) }
        // Fingerprints are scoped by their processor (`protocol/identifiers.md` 3.5).
        let fingerprint = charge.paymentMethodDetails?.fingerprint.map { "stripe:" + $0 }
        if let fingerprint {
            identifiers.append(RawIdentifier(.paymentFingerprint, fingerprint, whenInvalid: .omit))
        }

        let localKey: String
        if let customer = charge.customer {
            localKey = "customer-\(customer)"
        } else if let guest = guestKey(
            emails: [billing?.email], phones: [billing?.phone].compactMap { $0 }, defaultRegion: defaultRegion)
        {
            localKey = guest
        } else if let fingerprint {
            localKey = "guest-card:" + fingerprint
        } else {
            throw CommerceMappingError(
                .noIdentity,
                "customer is null and the charge has no billing email, phone or card fingerprint: nothing identifies the payer"
            )
        }
        let address = billing?.address.flatMap { stripeAddress -> PostalAddress? in
            stripeAddress.isEmpty
                ? nil
                : PostalAddress(
                    line1: stripeAddress.line1 ?? "", line2: stripeAddress.line2 ?? "", city: stripeAddress.city ?? "",
                    region: stripeAddress.state ?? "", postalCode: stripeAddress.postalCode ?? "",
                    country: stripeAddress.country ?? "")
        }
        return RawSubject(
            localKey: localKey, identifiers: identifiers, name: billing?.name.map(RawName.full), address: address)
    }

    /// A guest's local key from the first email that normalizes, else the first phone that does.
    private static func guestKey(emails: [String?], phones: [String], defaultRegion: PhoneRegion?) -> String? {
        for email in emails.compactMap({ $0 }) {
            if let normalized = try? EmailNormalizer.normalize(email) { return "guest-email:" + normalized.normalized }
        }
        for phone in phones {
            if let normalized = try? PhoneNumberNormalizer.normalize(phone, defaultRegion: defaultRegion) {
                return "guest-phone:" + normalized
            }
        }
        return nil
    }

    private static func name(given: String?, family: String?) -> RawName? {
        guard given?.isEmpty == false || family?.isEmpty == false else { return nil }
        return .parts(given: given ?? "", middle: nil, family: family ?? "")
    }

    private static func address(of shopify: ShopifyAddress) -> PostalAddress? {
        let address = PostalAddress(
            line1: shopify.address1 ?? "", line2: shopify.address2 ?? "", city: shopify.city ?? "",
            region: shopify.provinceCode ?? shopify.province ?? "", postalCode: shopify.zip ?? "",
            country: shopify.countryCode ?? shopify.country ?? "")
        return address == PostalAddress() ? nil : address
    }
}

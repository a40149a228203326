import CommerceExports
import Metro2
import SocialExports

/// What one partner's export says about one of its subjects, in plain text: one row of
/// `truth/subjects.csv`. Each initializer takes the rendered export objects and picks the values the way
/// the partner kind's source reader does (Shopify's customer name before the billing name, the verified
/// OIDC claims before the self-asserted ones...), so that the file holds the very records the adapters
/// tokenize, before tokenization: a baseline linker that sees plain text is evaluated on the same data.
///
/// Phones are written `+<country code> <national number>` whatever form the export has them in (the
/// partner's default region applied), birth dates `YYYY-MM-DD`. Exports carry the house number inside the
/// street line, so `street_number` stays empty; Metro 2 middle names have no column.
struct SubjectStatement: Sendable, Equatable {
    var givenName = ""
    var familyName = ""
    var birthDate = ""
    var addressLine1 = ""
    var addressLine2 = ""
    var city = ""
    var postalCode = ""
    var region = ""
    var country = ""
    var nationalID = ""
    var phone = ""
    var email = ""

    /// The columns after `partner_id,local_key,person_id` and before `noise`, in file order.
    static let columns = [
        "given_name", "family_name", "birth_date", "street_number", "address_line1", "address_line2", "city",
        "postal_code", "region", "country", "national_id", "phone", "email",
    ]

    /// The values in ``columns`` order; `street_number` is empty because no export has the house number
    /// apart from the street line.
    var fields: [String] {
        [
            givenName, familyName, birthDate, "", addressLine1, addressLine2, city, postalCode, region, country,
            nationalID, phone, email,
        ]
    }

    /// A base or J1 consumer of a Metro 2 data record, at the base segment's address (a J1 segment has none
    /// of its own). The telephone field holds ten NANP digits; an absent country code means the US.
    init(metro2 consumer: Metro2Consumer, address: Metro2Address) {
        givenName = consumer.firstName
        familyName = consumer.surname
        birthDate = consumer.dateOfBirth?.iso8601 ?? ""
        nationalID = consumer.socialSecurityNumber
        phone = consumer.telephoneNumber.isEmpty ? "" : "+1 " + consumer.telephoneNumber
        addressLine1 = address.firstLine
        addressLine2 = address.secondLine
        city = address.city
        region = address.state
        postalCode = address.zipCode
        country = address.countryCode.isEmpty ? "US" : address.countryCode
    }

    /// A Shopify order's buyer: the customer's name and email (else the billing name and the order's email),
    /// the billing address (else the customer's default address), `phone` being the number the customer
    /// typed in whatever form.
    init(shopify order: ShopifyOrder, phone: PhoneNumber?) {
        let customer = order.customer
        let billing = order.billingAddress
        givenName = customer?.firstName ?? billing?.firstName ?? ""
        familyName = customer?.lastName ?? billing?.lastName ?? ""
        email = customer?.email ?? order.email ?? ""
        self.phone = phone?.international ?? ""
        if let address = billing ?? customer?.defaultAddress {
            addressLine1 = address.address1 ?? ""
            addressLine2 = address.address2 ?? ""
            city = address.city ?? ""
            region = address.provinceCode ?? address.province ?? ""
            postalCode = address.zip ?? ""
            country = address.countryCode ?? address.country ?? ""
        }
    }

    /// A Stripe charge's billing details. Stripe holds one name string (`name`'s parts joined, as
    /// ``ViewName/full`` writes them), given here in its parts.
    init(stripe billing: StripeBillingDetails?, name: ViewName, phone: PhoneNumber?) {
        givenName = name.given
        familyName = name.family
        email = billing?.email ?? ""
        self.phone = phone?.international ?? ""
        if let address = billing?.address {
            addressLine1 = address.line1 ?? ""
            addressLine2 = address.line2 ?? ""
            city = address.city ?? ""
            region = address.state ?? ""
            postalCode = address.postalCode ?? ""
            country = address.country ?? ""
        }
    }

    /// An X archive: the display name (``ViewName/full`` of `name`), the account's email and phone. X has
    /// no birth date the adapter reads and no address.
    init(xArchiveName name: ViewName, email: String?, phone: PhoneNumber?) {
        givenName = name.given
        familyName = name.family
        self.email = email ?? ""
        self.phone = phone?.international ?? ""
    }

    /// An OpenID Connect claims object: the first verified name and birth date when the provider verified
    /// them, else the self-asserted claims; the first verified address, else the claimed one, whose street
    /// address holds line 1 and line 2 on separate lines.
    init(oidc claims: OIDCClaims, phone: PhoneNumber?) {
        let verified = claims.verifiedClaims.map(\.claims)
        let named = verified.first { $0.givenName != nil || $0.familyName != nil || $0.name != nil } ?? claims.person
        givenName = named.givenName ?? ""
        familyName = named.familyName ?? ""
        // A year alone (or a withheld year) is not a YYYY-MM-DD date; the simulator writes full dates.
        if let birthdate = verified.compactMap(\.birthdate).first ?? claims.person.birthdate, case .date = birthdate {
            birthDate = birthdate.claim
        }
        email = claims.email ?? ""
        self.phone = phone?.international ?? ""
        if let address = verified.compactMap(\.address).first ?? claims.person.address {
            let lines = (address.streetAddress ?? "").split(whereSeparator: \.isNewline).map(String.init)
            addressLine1 = lines.first ?? ""
            addressLine2 = lines.dropFirst().joined(separator: " ")
            city = address.locality ?? ""
            region = address.region ?? ""
            postalCode = address.postalCode ?? ""
            country = address.country ?? ""
        }
    }
}

extension PhoneNumber {
    /// `+86 13912345678`: the country code, a space, the national significant number.
    var international: String { "+" + countryCode + " " + national }
}

/// A postal address as partners hold it, and its normalized form for Bloom-filter encoding.
///
/// ```swift
/// let address = PostalAddress(line1: "123 North Main Street", line2: "Apt. #4", city: "Springfield",
///                             region: "Illinois", postalCode: "62704-1234", country: "usa")
/// let normalized = try address.normalized()
/// // line1 "123 n main st", line2 "apt 4", city "springfield", region "il", postalCode "62704", country "US"
/// ```
public struct PostalAddress: Hashable, Sendable, Codable {
    /// Street line (number and street).
    public var line1: String
    /// Unit, floor, building; not encoded in the CLK because sources disagree most about it.
    public var line2: String
    /// City, town or district.
    public var city: String
    /// State or province.
    public var region: String
    /// Postal code.
    public var postalCode: String
    /// ISO 3166-1 alpha-2 country code (alpha-3 codes of common markets are mapped).
    public var country: String

    /// Creates an address; every part may be empty.
    public init(
        line1: String = "", line2: String = "", city: String = "", region: String = "", postalCode: String = "",
        country: String = ""
    ) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }

    /// The normalized address.
    ///
    /// Every text part: NFKC, case fold, Latin diacritics removed, apostrophes removed, other punctuation
    /// (`.`, `,`, `#`, `-`, ...) to spaces, whitespace collapsed (the name rules, see ``NameNormalizer``). Lines 1
    /// and 2: whole words replaced by USPS abbreviations (`street` -> `st`, `apartment` -> `apt`, ...). Region: a
    /// US state name becomes its two-letter code. Postal code: NFKC, upper-case, everything but letters and
    /// digits removed; for country `US` a 9-digit ZIP+4 keeps its first five digits. Country: trimmed,
    /// upper-case, alpha-3 of common markets mapped, then it must be two ASCII letters or empty.
    /// Throws `.empty` when every part is empty and `.badCountryCode` for an unusable country.
    public func normalized() throws(IdentifierError) -> PostalAddress {
        let country = try Self.normalizeCountry(country)
        var postal = Self.postalCharacters(postalCode)
        if country == "US", postal.count == 9, postal.allSatisfy(\.isNumber) { postal = String(postal.prefix(5)) }
        let regionText = TextFolding.foldedWords(region).joined(separator: " ")
        let result = PostalAddress(
            line1: Self.streetLine(line1),
            line2: Self.streetLine(line2),
            city: NameNormalizer.join(TextFolding.foldedWords(city)),
            region: AddressVocabulary.usStates[regionText] ?? regionText,
            postalCode: postal,
            country: country
        )
        if result == PostalAddress() { throw IdentifierError(.empty, "address has no usable parts") }
        return result
    }

    /// The postal code's ASCII letters (upper-cased) and digits after NFKC; byte by byte for ASCII input, which
    /// NFKC leaves as it is and where every letter and digit is a character of its own.
    static func postalCharacters(_ text: String) -> String {
        guard TextFolding.isASCII(text) else {
            return TextFolding.nfkc(text).uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        var kept: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): kept.append(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): kept.append(byte & ~0x20)
            default: continue
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    static func streetLine(_ text: String) -> String {
        NameNormalizer.join(TextFolding.foldedWords(text).map { AddressVocabulary.streetWords[$0] ?? $0 })
    }

    static func normalizeCountry(_ raw: String) throws(IdentifierError) -> String {
        // Two ASCII letters, the usual form, are the code upper-cased (the alpha-3 table has three letters).
        let bytes = TextFolding.trim(raw).utf8
        let isASCIILetter = { (byte: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
        if bytes.count == 2, bytes.allSatisfy(isASCIILetter) {
            return String(decoding: bytes.map { $0 & ~0x20 }, as: UTF8.self)
        }
        let text = TextFolding.nfkc(TextFolding.trim(raw)).uppercased()
        let code = AddressVocabulary.alpha3[text] ?? text
        guard code.isEmpty || (code.count == 2 && code.allSatisfy { $0.isASCII && $0.isLetter }) else {
            throw IdentifierError(.badCountryCode, "country '\(text)' is not an ISO 3166 alpha-2 code")
        }
        return code
    }
}

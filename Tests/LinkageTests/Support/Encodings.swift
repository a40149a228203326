import CredenceIdentity
import Linkage

/// Real tokens and CLKs for hand-made records, under the tests' key.
enum Encodings {
    static let tokenizer = IdentifierTokenizer(key: SyntheticPopulation.key)
    static let encoder = BloomEncoder(key: SyntheticPopulation.key)

    static func name(_ full: String) -> BloomFilter { try! encoder.encodeName(full: full) }

    static func birthDate(_ iso: String) -> BloomFilter { encoder.encodeBirthDate(try! BirthDate(parsing: iso)) }

    static func address(
        _ line1: String, _ city: String, _ region: String, _ postalCode: String, _ country: String = "US"
    )
        -> BloomFilter
    {
        try! encoder.encodeAddress(
            PostalAddress(line1: line1, city: city, region: region, postalCode: postalCode, country: country))
    }

    static func token(
        _ type: TokenType, _ normalized: String, from: Int? = nil, until: Int? = nil, containsName: Bool = false
    ) -> LinkageIdentifier {
        LinkageIdentifier(
            type: type, token: tokenizer.token(type, normalized: normalized), firstSeen: from, lastSeen: until,
            containsName: containsName)
    }

    /// `email` and `email_match` tokens of an address, as adapters emit them.
    static func email(_ address: String, containsName: Bool = false) -> [LinkageIdentifier] {
        let normalized = try! EmailNormalizer.normalize(address)
        return [
            token(.email, normalized.normalized, containsName: containsName),
            token(.emailMatch, normalized.matchKey, containsName: containsName),
        ]
    }

    /// A person's record with the usual fields; pass nil to leave a field out.
    static func person(
        _ id: String, source: String = "test", name: String? = "John Smith", born: String? = "1985-03-14",
        address: BloomFilter? = Encodings.address("123 Main Street", "Springfield", "IL", "62704"),
        identifiers: [LinkageIdentifier] = []
    ) -> LinkageRecord {
        LinkageRecord(
            id: id, source: source, identifiers: identifiers, names: name.map { [Self.name($0)] } ?? [],
            birthDates: born.map { [birthDate($0)] } ?? [], addresses: address.map { [$0] } ?? [])
    }

    /// The Dice similarity of two names' encodings.
    static func nameDice(_ a: String, _ b: String) -> Double { name(a).dice(name(b)) }
}

/// The synthetic populations the tests share: generated once per test process.
enum Populations {
    static let standard = SyntheticPopulation.generate(people: 4000, seed: 7)
}

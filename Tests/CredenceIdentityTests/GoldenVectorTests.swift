import Foundation
import Testing

@testable import CredenceIdentity

/// Every value in `protocol/vectors/identifiers.json` is reproduced exactly by this implementation.
@Suite struct GoldenVectorTests {
    static let vectors = GoldenVectors.loaded
    let key = try! LinkageKey(fileContents: GoldenVectors.loaded.linkageKey.hex)

    @Test func testKeyAndFingerprint() throws {
        #expect(Self.vectors.version == "credence-identifiers/v1")
        let derived = try LinkageKey(bytes: LinkageKeyTests.bytes)
        #expect(key == derived)
        #expect(key.fileContents == Self.vectors.linkageKey.hex + "\n")
        #expect(key.fingerprint == Self.vectors.linkageKey.fingerprint)
    }

    @Test func coversEveryTokenType() {
        #expect(Set(Self.vectors.tokens.map(\.type)) == Set(TokenType.allCases.map(\.rawValue)))
    }

    @Test(arguments: GoldenVectors.loaded.tokens)
    func token(vector: GoldenVectors.Token) throws {
        let type = try #require(TokenType(rawValue: vector.type))
        let region = vector.region.flatMap(PhoneRegion.init(rawValue:))
        #expect(vector.region == nil || region != nil)
        let normalized = try IdentifierNormalizer.normalize(vector.input, as: type, defaultRegion: region)
        #expect(normalized == vector.normalized)
        #expect(IdentifierTokenizer(key: key).token(type, normalized: normalized) == vector.token)
    }

    @Test(arguments: GoldenVectors.loaded.rejected)
    func rejected(vector: GoldenVectors.Rejected) throws {
        let type = try #require(TokenType(rawValue: vector.type))
        let code = try #require(IdentifierError.Code(rawValue: vector.errorCode))
        let region = vector.region.flatMap(PhoneRegion.init(rawValue:))
        #expect(throws: IdentifierError(code, "")) {
            try IdentifierNormalizer.normalize(vector.input, as: type, defaultRegion: region)
        }
    }

    @Test(arguments: GoldenVectors.loaded.emails)
    func email(vector: GoldenVectors.Email) throws {
        let email = try EmailNormalizer.normalize(vector.input)
        #expect(
            email == NormalizedEmail(normalized: vector.normalized, matchKey: vector.matchKey, isRelay: vector.isRelay))
    }

    @Test func clkParameters() {
        let clk = Self.vectors.clk
        #expect(clk.bits == BloomFilter.bitCount)
        for field in CLKField.allCases {
            #expect(clk.hashCounts[field.rawValue] == field.hashCount)
        }
        #expect(clk.fieldKeysHex.count == CLKField.allCases.count)
    }

    @Test(arguments: GoldenVectors.loaded.clk.people.map(\.id))
    func person(id: String) throws {
        let person = try #require(Self.vectors.clk.people.first { $0.id == id })
        let encoder = BloomEncoder(key: key)

        let name = person.name.input
        let full = try #require(name.full ?? name.given.flatMap { given in name.family.map { given + " " + $0 } })
        #expect(try NameNormalizer.normalize(full) == person.name.normalized)
        #expect(try BloomEncoder.nameFeatures(full: full) == person.name.features)
        let nameFilter =
            if let given = name.given, let family = name.family {
                try encoder.encodeName(given: given, middle: name.middle, family: family)
            } else {
                try encoder.encodeName(full: full)
            }
        check(nameFilter, person.name.base64url, person.name.popcount)

        let format = try #require(BirthDate.Format(rawValue: person.birthDate.format ?? ""))
        let date = try BirthDate(parsing: person.birthDate.input, format: format)
        #expect(date.normalized == person.birthDate.normalized)
        #expect(BloomEncoder.birthDateFeatures(date) == person.birthDate.features)
        check(encoder.encodeBirthDate(date), person.birthDate.base64url, person.birthDate.popcount)

        let input = Self.address(person.address.input)
        let normalized = try input.normalized()
        #expect(normalized == Self.address(person.address.normalized))
        #expect(BloomEncoder.addressFeatures(normalized) == person.address.features)
        check(try encoder.encodeAddress(input), person.address.base64url, person.address.popcount)
    }

    @Test(arguments: GoldenVectors.loaded.clk.comparisons.indices)
    func comparison(index: Int) throws {
        let comparison = Self.vectors.clk.comparisons[index]
        let filters = try [comparison.a, comparison.b].map { id in
            let person = try #require(Self.vectors.clk.people.first { $0.id == id })
            let encoded =
                switch comparison.field {
                case "name": person.name.base64url
                case "birth_date": person.birthDate.base64url
                default: person.address.base64url
                }
            return try BloomFilter(base64url: encoded)
        }
        let common = zip(filters[0].bytes, filters[1].bytes).reduce(0) { $0 + ($1.0 & $1.1).nonzeroBitCount }
        #expect(common == comparison.commonBits)
        #expect(filters[0].dice(filters[1]) == comparison.dice)
        #expect(comparison.dice == Double(2 * common) / Double(filters[0].popCount + filters[1].popCount))
    }

    private func check(_ filter: BloomFilter, _ base64url: String, _ popcount: Int) {
        #expect(filter.base64url == base64url)
        #expect(filter.popCount == popcount)
    }

    private static func address(_ json: GoldenVectors.Address) -> PostalAddress {
        PostalAddress(
            line1: json.line1, line2: json.line2, city: json.city, region: json.region, postalCode: json.postalCode,
            country: json.country
        )
    }
}

extension GoldenVectors.Token: CustomTestStringConvertible {
    var testDescription: String { "\(type) \(input.debugDescription)" }
}

extension GoldenVectors.Rejected: CustomTestStringConvertible {
    var testDescription: String { "\(type) \(input.debugDescription) -> \(errorCode)" }
}

import Testing

@testable import CredenceIdentity

@Suite struct PostalAddressTests {
    @Test func normalizesUSAddress() throws {
        let address = PostalAddress(
            line1: "123 North Main Street", line2: "Apartment #4B", city: "Springfield", region: "Illinois",
            postalCode: "62704-1234", country: "usa"
        )
        let expected = PostalAddress(
            line1: "123 n main st", line2: "apt 4b", city: "springfield", region: "il", postalCode: "62704",
            country: "US"
        )
        #expect(try address.normalized() == expected)
    }

    @Test func abbreviatedAndSpelledOutAgree() throws {
        let a = PostalAddress(line1: "500 W. Sunset Blvd., Suite 200", city: "LOS ANGELES", region: "CA", country: "US")
        let b = PostalAddress(
            line1: "500 West Sunset Boulevard Ste 200", city: "Los Angeles", region: "california", country: "us")
        #expect(try a.normalized() == b.normalized())
        #expect(try a.normalized().line1 == "500 w sunset blvd ste 200")
    }

    @Test func keepsCitiesUnabbreviatedAndCJK() throws {
        let address = PostalAddress(
            line1: "朝阳区 建国路 88号", city: "北京", region: "北京市", postalCode: "100 022", country: "cn")
        let normalized = try address.normalized()
        #expect(normalized.line1 == "朝阳区建国路88号")
        #expect(normalized.city == "北京")
        #expect(normalized.postalCode == "100022")
        #expect(normalized.country == "CN")
        #expect(try PostalAddress(city: "Fort Worth").normalized().city == "fort worth")
    }

    @Test func postalCodesAreUpperCaseWithoutSpaces() throws {
        #expect(try PostalAddress(postalCode: "sw1a 1aa", country: "GB").normalized().postalCode == "SW1A1AA")
        #expect(try PostalAddress(postalCode: "62704-1234", country: "CA").normalized().postalCode == "627041234")
    }

    @Test(arguments: [
        (PostalAddress(), IdentifierError.Code.empty), (PostalAddress(city: "x", country: "U.S."), .badCountryCode),
        (PostalAddress(city: "x", country: "ZZZ"), .badCountryCode),
    ])
    func rejects(address: PostalAddress, code: IdentifierError.Code) {
        #expect(throws: IdentifierError(code, "")) { try address.normalized() }
    }
}

import Testing

@testable import CredenceIdentity

@Suite struct BloomEncoderTests {
    let encoder = BloomEncoder(key: try! LinkageKey(bytes: LinkageKeyTests.bytes))

    @Test func nameFeaturesArePaddedBigrams() throws {
        #expect(try BloomEncoder.nameFeatures(full: "Jo Li") == ["_j", "_l", "i_", "jo", "li", "o_"])
        #expect(try BloomEncoder.nameFeatures(full: "王小明") == ["小", "小明", "明", "王", "王小"])
        #expect(try BloomEncoder.nameFeatures(full: "欧阳娜娜").sorted() == ["娜娜", "欧阳", "阳娜"].sorted())
    }

    @Test func nameOrderDoesNotMatter() throws {
        #expect(try encoder.encodeName(full: "John Smith") == encoder.encodeName(full: "SMITH, John"))
        #expect(
            try encoder.encodeName(given: "John", middle: "Quincy", family: "Smith")
                == encoder.encodeName(full: "Smith John"))
    }

    @Test(arguments: [
        ("John Smith", "Jon Smith"), ("Katherine Johnson", "Catherine Johnson"),
        ("Mohammed Al-Rashid", "Muhammad Alrashid"),
        ("Jennifer Lopez", "Jenifer Lopes"), ("José García", "JOSE GARCIA"),
        ("Elizabeth Thompson", "Elisabeth Thomson"),
    ])
    func typosKeepHighDice(a: String, b: String) throws {
        let dice = try encoder.encodeName(full: a).dice(encoder.encodeName(full: b))
        #expect(dice > 0.7, "\(a) / \(b): \(dice)")
    }

    @Test(arguments: [
        ("John Smith", "Maria Garcia"), ("Katherine Johnson", "Wei Zhang"), ("Robert Brown", "Aisha Okafor"),
        ("王小明", "李娜"), ("Jennifer Lopez", "Thomas Mueller"),
    ])
    func differentPeopleHaveLowDice(a: String, b: String) throws {
        let dice = try encoder.encodeName(full: a).dice(encoder.encodeName(full: b))
        #expect(dice < 0.5, "\(a) / \(b): \(dice)")
    }

    @Test func birthDateFeaturesCoverPresentParts() throws {
        #expect(
            BloomEncoder.birthDateFeatures(try BirthDate(parsing: "1985-03-14")) == [
                "D:14", "M:03", "Y:1985", "d1:1", "d2:4", "m1:0", "m2:3", "y1:1", "y2:9", "y3:8", "y4:5",
            ])
        #expect(
            BloomEncoder.birthDateFeatures(try BirthDate(parsing: "1985")) == [
                "Y:1985", "y1:1", "y2:9", "y3:8", "y4:5",
            ])
    }

    @Test func birthDateSimilarity() throws {
        let date = encoder.encodeBirthDate(try BirthDate(parsing: "1985-03-14"))
        let swapped = encoder.encodeBirthDate(try BirthDate(parsing: "1985-03-15"))
        let other = encoder.encodeBirthDate(try BirthDate(parsing: "1962-11-27"))
        #expect(date.dice(swapped) > 0.75)
        #expect(date.dice(other) < 0.55)
        #expect(date.dice(encoder.encodeBirthDate(try BirthDate(parsing: "1985-03"))) > 0.6)
    }

    @Test func addressFeaturesAreTagged() throws {
        let address = PostalAddress(line1: "1 Elm St", city: "Ely", region: "NV", postalCode: "89301", country: "US")
        #expect(
            BloomEncoder.addressFeatures(try address.normalized()) == [
                "c:_e", "c:el", "c:ly", "c:y_", "l:1_", "l:_1", "l:_e", "l:_s", "l:el", "l:lm", "l:m_", "l:st", "l:t_",
                "n:US", "p1:8", "p2:9", "p3:3", "p4:0", "p5:1", "r:nv",
            ])
    }

    @Test func addressSimilarity() throws {
        let a = try encoder.encodeAddress(
            PostalAddress(
                line1: "123 Main Street", line2: "Apt 4", city: "Springfield", region: "IL", postalCode: "62704",
                country: "US"))
        let b = try encoder.encodeAddress(
            PostalAddress(
                line1: "123 Main St.", city: "Springfeild", region: "Illinois", postalCode: "62704-1234", country: "USA"
            ))
        let c = try encoder.encodeAddress(
            PostalAddress(line1: "9 Ocean Avenue", city: "Brooklyn", region: "NY", postalCode: "11225", country: "US"))
        #expect(a.dice(b) > 0.8)
        #expect(a.dice(c) < 0.5)
    }

    @Test func typicalValuesFillThirtyToFiftyPercent() throws {
        let name = try encoder.encodeName(full: "Maria Garcia").popCount
        let date = encoder.encodeBirthDate(try BirthDate(parsing: "1985-03-14")).popCount
        let address = try encoder.encodeAddress(
            PostalAddress(
                line1: "123 Main Street", city: "Springfield", region: "IL", postalCode: "62704", country: "US")
        ).popCount
        for count in [name, date, address] {
            #expect((256...560).contains(count), "\(count)")
        }
    }

    @Test func differentKeysGiveUnrelatedFilters() throws {
        let other = BloomEncoder(key: LinkageKey.generate())
        #expect(try encoder.encodeName(full: "John Smith").dice(other.encodeName(full: "John Smith")) < 0.5)
    }
}

/// A CJK name given in parts encodes like the same name written whole, family name first.
@Test func cjkNamePartsEncodeLikeTheWholeName() throws {
    let encoder = BloomEncoder(key: try LinkageKey(bytes: Array(repeating: 3, count: 32)))
    #expect(try encoder.encodeName(given: "伟", family: "张") == encoder.encodeName(full: "张伟"))
    #expect(try encoder.encodeName(given: "John", family: "Smith") == encoder.encodeName(full: "Smith John"))
}

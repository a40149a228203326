import CredencePrimitives
import Crypto
import Testing

@testable import CredenceIdentity

/// The fast paths of encoding (byte-level folding of ASCII and Han text, features built as packed bytes, the
/// allocation-free HMAC) must give exactly what the reference steps give: every token and encoding is compared
/// with the specification computed here with swift-crypto, on generated inputs in many scripts.
@Suite struct FastPathEquivalenceTests {
    static let keyBytes = LinkageKeyTests.bytes
    let encoder = BloomEncoder(key: try! LinkageKey(bytes: Self.keyBytes))

    // MARK: Generated text

    static let latinNames = [
        "John", "SMITH", "o'Brien", "Mary-Kate", "José", "García", "Zoë", "Müller", "Łukasz", "Straße", "Ærøskøbing",
        "Ólafsdóttir", "Nguyễn", "Đặng", "Øyvind", "Şahin", "Çelik", "van der Berg", "D'Angelo", "McDonald",
        "Jean-Luc", "Ａｎｎａ", "ﬁona", "e\u{301}lise", "Dvořák", "Þórr", "İsmail",
    ]
    static let hanNames = ["王", "小明", "欧阳", "娜娜", "张", "伟", "李", "静瑶", "诸葛", "亮", "㐀㐁", "龘"]
    static let otherScripts = [
        "\u{301}x", "\u{94D}क", "김민수", "さくら", "サクラ", "ガ", "Алексей", "Ελένη", "محمد", "דוד", "阿依古丽·买买提", "𠀋", "Ｘ", "①",
        "\u{3000}", "\u{00A0}", "\u{200B}", "\u{FE0F}", "✓", "€",
    ]
    static let separators = [" ", "  ", "-", "'", "`", ",", ".", "/", "#", "(", ")", "_", "\t", "&", "+", ""]

    /// One to four of `pieces`, each followed by a separator (the last one sometimes dropped).
    static func text(_ generator: inout SplitMix64, pieces: [String]) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            text += pieces.randomElement(using: &generator)!
            text += separators.randomElement(using: &generator)!
        }
        return Bool.random(using: &generator) ? text : String(text.dropLast())
    }

    /// Scalars drawn from ASCII, the Han blocks and their edges, and now and then anything else.
    static func scalarSoup(_ generator: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            let value: UInt32 =
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<5: UInt32.random(in: 0...0x7F, using: &generator)
                case 5..<7: UInt32.random(in: 0x4E00...0x9FFF, using: &generator)
                case 7:
                    [0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x9FFF, 0xA000, 0xF900].randomElement(using: &generator)!
                default: UInt32.random(in: 0x80...0x2FFF, using: &generator)
                }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    // MARK: Folding

    @Test func asciiAndHanFoldingAgreesWithTheUnicodeSteps() {
        var generator = SplitMix64(seed: 11)
        var fast = 0
        for round in 0..<6000 {
            let text =
                switch round % 3 {
                case 0: Self.scalarSoup(&generator)
                case 1: Self.text(&generator, pieces: Self.latinNames + Self.hanNames)
                default: Self.text(&generator, pieces: Self.hanNames + ["12", "88号", "Apt 4B", "x"])
                }
            let reference = TextFolding.unicodeFoldedWords(text)
            if let words = TextFolding.asciiOrHanFoldedWords(text) {
                fast += 1
                #expect(words == reference, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            #expect(TextFolding.foldedWords(text) == reference)
        }
        #expect(fast > 2000)
    }

    @Test(arguments: ["José", "김민수", "阿依古丽·买买提", "Ａｎｎａ", "王\u{3000}伟", "𠀋", "\u{F900}"])
    func otherScriptsTakeTheUnicodeSteps(text: String) {
        #expect(TextFolding.asciiOrHanFoldedWords(text) == nil)
    }

    // MARK: Encodings against the specification

    /// The CLK of BloomEncoder's documentation, from swift-crypto's HMAC and the reference feature lists.
    func specified(_ features: [String], field: CLKField) -> BloomFilter {
        let fieldKey = SymmetricKey(
            data: HMAC<SHA256>.authenticationCode(
                for: Array(field.keyLabel.utf8), using: SymmetricKey(data: Self.keyBytes)))
        var filter = BloomFilter()
        for feature in Set(features) {
            let digest = Array(HMAC<SHA256>.authenticationCode(for: Array(feature.utf8), using: fieldKey))
            let h1 = digest[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let h2 = digest[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } | 1
            for i in 0..<UInt64(field.hashCount) { filter.set(Int((h1 &+ i &* h2) % 1024)) }
        }
        return filter
    }

    @Test func nameEncodingsMatchTheSpecification() {
        var generator = SplitMix64(seed: 12)
        let pieces = Self.latinNames + Self.hanNames + Self.otherScripts
        // Twice over the same names: the second round reads the feature hashes from the cache.
        for round in 0..<3000 {
            if round == 1500 { generator = SplitMix64(seed: 12) }
            let given = Self.text(&generator, pieces: pieces)
            let family = Self.text(&generator, pieces: pieces)
            let full = BloomEncoder.fullName(given: given, family: family)
            let expected = (try? BloomEncoder.nameFeatures(full: full)).map { specified($0, field: .name) }
            #expect((try? encoder.encodeName(given: given, family: family)) == expected, "\(given) / \(family)")
        }
    }

    @Test func birthDateEncodingsMatchTheSpecification() throws {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<500 {
            let year = Int.random(in: 1850...2100, using: &generator)
            let month = Int.random(in: 0...12, using: &generator)
            let day = Int.random(in: 1...28, using: &generator)
            let date =
                month == 0
                ? try BirthDate(year: year)
                : try BirthDate(year: year, month: month, day: Bool.random(using: &generator) ? day : nil)
            #expect(
                encoder.encodeBirthDate(date) == specified(BloomEncoder.birthDateFeatures(date), field: .birthDate))
        }
    }

    @Test func addressEncodingsMatchTheSpecification() {
        var generator = SplitMix64(seed: 14)
        let streets = [
            "123 North Main Street", "21621 NORTH BIRCH LANE", "Apt. #4", "1/2 Elm St.", "Rue de l'Église",
            "Königstraße 5", "思明区南京大道452号", "建国路88号", "30栋4单元603室", "ＡＢＣ通り１−２", "P.O. Box 77",
            "Suite 100, Floor 3", "  ", "김포로 12",
        ]
        let cities = ["Springfield", "SAINT PAUL", "Fort-Worth", "厦门市", "Zürich", "", "São Paulo", "東京"]
        let regions = [
            "IL", "Illinois", "new  york", "福建省", "内蒙古自治区", "广西壮族自治区", "", "Île-de-France",
            "District of Columbia",
        ]
        let postalCodes = ["62704-1234", "627041234", "361001", "SW1A 1AA", "ｋ１ａ ０ｂ１", "", "12", "A-1234-5678-9"]
        let countries = ["US", "usa", "CN", "chn", "GB", "", "de", "U.S.", "XYZ"]
        for round in 0..<3000 {
            if round == 1500 { generator = SplitMix64(seed: 14) }
            let address = PostalAddress(
                line1: streets.randomElement(using: &generator)! + Self.separators.randomElement(using: &generator)!
                    + streets.randomElement(using: &generator)!,
                line2: streets.randomElement(using: &generator)!, city: cities.randomElement(using: &generator)!,
                region: regions.randomElement(using: &generator)!,
                postalCode: postalCodes.randomElement(using: &generator)!,
                country: countries.randomElement(using: &generator)!)
            let expected = (try? address.normalized()).map {
                specified(BloomEncoder.addressFeatures($0), field: .address)
            }
            #expect((try? encoder.encodeAddress(address)) == expected, "\(address)")
        }
    }

    @Test func postalCodesKeepTheirASCIILettersAndDigits() {
        var generator = SplitMix64(seed: 15)
        for _ in 0..<2000 {
            let text = String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                        Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &generator))
                    }))
            #expect(
                PostalAddress.postalCharacters(text)
                    == text.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        }
    }

    // MARK: Normalizers

    /// What a normalizer makes of a value: the result, or the error's code and message.
    static func outcome<Value>(_ body: () throws(IdentifierError) -> Value) -> String {
        do {
            return "ok \(try body())"
        } catch {
            return "\(error.code.rawValue) \(error.message)"
        }
    }

    /// ASCII values take byte-level paths through the normalizers; the same value with a trailing ideographic
    /// space (which trimming removes) takes the Unicode steps. Both must give the same result or error.
    func expectBothPathsAgree<Value>(
        _ values: [String], _ normalize: (String) throws(IdentifierError) -> Value
    ) {
        for value in values {
            #expect(
                Self.outcome { () throws(IdentifierError) in try normalize(value) }
                    == Self.outcome { () throws(IdentifierError) in try normalize(value + "\u{3000}") }, "\(value)")
        }
    }

    /// Random ASCII text from `alphabet`, with `count` characters.
    static func ascii(_ alphabet: String, count: ClosedRange<Int>, _ generator: inout SplitMix64) -> String {
        let characters = Array(alphabet)
        return String(
            (0..<Int.random(in: count, using: &generator)).map { _ in characters.randomElement(using: &generator)! })
    }

    @Test func emailFastPathAgreesWithTheFullSteps() {
        var generator = SplitMix64(seed: 18)
        let locals = [
            "Jane.Smith", "j.s+tag", "A", "x y", "tab\tx", String(repeating: "a", count: 64),
            String(repeating: "b", count: 65), "", "weird!#$%&'*/=?^_`{|}~",
        ]
        let domains = [
            "gmail.com", "GoogleMail.COM", "outlook.com", "example.co.uk.", "privaterelay.appleid.com",
            "x.privaterelay.appleid.com", "xprivaterelay.appleid.com", "mozmail.com", "a..b", "-a.com", "a-.com",
            "a.123", "123.a", "localhost", "", ".", "a_b.com", String(repeating: "l", count: 63) + ".com",
            String(repeating: "l", count: 64) + ".com",
            Array(repeating: "abcdefghij", count: 26).joined(separator: "."),
        ]
        var values = ["", "@", "a@", "@b.com", "a@b@c.com", "  Anna@Example.COM  "]
        for _ in 0..<3000 {
            let local =
                Bool.random(using: &generator)
                ? locals.randomElement(using: &generator)!
                : Self.ascii("abcXYZ09._+-!", count: 0...12, &generator)
            let domain =
                Bool.random(using: &generator)
                ? domains.randomElement(using: &generator)!
                : Self.ascii("abcXYZ09.-", count: 0...16, &generator)
            values.append(local + "@" + domain)
        }
        expectBothPathsAgree(values) { value throws(IdentifierError) in
            let email = try EmailNormalizer.normalize(value)
            return "\(email.normalized) \(email.matchKey) \(email.isRelay)"
        }
    }

    @Test func phoneFastPathAgreesWithTheFullSteps() {
        var generator = SplitMix64(seed: 19)
        var values = ["+1 212 555 0100", "(212) 555-0100", "+86 139 1234 5678", "00861391234567", "ext. 12", "++1"]
        for _ in 0..<3000 { values.append(Self.ascii("0123456789+ -().x/#\t", count: 0...18, &generator)) }
        for region in [nil] + PhoneRegion.allCases.map(Optional.some) {
            expectBothPathsAgree(values) { value throws(IdentifierError) in
                try PhoneNumberNormalizer.normalize(value, defaultRegion: region)
            }
        }
    }

    @Test func socialSecurityNumberFastPathAgreesWithTheFullSteps() {
        var generator = SplitMix64(seed: 20)
        var values = [
            "078-05-1120", "000-12-3456", "666123456", "900-12-3456", "123-00-4567", "123-45-0000",
            "111111111", "123 45 6789", "12345678", "1234567890", "12345678x",
        ]
        for _ in 0..<3000 { values.append(Self.ascii("0123456789 -\t", count: 0...13, &generator)) }
        expectBothPathsAgree(values) { value throws(IdentifierError) in try USSocialSecurityNumber.normalize(value) }
    }

    @Test func opaqueKeyFastPathAgreesWithTheFullSteps() {
        var generator = SplitMix64(seed: 21)
        var values = ["left:1", ":1", "left:", "le ft:1", "left:1 2", "x:\u{7F}", "nocolon", "a:b:c"]
        for _ in 0..<3000 { values.append(Self.ascii("ab:1 \t-", count: 0...8, &generator)) }
        expectBothPathsAgree(values) { value throws(IdentifierError) in try OpaqueKeyNormalizer.normalize(value) }
    }

    @Test func birthDateFastPathAgreesWithTheFullSteps() {
        var generator = SplitMix64(seed: 22)
        var values = [
            "1985-03-14", "1849-12-31", "2100-12-31", "2101-01-01", "1985-02-29", "1984-02-29", "1985-13-01",
            "1985-00-10", "1985-01-00", "0000-00-00", "1985/03/14",
        ]
        for _ in 0..<3000 { values.append(Self.ascii("0123456789-", count: 10...10, &generator)) }
        expectBothPathsAgree(values) { value throws(IdentifierError) in try BirthDate(parsing: value) }
    }

    @Test func twoLetterCountriesAreTheirUpperCase() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for first in letters {
            for second in letters {
                let text = String([first, second])
                #expect(try PostalAddress.normalizeCountry(" " + text) == text.uppercased())
            }
        }
        #expect(throws: IdentifierError(.badCountryCode, "")) { try PostalAddress.normalizeCountry("U1") }
        #expect(try PostalAddress.normalizeCountry("chn") == "CN")
    }

    // MARK: Tokens and packed features

    @Test func tokensAreHMACOfTypeNulValueForEveryLength() {
        let tokenizer = IdentifierTokenizer(key: try! LinkageKey(bytes: Self.keyBytes))
        var generator = SplitMix64(seed: 16)
        for length in 0...150 {
            let value = String(
                String.UnicodeScalarView(
                    (0..<length).map { _ in Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &generator)) }))
            let type = TokenType.allCases.randomElement(using: &generator)!
            let mac = HMAC<SHA256>.authenticationCode(
                for: Array(type.rawValue.utf8) + [0] + Array(value.utf8), using: SymmetricKey(data: Self.keyBytes))
            #expect(tokenizer.token(type, normalized: value) == Base64.encodeURLSafe(Array(mac)))
        }
    }

    @Test func packedFeaturesKeepTheirBytesAndLength() throws {
        var generator = SplitMix64(seed: 17)
        var seen: [PackedFeature: [UInt8]] = [:]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...15, using: &generator)).map { _ in
                UInt8.random(in: 0...3, using: &generator)
            }
            let packed = try #require(PackedFeature(bytes))
            #expect(packed.withBytes { Array($0) } == bytes)
            if let earlier = seen.updateValue(bytes, forKey: packed) { #expect(earlier == bytes) }
        }
        #expect(PackedFeature([UInt8](repeating: 0x41, count: 16)) == nil)
    }
}

import AdapterCore
import CredenceIdentity
import CredenceProtocol
import Foundation
import Testing

/// The email's `contains_name` flag: linkage must not count an agreeing `jane.smith@…` and agreeing names as
/// two independent pieces of evidence.
@Suite struct EmailContainsNameTests {
    let context = RecordContext(
        partnerID: PartnerID(unchecked: "shop-test"), linkageKey: try! LinkageKey(bytes: (1...32).map(UInt8.init)),
        defaultRegion: nil)

    func flags(email: String, name: RawName?) throws -> [TokenType: Bool?] {
        let subject = try context.subject(
            RawSubject(localKey: "customer-1", identifiers: [RawIdentifier(.email, email)], name: name))
        return Dictionary(uniqueKeysWithValues: subject.identifiers.map { ($0.type, $0.containsName) })
    }

    @Test func aNameInTheLocalPartIsFlaggedOnBothEmailTokens() throws {
        let found = try flags(
            email: "Jane.Smith84@gmail.com", name: .parts(given: "Jane", middle: nil, family: "Smith"))
        #expect(found[.email] == true)
        #expect(found[.emailMatch] == true)
        // The family name alone is enough, and accents and case fold as for the name encoding.
        #expect(try flags(email: "the.muller.family@web.de", name: .full("Zoë Müller"))[.email] == true)
    }

    @Test func addressesWithoutTheNameAreNotFlagged() throws {
        let name = RawName.parts(given: "Jane", middle: nil, family: "Smith")
        #expect(try flags(email: "js1984@gmail.com", name: name)[.email] == .some(nil))
        // Words under three letters say too little: "Li" is in far too many addresses.
        #expect(
            try flags(email: "lina.wu@163.com", name: .parts(given: "Na", middle: nil, family: "Li"))[.email]
                == .some(nil))
        // A Hanzi name cannot appear in an ASCII address, and no name means nothing to repeat.
        #expect(try flags(email: "zhangwei@qq.com", name: .full("张伟"))[.email] == .some(nil))
        #expect(try flags(email: "jane.smith@gmail.com", name: nil)[.email] == .some(nil))
    }

    /// The flag is computed byte by byte for ASCII local parts; it must be what the character search of the
    /// folded name words in the local part's letters says, for names and addresses in any script.
    @Test func theFlagAgreesWithACharacterSearchOnGeneratedAddresses() throws {
        let names = ["Jane", "SMITH", "Zoë", "Müller", "o'Brien", "Ann-Marie", "Li", "Wei", "张伟", "José", "Łukasz"]
        let locals = ["jane", "smith", "zoe", "mueller", "muller", "obrien", "annmarie", "ann", "li", "wei", "jose"]
        let glue = ["", ".", "_", "-", "84", "+shop", "x"]
        let domains = ["gmail.com", "qq.com", "example.com", "web.de"]
        var flagged = 0
        // Every name pair against local parts of one or two words with glue, some with a non-ASCII letter.
        for index in 0..<2400 {
            let local =
                locals[index % locals.count] + glue[index / 3 % glue.count]
                + (index % 4 == 0 ? "" : locals[index / 7 % locals.count]) + (index % 9 == 0 ? "é" : "")
            let address = local + "@" + domains[index / 5 % domains.count]
            let name = RawName.parts(
                given: names[index / 11 % names.count], middle: nil, family: names[index / 13 % names.count])
            let found = try flags(email: address, name: name)[.email]
            let expected = try Self.nameIsInLocalPart(EmailNormalizer.normalize(address), name: name)
            #expect(found == .some(expected ? true : nil), "\(address) / \(name)")
            if expected { flagged += 1 }
        }
        #expect(flagged > 300)
    }

    /// The rule of batch.md §7 as plain character search: a folded name word of at least 3 ASCII letters
    /// among the letters of the match key's local part.
    static func nameIsInLocalPart(_ email: NormalizedEmail, name: RawName) -> Bool {
        guard case .parts(let given, _, let family) = name,
            let folded = try? NameNormalizer.normalize(given + " " + family)
        else { return false }
        let letters = String(
            String.UnicodeScalarView(
                email.matchKey.unicodeScalars.prefix { $0 != "@" }.filter { $0.properties.isAlphabetic }))
        return folded.split(separator: " ").contains { word in
            word.count >= 3 && word.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
                && letters.contains(word)
        }
    }

    @Test func theFlagTravelsInTheBatchJSON() throws {
        let subject = try context.subject(
            RawSubject(
                localKey: "customer-2", identifiers: [RawIdentifier(.email, "bob.jones@example.com")],
                name: .full("Bob Jones")))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let text = String(decoding: try encoder.encode(subject), as: UTF8.self)
        #expect(text.contains(#""contains_name":true"#))
    }
}

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

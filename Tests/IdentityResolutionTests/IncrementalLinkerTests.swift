import AdapterCore
import CredenceIdentity
import CredenceProtocol
import CredenceStore
import Foundation
import IdentityResolution
import Linkage
import Testing

/// The incremental linker without a server: batches of encoded subjects in, persons and events out.
@Suite struct IncrementalLinkerTests {
    static let key = try! LinkageKey(bytes: (7...38).map(UInt8.init))

    /// Record bodies as the store keeps them, one record per subject.
    static func batch(_ leaf: Int, partner: String, _ subjects: [RawSubject]) throws -> BatchToLink {
        let context = RecordContext(partnerID: PartnerID(unchecked: partner), linkageKey: key, defaultRegion: .us)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let bodies = try subjects.map { raw in
            Array(try encoder.encode(["subjects": [try context.subject(raw)]]))
        }
        return BatchToLink(leafIndex: leaf, batchID: "batch-\(leaf)", partnerID: partner, records: bodies)
    }

    static func key(_ partner: String, _ local: String) throws -> String {
        try RecordContext(partnerID: PartnerID(unchecked: partner), linkageKey: key, defaultRegion: .us)
            .subjectKey(localKey: local).rawValue
    }

    static func subject(
        _ local: String, _ given: String, _ family: String, born: String, email: String? = nil, phone: String? = nil,
        street: String? = nil
    ) throws -> RawSubject {
        var identifiers: [RawIdentifier] = []
        if let email { identifiers.append(RawIdentifier(.email, email)) }
        if let phone { identifiers.append(RawIdentifier(.phoneE164, phone)) }
        return RawSubject(
            localKey: local, identifiers: identifiers, name: .parts(given: given, middle: nil, family: family),
            birthDate: try BirthDate(parsing: born),
            address: street.map {
                PostalAddress(line1: $0, city: "Springfield", region: "IL", postalCode: "62701", country: "US")
            })
    }

    struct Run {
        var linker = try! IncrementalLinker(
            subjects: [], progress: LinkageProgress(linkedLeaves: 0, nextPersonNumber: 1, model: nil, modelSubjects: 0),
            settings: LinkageSettings())
        var personOf: [String: String] = [:]
        var events: [PersonEvent] = []
        var leaf = 0

        mutating func link(_ partner: String, _ subjects: [RawSubject]) throws -> LinkingStep {
            let step = try linker.link(try IncrementalLinkerTests.batch(leaf, partner: partner, subjects))
            leaf += 1
            for subject in step.subjects { personOf[subject.subjectKey] = subject.personID }
            for move in step.moves { personOf[move.subjectKey] = move.personID }
            events += step.events
            return step
        }
    }

    @Test func aWrongMergeIsMadeAndACorrectionSplitsIt() throws {
        var run = Run()
        let bob = try Self.subject(
            "bob", "Robert", "Miller", born: "1970-11-02", email: "rmiller@example.org", phone: "(217) 555-0199",
            street: "400 Oak Ave")
        _ = try run.link("shop-a", [bob])
        // A data-entry error: Dan's account at shop B was opened with Bob's details.
        let wrongDan = try Self.subject(
            "dan", "Robert", "Miller", born: "1970-11-02", email: "rmiller@example.org", street: "400 Oak Ave")
        let merged = try run.link("shop-b", [wrongDan])
        let bobPerson = try #require(run.personOf[try Self.key("shop-a", "bob")])
        #expect(run.personOf[try Self.key("shop-b", "dan")] == bobPerson, "\(merged.events)")
        let joined = try #require(merged.events.first)
        #expect(joined.kind == .joined && (joined.probability ?? 0) >= 0.9)

        let correctedDan = try Self.subject(
            "dan", "Daniel", "Brown", born: "1990-01-01", email: "dan.brown@example.net")
        let corrected = try run.link("shop-b", [correctedDan])
        #expect(run.personOf[try Self.key("shop-a", "bob")] == bobPerson)
        let danPerson = try #require(run.personOf[try Self.key("shop-b", "dan")])
        #expect(danPerson != bobPerson)
        #expect(corrected.events.map(\.kind) == [.split], "\(corrected.events)")
        #expect(corrected.events.first?.personID == bobPerson && corrected.events.first?.otherPersonID == danPerson)
    }

    @Test func aSubjectThatBridgesTwoPersonsMergesThemAndTheOlderIdStays() throws {
        var run = Run()
        // X and Y share nothing they could be compared on; Z has X's email and name and Y's phone and birth date.
        // (The address does not spell the name: an email that does would count for the name too.)
        let x = RawSubject(
            localKey: "x", identifiers: [RawIdentifier(.email, "mc1988@example.com")],
            name: .parts(given: "Mei", middle: nil, family: "Chen"))
        let y = RawSubject(
            localKey: "y", identifiers: [RawIdentifier(.phoneE164, "(312) 555-0142")],
            birthDate: try BirthDate(parsing: "1988-06-21"))
        _ = try run.link("shop-a", [x])
        _ = try run.link("bank-b", [y])
        let xPerson = try #require(run.personOf[try Self.key("shop-a", "x")])
        let yPerson = try #require(run.personOf[try Self.key("bank-b", "y")])
        #expect(xPerson != yPerson)

        let z = try Self.subject(
            "z", "Mei", "Chen", born: "1988-06-21", email: "MC1988@example.com", phone: "+1 312 555 0142")
        let step = try run.link("social-c", [z])
        let merged = [run.personOf[try Self.key("shop-a", "x")], run.personOf[try Self.key("bank-b", "y")]]
        #expect(merged == [xPerson, xPerson], "the older person keeps its id")
        #expect(run.personOf[try Self.key("social-c", "z")] == xPerson)
        #expect(step.newPersons.isEmpty)
        let merge = try #require(step.events.first { $0.kind == .merged }, "\(step.events)")
        #expect(merge.personID == xPerson && merge.otherPersonID == yPerson)
        #expect((merge.probability ?? 0) >= 0.9 && merge.evidence.contains("phone"))
        #expect(step.events.contains { $0.kind == .joined && $0.subjectKey == (try? Self.key("social-c", "z")) })
    }

    @Test func aLinkerRebuiltFromTheStoreContinuesWhereTheFirstStopped() throws {
        var run = Run()
        var stored: [String: LinkedSubject] = [:]
        var nextPerson = 1
        func keep(_ step: LinkingStep) {
            for subject in step.subjects { stored[subject.subjectKey] = subject }
            for move in step.moves {
                let old = stored[move.subjectKey]!
                stored[move.subjectKey] = LinkedSubject(
                    subjectKey: old.subjectKey, partnerID: old.partnerID, personID: move.personID,
                    profile: old.profile, updatedLeaf: old.updatedLeaf)
            }
            nextPerson = step.nextPersonNumber
        }
        keep(
            try run.link(
                "shop-a", [try Self.subject("ann", "Ann", "Lee", born: "1979-02-03", email: "ann.lee@example.com")]))
        keep(
            try run.link("shop-b", [try Self.subject("bo", "Bo", "Zhang", born: "1991-12-24", phone: "(646) 555-0110")])
        )
        let rebuilt = try IncrementalLinker(
            subjects: Array(stored.values),
            progress: LinkageProgress(linkedLeaves: 2, nextPersonNumber: nextPerson, model: nil, modelSubjects: 0),
            settings: LinkageSettings())
        var continued = Run(linker: rebuilt, personOf: run.personOf, events: [], leaf: 2)
        let annAgain = try Self.subject("a-9", "Anne", "Lee", born: "1979-02-03", email: "ann.lee@example.com")
        let original = try run.link("shop-c", [annAgain])
        let afterRestart = try continued.link("shop-c", [annAgain])
        #expect(original.events == afterRestart.events)
        #expect(original.nextPersonNumber == afterRestart.nextPersonNumber)
        #expect(continued.personOf[try Self.key("shop-c", "a-9")] == run.personOf[try Self.key("shop-a", "ann")])
    }
}

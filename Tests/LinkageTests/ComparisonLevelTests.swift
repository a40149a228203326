import CredenceIdentity
import Linkage
import Testing

/// Comparison levels on real encodings, read back from the evidence a scorer gives.
@Suite("Comparison levels")
struct ComparisonLevelTests {
    let scorer = FellegiSunterScorer(model: .initial, termFrequencies: TermFrequencies())

    private func evidence(_ a: LinkageRecord, _ b: LinkageRecord, _ field: LinkageField) -> FieldEvidence {
        scorer.score(a, b).evidence.first { $0.field == field }!
    }

    private func level(_ a: LinkageRecord, _ b: LinkageRecord, _ field: LinkageField) -> String {
        evidence(a, b, field).level
    }

    private func named(_ name: String) -> LinkageRecord {
        LinkageRecord(id: name, source: "test", names: [Encodings.name(name)])
    }

    private func born(_ date: String) -> LinkageRecord {
        LinkageRecord(id: date, source: "test", birthDates: [Encodings.birthDate(date)])
    }

    private func living(_ addresses: BloomFilter...) -> LinkageRecord {
        LinkageRecord(id: "address", source: "test", addresses: addresses)
    }

    private func holding(_ identifiers: LinkageIdentifier...) -> LinkageRecord {
        LinkageRecord(id: "tokens", source: "test", identifiers: identifiers)
    }

    @Test(
        "name bands: identical, a typo, a nickname, a relative, a stranger",
        arguments: [
            ("SMITH, JOHN", "John Smith", "dice>=0.92"),
            ("Christopher Anderson", "Christopher Andersen", "dice>=0.92"),
            ("Katherine Johnson", "Katherine Jonhson", "dice>=0.80"),
            ("Wang Xiaoming", "Wang Xiao Ming", "dice>=0.80"),
            ("William Brown", "Bill Brown", "dice>=0.70"),
            ("Zhang Wei", "Zhang Wie", "dice>=0.70"),
            ("John Smith", "Mary Smith", "dice<0.70"),
            ("John Smith", "Robert Miller", "dice<0.70"),
            ("王小明", "Wang Xiaoming", "dice<0.70"),
        ])
    func nameBands(_ a: String, _ b: String, _ expected: String) {
        #expect(level(named(a), named(b), .name) == expected)
    }

    @Test(
        "birth-date levels: exact, one digit off, day and month swapped, unrelated",
        arguments: [
            ("1985-03-14", "1985-03-14", "exact"),
            ("1985-03-14", "1985-03-15", "dice>=0.84"),
            ("1985-03-14", "1986-03-14", "dice>=0.84"),
            ("1985-03-04", "1985-04-03", "dice>=0.70"),
            ("1985-03-14", "1985-07-22", "dice<0.70"),
            ("1985-03-14", "1962-11-02", "dice<0.70"),
        ])
    func birthDateLevels(_ a: String, _ b: String, _ expected: String) {
        #expect(level(born(a), born(b), .birthDate) == expected)
    }

    @Test("address levels: formatting variants, a typo, another street, another city")
    func addressLevels() {
        let home = Encodings.address("123 Main Street", "Springfield", "IL", "62704")
        func compared(_ other: BloomFilter) -> String { level(living(home), living(other), .address) }
        #expect(compared(Encodings.address("123 MAIN ST.", "SPRINGFIELD", "Illinois", "62704-1234", "USA")) == "exact")
        #expect(compared(Encodings.address("123 Mian Street", "Springfield", "IL", "62704")) == "dice>=0.88")
        #expect(compared(Encodings.address("123 Oak Avenue", "Springfield", "IL", "62704")) == "dice>=0.78")
        #expect(compared(Encodings.address("88 Oak Avenue", "Springfield", "IL", "62711")) == "dice>=0.60")
        #expect(compared(Encodings.address("88 Lake Road", "Houston", "TX", "77014")) == "dice<0.60")
    }

    @Test("the best Dice over the variants a record carries counts (old and new address)")
    func bestVariant() {
        let old = Encodings.address("88 Lake Road", "Houston", "TX", "77014")
        let new = Encodings.address("123 Main Street", "Springfield", "IL", "62704")
        #expect(level(living(old, new), living(new), .address) == "exact")
        #expect(level(living(old), living(new), .address) == "dice<0.60")
    }

    @Test("national IDs compare within one type only")
    func nationalIDs() {
        let ssn = Encodings.token(.usSSN, "123456789")
        #expect(level(holding(ssn), holding(ssn), .nationalID) == "agree")
        #expect(level(holding(ssn), holding(Encodings.token(.usSSN, "987654321")), .nationalID) == "disagree")
        #expect(level(holding(ssn), holding(Encodings.token(.cnRIC, "11010519491231002X")), .nationalID) == "missing")
        // A record with both types agrees with either.
        let both = holding(ssn, Encodings.token(.cnRIC, "11010519491231002X"))
        #expect(level(both, holding(Encodings.token(.cnRIC, "11010519491231002X")), .nationalID) == "agree")
    }

    @Test("phones: overlapping, recycled (disjoint by more than the margin), unknown periods, several numbers")
    func phones() {
        let number = "+12125550100"
        let first = Encodings.token(.phoneE164, number, from: 17_000, until: 18_000)
        #expect(
            level(holding(first), holding(Encodings.token(.phoneE164, number, from: 17_500, until: 19_000)), .phone)
                == "agree")
        // Reassigned a year after the first holder gave it up.
        let recycled = Encodings.token(.phoneE164, number, from: 18_365, until: 19_000)
        #expect(level(holding(first), holding(recycled), .phone) == "agree_disjoint_periods")
        #expect(level(holding(recycled), holding(first), .phone) == "agree_disjoint_periods")
        // Within the 30-day margin, a gap is a reporting delay, not a new holder.
        let soon = Encodings.token(.phoneE164, number, from: 18_020, until: 19_000)
        #expect(level(holding(first), holding(soon), .phone) == "agree")
        // Unknown dates never make periods disjoint.
        #expect(level(holding(first), holding(Encodings.token(.phoneE164, number)), .phone) == "agree")
        let other = Encodings.token(.phoneE164, "+12125550199")
        #expect(level(holding(first), holding(other), .phone) == "disagree")
        // Several numbers: one shared number agrees, and the overlapping use wins over a recycled one.
        #expect(level(holding(other, first), holding(Encodings.token(.phoneE164, number)), .phone) == "agree")
        #expect(level(holding(first), LinkageRecord(id: "none", source: "test"), .phone) == "missing")
    }

    @Test("email: the same address, the same mailbox spelt differently, another mailbox")
    func emails() {
        let address = Encodings.email("john.smith@gmail.com")
        func compared(_ other: String) -> String {
            level(
                LinkageRecord(id: "a", source: "test", identifiers: address),
                LinkageRecord(id: "b", source: "test", identifiers: Encodings.email(other)), .email)
        }
        #expect(compared("John.Smith@gmail.com") == "agree")
        #expect(compared("johnsmith+shop@googlemail.com") == "agree_email_match")
        #expect(compared("jsmith@yahoo.com") == "disagree")
        #expect(
            level(LinkageRecord(id: "a", source: "test", identifiers: address), named("John Smith"), .email)
                == "missing")
    }

    @Test("platform accounts and payment fingerprints agree, disagree or are missing")
    func opaqueKeys() {
        for type in [TokenType.platformAccount, .paymentFingerprint] {
            let field: LinkageField = type == .platformAccount ? .platformAccount : .paymentFingerprint
            let key = Encodings.token(type, "x:1")
            #expect(level(holding(key), holding(key), field) == "agree")
            #expect(level(holding(key), holding(Encodings.token(type, "x:2")), field) == "disagree")
            #expect(level(holding(key), named("John Smith"), field) == "missing")
        }
    }

    @Test("every level of every field is reachable, and missing weighs nothing")
    func everyLevelReachable() {
        var seen: [LinkageField: Set<String>] = [:]
        let samples: [(LinkageRecord, LinkageRecord)] = [
            (named("John Smith"), named("John Smith")), (named("Katherine Johnson"), named("Katherine Jonhson")),
            (named("William Brown"), named("Bill Brown")), (named("John Smith"), named("Robert Miller")),
            (born("1985-03-14"), born("1985-03-14")), (born("1985-03-14"), born("1985-03-15")),
            (born("1985-03-04"), born("1985-04-03")), (born("1985-03-14"), born("1962-11-02")),
        ]
        for (a, b) in samples {
            for item in scorer.score(a, b).evidence { seen[item.field, default: []].insert(item.level) }
        }
        #expect(seen[.name]!.isSuperset(of: LinkageField.name.levelNames))
        #expect(seen[.birthDate]!.isSuperset(of: LinkageField.birthDate.levelNames))
        let empty = LinkageRecord(id: "empty", source: "test")
        let score = scorer.score(empty, named("John Smith"))
        #expect(score.evidence.allSatisfy { $0.level == "missing" && $0.weight == 0 })
        #expect(score.matchWeight == LinkageModel.initial.priorWeight)
    }
}

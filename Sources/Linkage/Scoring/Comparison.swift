import CredenceIdentity

/// The comparison level of every field for one pair, four bits per field (15 = missing), and the
/// redundancy flags, so a pair's whole comparison is one integer: EM counts distinct vectors instead of pairs.
struct ComparisonVector: Hashable, Sendable {
    static let missing: UInt8 = 15
    private static let allMissing: UInt64 = 0xFFFF_FFFF
    private static let emailRepeatsNameFlag: UInt64 = 1 << 32

    private(set) var packed: UInt64 = allMissing

    init() {}

    init(packed: UInt64) { self.packed = packed }

    /// The agreeing email (or its matching key) contains the subject's name on at least one side.
    var emailRepeatsName: Bool {
        get { packed & Self.emailRepeatsNameFlag != 0 }
        set { packed = newValue ? packed | Self.emailRepeatsNameFlag : packed & ~Self.emailRepeatsNameFlag }
    }

    /// Whether a field's positive weight is already counted in another field's agreement, so the field may
    /// only lower the weight:
    /// - a shared phone number at a shared address identifies the household (a landline, a family plan)
    ///   rather than the person, so the address adds nothing the phone has not said;
    /// - at a shared address, or with a shared mailbox whose address contains the name, the lowest agreeing
    ///   name band is what relatives reach by sharing the family name (`John Smith` and `Mary Smith` score
    ///   0.65-0.75), so it says nothing more than the household's address or mailbox.
    /// Counting these twice would make every family sharing a landline look like one person.
    ///
    /// A mailbox that contains the name does not make the higher name bands redundant: Fellegi-Sunter needs
    /// the two agreements to be independent among non-matches, and two different people who share
    /// `smith.family@` (or one's `jane.smith@`) differ in the given name, so an agreeing given name is as
    /// unlikely for them as for any two people. Zeroing it would leave a shared mailbox with the same name
    /// below the threshold whenever the mailbox is all the two records share.
    func isCountedElsewhere(_ field: LinkageField) -> Bool {
        countedElsewhereNote(field) != nil
    }

    /// Why `isCountedElsewhere(field)`, as evidence notes say it; nil when it is not.
    func countedElsewhereNote(_ field: LinkageField) -> String? {
        switch field {
        case .name:
            guard self[.name] == Self.relativesNameLevel else { return nil }
            if emailRepeatsName && self[.email] <= 1 { return "counted in email" }
            if self[.address] <= 1 { return "relatives share this at one address" }
            return nil
        case .address:
            return self[.phone] == 0 ? "counted in phone" : nil
        case .nationalID, .phone, .email, .platformAccount, .paymentFingerprint, .birthDate:
            return nil
        }
    }

    /// The name band relatives reach by sharing a family name (dice>=0.70).
    static let relativesNameLevel: UInt8 = 2

    subscript(fieldIndex: Int) -> UInt8 {
        get { UInt8(truncatingIfNeeded: packed >> UInt64(4 * fieldIndex)) & 15 }
        set {
            let shift = UInt64(4 * fieldIndex)
            packed = (packed & ~(15 << shift)) | (UInt64(newValue & 15) << shift)
        }
    }

    subscript(field: LinkageField) -> UInt8 {
        get { self[field.index] }
        set { self[field.index] = newValue }
    }
}

/// One pair compared: the levels, and what the weight rules need beyond them.
struct PairComparison: Sendable {
    var vector = ComparisonVector()
    /// For each term-frequency-adjusted field that agrees, how many records carry the agreeing value: the
    /// token (the rarest one when several agree), or the name when both records hold it identically; 0 when
    /// not looked up.
    var agreeingValueCounts = SIMD8<Int32>()

    /// Slot in `agreeingValueCounts` of a term-frequency-adjusted field.
    static func countSlot(_ field: LinkageField) -> Int? {
        switch field {
        case .nationalID: 0
        case .phone: 1
        case .email: 2
        case .paymentFingerprint: 3
        case .name: 4
        case .platformAccount, .birthDate, .address: nil
        }
    }
}

/// Compares two records of a store field by field. Pure and allocation-free: it runs hundreds of millions of
/// times in a large run.
struct RecordComparator: Sendable {
    /// Days between two uses of a phone number beyond which it counts as recycled.
    let recycledPhoneMargin: Int
    private let nameThresholds = LinkageField.name.diceThresholds
    private let birthDateThresholds = LinkageField.birthDate.diceThresholds
    private let addressThresholds = LinkageField.address.diceThresholds

    init(recycledPhoneMargin: Int) { self.recycledPhoneMargin = recycledPhoneMargin }

    /// `termFrequencies`, when given, picks the rarest agreeing token and the rarest name both records hold
    /// identically, and records their counts.
    func compare(
        _ store: RecordStore, _ a: Int, _ b: Int, termFrequencies: TermFrequencies? = nil
    ) -> PairComparison {
        var result = PairComparison()
        compareTokens(store, a, b, termFrequencies: termFrequencies, into: &result)
        if let dice = bestDice(store, a, b, .name) {
            result.vector[.name] = Self.level(dice: dice, thresholds: nameThresholds)
            if dice == 1, let termFrequencies {
                result.agreeingValueCounts[PairComparison.countSlot(.name)!] = Int32(
                    clamping: rarestSharedName(store, a, b, termFrequencies))
            }
        }
        if let dice = bestDice(store, a, b, .birthDate) {
            result.vector[.birthDate] = Self.level(dice: dice, thresholds: birthDateThresholds)
        }
        if let dice = bestDice(store, a, b, .address) {
            result.vector[.address] = Self.level(dice: dice, thresholds: addressThresholds)
        }
        return result
    }

    /// The highest Dice similarity over the variants of one CLK field, nil when either record has none.
    func bestDice(_ store: RecordStore, _ a: Int, _ b: Int, _ field: CLKField) -> Double? {
        let left = store.filterRange(a, field)
        let right = store.filterRange(b, field)
        guard !left.isEmpty, !right.isEmpty else { return nil }
        var best = 0.0
        for i in left {
            for j in right {
                let common = store.filters[i].commonCount(store.filters[j])
                let dice = Double(2 * common) / Double(store.popCounts[i] + store.popCounts[j])
                best = max(best, dice)
            }
        }
        return best
    }

    /// Records carrying the rarest name variant that both records hold with identical bits (identical
    /// filters are the same value); 0 when no variant is identical.
    private func rarestSharedName(_ store: RecordStore, _ a: Int, _ b: Int, _ termFrequencies: TermFrequencies)
        -> Int
    {
        var rarest = Int.max
        for i in store.filterRange(a, .name) {
            for j in store.filterRange(b, .name) where store.filters[i] == store.filters[j] {
                rarest = min(rarest, termFrequencies.count(ofName: store.filters[i]))
            }
        }
        return rarest == .max ? 0 : rarest
    }

    static func level(dice: Double, thresholds: [Double]) -> UInt8 {
        var level = 0
        while level < thresholds.count, dice < thresholds[level] { level += 1 }
        return UInt8(level)
    }

    /// One merge walk over both records' identifiers, which the store keeps sorted by kind and key.
    private func compareTokens(
        _ store: RecordStore, _ a: Int, _ b: Int, termFrequencies: TermFrequencies?, into result: inout PairComparison
    ) {
        let left = store.identifierRange(a)
        let right = store.identifierRange(b)
        var kindsLeft: UInt8 = 0
        var kindsRight: UInt8 = 0
        for position in left { kindsLeft |= store.identifiers[position].kind.bit }
        for position in right { kindsRight |= store.identifiers[position].kind.bit }
        let both = kindsLeft & kindsRight
        guard both != 0 else { return }

        var agreeing: UInt8 = 0
        var phoneLevel: UInt8 = 2
        var rarest = SIMD4<Int32>(repeating: .max)
        var i = left.lowerBound
        var j = right.lowerBound
        while i < left.upperBound, j < right.upperBound {
            let x = store.identifiers[i]
            let y = store.identifiers[j]
            if PackedIdentifier.precedes(x, y) {
                i += 1
            } else if PackedIdentifier.precedes(y, x) {
                j += 1
            } else {
                agreeing |= x.kind.bit
                if x.kind == .phone { phoneLevel = min(phoneLevel, periodsOverlap(x, y) ? 0 : 1) }
                if (x.kind == .email || x.kind == .emailMatch) && (x.containsName || y.containsName) {
                    result.vector.emailRepeatsName = true
                }
                if let termFrequencies, let slot = Self.countSlot(x.kind) {
                    rarest[slot] = min(rarest[slot], Int32(clamping: termFrequencies.count(ofKey: x.key)))
                }
                i += 1
                j += 1
            }
        }
        let counts = rarest.replacing(with: 0, where: rarest .== .max)
        result.agreeingValueCounts = SIMD8(lowHalf: counts, highHalf: .zero)

        let nationalIDs = IdentifierKind.usSSN.bit | IdentifierKind.cnRIC.bit
        let emails = IdentifierKind.email.bit | IdentifierKind.emailMatch.bit
        if agreeing & nationalIDs != 0 {
            result.vector[.nationalID] = 0
        } else if both & nationalIDs != 0 {
            result.vector[.nationalID] = 1
        }
        if both & IdentifierKind.phone.bit != 0 { result.vector[.phone] = phoneLevel }
        if agreeing & IdentifierKind.email.bit != 0 {
            result.vector[.email] = 0
        } else if agreeing & IdentifierKind.emailMatch.bit != 0 {
            result.vector[.email] = 1
        } else if kindsLeft & emails != 0, kindsRight & emails != 0 {
            result.vector[.email] = 2
        }
        if agreeing & emails == 0 { result.vector.emailRepeatsName = false }
        if both & IdentifierKind.platformAccount.bit != 0 {
            result.vector[.platformAccount] = agreeing & IdentifierKind.platformAccount.bit != 0 ? 0 : 1
        }
        if both & IdentifierKind.paymentFingerprint.bit != 0 {
            result.vector[.paymentFingerprint] = agreeing & IdentifierKind.paymentFingerprint.bit != 0 ? 0 : 1
        }
    }

    /// False only when one use of the number ended more than the margin before the other began: the number
    /// was given up and reassigned. Unknown dates never make periods disjoint.
    private func periodsOverlap(_ x: PackedIdentifier, _ y: PackedIdentifier) -> Bool {
        let xEnded = x.lastSeen != PackedIdentifier.unknownLastSeen
        let yEnded = y.lastSeen != PackedIdentifier.unknownLastSeen
        let xStarted = x.firstSeen != PackedIdentifier.unknownFirstSeen
        let yStarted = y.firstSeen != PackedIdentifier.unknownFirstSeen
        if xEnded, yStarted, Int(x.lastSeen) + recycledPhoneMargin < Int(y.firstSeen) { return false }
        if yEnded, xStarted, Int(y.lastSeen) + recycledPhoneMargin < Int(x.firstSeen) { return false }
        return true
    }

    private static func countSlot(_ kind: IdentifierKind) -> Int? {
        switch kind {
        case .usSSN, .cnRIC: PairComparison.countSlot(.nationalID)
        case .phone: PairComparison.countSlot(.phone)
        case .email, .emailMatch: PairComparison.countSlot(.email)
        case .paymentFingerprint: PairComparison.countSlot(.paymentFingerprint)
        case .platformAccount: nil
        }
    }
}

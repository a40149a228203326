import CredenceIdentity
import Linkage

/// The partners of the synthetic federation and how each sees a person (docs/simulation.md §2 and §4).
struct SyntheticPartner: Sendable {
    enum Kind: Sendable { case lender, marketplace, payments, identity, social }

    var id: String
    var kind: Kind
    var usShare: Double
    var prcShare: Double

    static let all = [
        SyntheticPartner(id: "bank", kind: .lender, usShare: 0.5, prcShare: 0),
        SyntheticPartner(id: "finance", kind: .lender, usShare: 0.3, prcShare: 0.25),
        SyntheticPartner(id: "shop", kind: .marketplace, usShare: 0.5, prcShare: 0.06),
        SyntheticPartner(id: "mall", kind: .marketplace, usShare: 0.04, prcShare: 0.55),
        SyntheticPartner(id: "pay", kind: .payments, usShare: 0.25, prcShare: 0.1),
        SyntheticPartner(id: "id", kind: .identity, usShare: 0.2, prcShare: 0.6),
        SyntheticPartner(id: "social", kind: .social, usShare: 0.1, prcShare: 0.1),
    ]

    /// Lenders key customers by SSN or name and birth date: never one person twice.
    static let duplicateFree: Set<String> = ["bank", "finance"]
}

extension SyntheticPopulation.Builder {
    mutating func records(of person: SyntheticPerson) -> [SyntheticPopulation.Labeled] {
        var result: [SyntheticPopulation.Labeled] = []
        for partner in SyntheticPartner.all
        where draw.chance(person.nationality == .us ? partner.usShare : partner.prcShare) {
            result.append(view(of: person, at: partner, duplicate: false))
            if partner.kind == .marketplace || partner.kind == .payments, draw.chance(0.04) {
                result.append(view(of: person, at: partner, duplicate: true))
            }
        }
        return result
    }

    private mutating func view(
        of person: SyntheticPerson, at partner: SyntheticPartner, duplicate: Bool
    ) -> SyntheticPopulation.Labeled {
        var noise: Set<SyntheticPopulation.Noise> = duplicate ? [.duplicateAccount] : []
        let since = Self.relationshipStart(&draw)
        let (names, hanzi) = name(of: person, at: partner, noise: &noise)
        var record = LinkageRecord(id: "\(partner.id)-\(recordNumber)", source: partner.id)
        recordNumber += 1
        if let names { record.names = [names] }

        let hasBirthDate = partner.kind == .lender ? draw.chance(0.98) : partner.kind == .identity && draw.chance(0.6)
        if hasBirthDate {
            record.birthDates = [birthDate(of: person, noise: &noise)]
        } else if partner.kind == .lender {
            noise.insert(.missingBirthDate)
        }
        let addressShare: Double =
            switch partner.kind {
            case .lender: 1
            case .marketplace: 0.9
            case .payments: 0.5
            case .identity: 0.4
            case .social: 0
            }
        if draw.chance(addressShare) {
            record.addresses = addresses(of: person, at: partner, hanzi: hanzi, noise: &noise)
        }

        if let phone = phone(of: person, at: partner, since: since, noise: &noise), !(duplicate && draw.chance(0.5)) {
            record.identifiers.append(phone)
        }
        if partner.kind != .lender, partner.kind != .social || draw.chance(0.5) {
            record.identifiers += email(of: person, duplicate: duplicate, noise: &noise)
        }
        switch partner.kind {
        case .lender:
            if person.nationality == .us {
                record.identifiers.append(token(.usSSN, person.nationalID))
            }
        case .identity:
            if person.nationality == .prc ? draw.chance(0.45) : draw.chance(0.1) {
                record.identifiers.append(token(person.nationality == .prc ? .cnRIC : .usSSN, person.nationalID))
            }
            record.identifiers.append(token(.platformAccount, "oidc:id.example:\(person.index)"))
        case .social:
            record.identifiers.append(token(.platformAccount, "x:\(person.index)"))
        case .payments:
            record.identifiers.append(token(.paymentFingerprint, "stripe:fp\(person.index)"))
        case .marketplace:
            break
        }
        return SyntheticPopulation.Labeled(
            record: record, person: person.index, household: person.household, noise: noise)
    }

    private static func relationshipStart(_ draw: inout Draw) -> Int {
        let fraction = Double(draw.below(1000)) / 1000
        return SyntheticPopulation.today - Int(4380 * fraction * fraction)
    }

    private func token(_ type: TokenType, _ normalized: String, from: Int? = nil, until: Int? = nil)
        -> LinkageIdentifier
    {
        LinkageIdentifier(
            type: type, token: tokenizer.token(type, normalized: normalized), firstSeen: from, lastSeen: until)
    }

    /// The name as the partner holds it, and whether it is in Hanzi (the address then is too).
    private mutating func name(
        of person: SyntheticPerson, at partner: SyntheticPartner, noise: inout Set<SyntheticPopulation.Noise>
    ) -> (BloomFilter?, Bool) {
        switch person.nationality {
        case .us:
            var given = person.given
            var family = person.family
            let nicknameShare: Double =
                switch partner.kind {
                case .lender: 0.02
                case .marketplace: 0.15
                case .social: 0.3
                case .payments, .identity: 0.05
                }
            let nicknames = SyntheticCatalogs.usGivenNames.first { $0.name == person.given }?.nicknames ?? []
            if !nicknames.isEmpty, draw.chance(nicknameShare) {
                given = draw.pick(nicknames)
                noise.insert(.nickname)
            }
            if draw.chance(partner.kind == .lender ? 0.01 : 0.03) {
                if draw.chance(0.5) { given = Typo.apply(given, &draw) } else { family = Typo.apply(family, &draw) }
                noise.insert(.typo)
            }
            let full = partner.kind == .lender ? "\(family.uppercased()), \(given.uppercased())" : "\(given) \(family)"
            return (encoder.name(full), false)
        case .prc:
            let hanziShare: Double =
                switch partner.id {
                case "mall": 0.85
                case "id": 0.7
                case "social": 0.45
                case "pay": 0.2
                default: 0
                }
            if draw.chance(hanziShare) {
                noise.insert(.hanzi)
                var given = person.hanziGiven
                if draw.chance(0.02), let slip = Typo.homophone(given, &draw) {
                    given = slip
                    noise.insert(.typo)
                }
                return (encoder.name(person.hanziFamily + given), true)
            }
            var family = person.family
            var given = person.given
            if draw.chance(0.08) {
                family = person.familyVariant
                noise.insert(.romanizationVariant)
            } else if person.givenSyllables.count > 1, draw.chance(0.12) {
                given = person.givenSyllables.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
                noise.insert(.romanizationVariant)
            }
            if draw.chance(partner.kind == .lender ? 0.01 : 0.03) {
                given = Typo.apply(given, &draw)
                noise.insert(.typo)
            }
            let full = partner.kind == .lender ? "\(family) \(given)".uppercased() : "\(given) \(family)"
            return (encoder.name(full), false)
        }
    }

    private mutating func birthDate(of person: SyntheticPerson, noise: inout Set<SyntheticPopulation.Noise>)
        -> BloomFilter
    {
        var (year, month, day) = person.birth
        if draw.chance(0.01) {
            noise.insert(.birthDateTypo)
            if day <= 12, day != month, draw.chance(0.5) {
                (month, day) = (day, month)
            } else if draw.chance(0.5) {
                day = day >= 28 ? day - 1 : day + 1
            } else {
                year += draw.chance(0.5) ? 1 : -1
            }
        }
        return encoder.birthDate(year: year, month: month, day: day)
    }

    private mutating func addresses(
        of person: SyntheticPerson, at partner: SyntheticPartner, hanzi: Bool,
        noise: inout Set<SyntheticPopulation.Noise>
    ) -> [BloomFilter] {
        var chosen = [person.address]
        if let old = person.oldAddress, draw.chance(0.5) {
            noise.insert(.movedAddress)
            chosen = draw.chance(0.2) ? [old, person.address] : [old]
        }
        return chosen.compactMap { address in
            if hanzi, let written = address.hanzi { return encoder.address(written) }
            var written = address.latin
            let words = written.line1.split(separator: " ").map(String.init)
            var line = words
            if let last = words.last, let suffix = SyntheticCatalogs.usSuffixes.first(where: { $0.long == last }),
                partner.kind == .lender || draw.chance(0.5)
            {
                line[line.count - 1] = suffix.short
            }
            if line.count > 2, draw.chance(0.02) { line[1] = Typo.apply(line[1], &draw) }
            written.line1 = line.joined(separator: " ")
            if partner.kind == .lender {
                written.line1 = written.line1.uppercased()
                written.city = written.city.uppercased()
                if written.country == "US", draw.chance(0.2) {
                    written.postalCode += "-" + String(1000 + draw.below(9000))
                }
            }
            return encoder.address(written)
        }
    }

    private mutating func phone(
        of person: SyntheticPerson, at partner: SyntheticPartner, since: Int,
        noise: inout Set<SyntheticPopulation.Noise>
    ) -> LinkageIdentifier? {
        let landlineShare: Double
        switch partner.kind {
        case .lender:
            guard person.nationality == .us else { return nil }
            landlineShare = 0.3
        case .marketplace: landlineShare = 0.1
        case .identity: landlineShare = 0
        case .social:
            guard draw.chance(0.3) else { return nil }
            landlineShare = 0
        case .payments: return nil
        }
        if let landline = person.landline, draw.chance(landlineShare) {
            noise.insert(.sharedLandline)
            return token(.phoneE164, landline, from: since, until: SyntheticPopulation.today)
        }
        if let old = person.oldMobile, since < old.until, draw.chance(0.5) {
            noise.insert(.oldPhone)
            return token(.phoneE164, old.number, from: max(since, old.from), until: old.until)
        }
        if person.mobileRecycled { noise.insert(.recycledPhone) }
        return token(.phoneE164, person.mobile, from: max(since, person.mobileSince), until: SyntheticPopulation.today)
    }

    private mutating func email(
        of person: SyntheticPerson, duplicate: Bool, noise: inout Set<SyntheticPopulation.Noise>
    ) -> [LinkageIdentifier] {
        var address = person.email
        if duplicate {
            address =
                "\(draw.pick(SyntheticCatalogs.handleWords))x\(person.index)@"
                + (address.split(separator: "@").last.map(String.init) ?? "gmail.com")
        } else if let old = person.oldEmail, draw.chance(0.4) {
            address = old
            noise.insert(.changedEmail)
        }
        if address.hasSuffix("@gmail.com"), draw.chance(0.25) {
            noise.insert(.emailVariant)
            let local = address.dropLast("@gmail.com".count)
            switch draw.below(3) {
            case 0:
                // Gmail ignores dots: move them.
                let bare = local.filter { $0 != "." }
                address = (local.contains(".") ? bare : bare.prefix(3) + "." + bare.dropFirst(3)) + "@gmail.com"
            case 1: address = local + "+shop@gmail.com"
            default: address = local + "@googlemail.com"
            }
        }
        guard let normalized = try? EmailNormalizer.normalize(address) else { return [] }
        let localPart = normalized.matchKey.split(separator: "@").first.map(String.init) ?? ""
        let containsName = [person.given, person.family].contains { name in
            let folded = name.lowercased().filter(\.isLetter)
            return folded.count >= 3 && localPart.contains(folded)
        }
        return [
            LinkageIdentifier(
                type: .email, token: tokenizer.token(.email, normalized: normalized.normalized),
                containsName: containsName),
            LinkageIdentifier(
                type: .emailMatch, token: tokenizer.token(.emailMatch, normalized: normalized.matchKey),
                containsName: containsName),
        ]
    }
}

/// Typing errors as data entry produces them: a neighbouring key, two letters swapped, a letter dropped or
/// doubled, never the first letter; in Hanzi, a homophone picked from the input method's list.
enum Typo {
    private static let neighbours: [Character: String] = [
        "a": "qswz", "b": "vghn", "c": "xdfv", "d": "serfcx", "e": "wsdr", "f": "drtgvc", "g": "ftyhbv", "h": "gyujnb",
        "i": "ujko", "j": "huikmn", "k": "jiolm", "l": "kop", "m": "njk", "n": "bhjm", "o": "iklp", "p": "ol",
        "q": "wa",
        "r": "edft", "s": "awedxz", "t": "rfgy", "u": "yhji", "v": "cfgb", "w": "qase", "x": "zsdc", "y": "tghu",
        "z": "asx",
    ]

    static func apply(_ text: String, _ draw: inout Draw) -> String {
        var characters = Array(text)
        let letters = characters.indices.filter { characters[$0].isLetter }
        guard letters.count >= 3 else { return text }
        let position = letters[1 + draw.below(letters.count - 1)]
        let original = characters[position]
        switch draw.below(10) {
        case 0..<5:
            guard let options = neighbours[Character(original.lowercased())] else { return text }
            let replacement = draw.pick(Array(options))
            characters[position] = original.isUppercase ? Character(replacement.uppercased()) : replacement
        case 5..<7:
            let next = position + 1 < characters.count ? position + 1 : position - 1
            characters.swapAt(position, next)
        case 7..<9:
            characters.remove(at: position)
        default:
            characters.insert(original, at: position)
        }
        return String(characters)
    }

    static func homophone(_ text: String, _ draw: inout Draw) -> String? {
        var characters = Array(text).map(String.init)
        let candidates = characters.indices.filter { SyntheticCatalogs.homophones[characters[$0]] != nil }
        guard !candidates.isEmpty else { return nil }
        let position = draw.pick(candidates)
        characters[position] = SyntheticCatalogs.homophones[characters[position]]!
        return characters.joined()
    }
}

/// Encodes through `BloomEncoder` one feature at a time and ORs the cached single-feature filters: the same
/// bits as encoding the whole feature set (a filter is the union of its features' bits), a hundred times
/// faster, so tests can afford tens of thousands of people.
struct CachedEncoder {
    private let encoder: BloomEncoder
    private var cache: [CLKField: [String: [UInt8]]] = [:]

    init(key: LinkageKey) { encoder = BloomEncoder(key: key) }

    mutating func name(_ full: String) -> BloomFilter? {
        guard let features = try? BloomEncoder.nameFeatures(full: full) else { return nil }
        return filter(features, .name)
    }

    mutating func birthDate(year: Int, month: Int, day: Int) -> BloomFilter {
        filter(BloomEncoder.birthDateFeatures(try! BirthDate(year: year, month: month, day: day)), .birthDate)
    }

    mutating func address(_ address: PostalAddress) -> BloomFilter? {
        guard let normalized = try? address.normalized() else { return nil }
        return filter(BloomEncoder.addressFeatures(normalized), .address)
    }

    private mutating func filter(_ features: [String], _ field: CLKField) -> BloomFilter {
        var bytes = [UInt8](repeating: 0, count: BloomFilter.byteCount)
        for feature in features {
            let bits: [UInt8]
            if let cached = cache[field]?[feature] {
                bits = cached
            } else {
                bits = encoder.encode([feature], field: field).bytes
                cache[field, default: [:]][feature] = bits
            }
            for index in bytes.indices { bytes[index] |= bits[index] }
        }
        return try! BloomFilter(bytes: bytes)
    }
}

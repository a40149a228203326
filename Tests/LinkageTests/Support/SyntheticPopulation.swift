import CredenceIdentity
import CredencePrimitives
import Linkage

/// Synthetic people and the records seven kinds of partner would hold about them, encoded exactly as adapters
/// encode (real tokens and CLKs under a test key), with the truth beside each record. The noise follows
/// docs/simulation.md §3-4: households sharing an address, a family name and a landline; recycled phone
/// numbers; typos, nicknames, romanization variants and Hanzi names; moved addresses; changed emails and
/// spellings of the same mailbox; second marketplace accounts.
///
/// Self-contained (no simulator), so the engine's tests do not depend on another module's output.
struct SyntheticPopulation {
    enum Noise: String, Sendable, CaseIterable {
        case typo, nickname, romanizationVariant, hanzi, birthDateTypo, missingBirthDate, movedAddress
        case changedEmail, emailVariant, oldPhone, recycledPhone, sharedLandline, duplicateAccount
    }

    struct Labeled: Sendable {
        var record: LinkageRecord
        var person: Int
        var household: Int
        var noise: Set<Noise>
    }

    /// The federation key of the tests (never used for real data).
    static let key = try! LinkageKey(bytes: (1...32).map { UInt8($0) })

    static func generate(people: Int, seed: UInt64) -> [Labeled] {
        var result: [Labeled] = []
        result.reserveCapacity(people * 2)
        forEachRecord(people: people, seed: seed) { result.append($0) }
        return result
    }

    /// Streams the records chunk by chunk (1,000 people at a time), so a million people never sit in memory.
    static func forEachRecord(people: Int, seed: UInt64, _ body: (Labeled) -> Void) {
        var builder = Builder(seed: seed)
        var first = 0
        while first < people {
            let chunk = builder.people(from: first, count: min(1000, people - first))
            for person in chunk {
                for record in builder.records(of: person) { body(record) }
            }
            first += chunk.count
        }
    }
}

/// A draw from a seeded stream, by multiply-shift (independent of the standard library's algorithms).
struct Draw {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func below(_ bound: Int) -> Int { Int(generator.next().multipliedFullWidth(by: UInt64(bound)).high) }
    mutating func chance(_ probability: Double) -> Bool {
        Double(generator.next() >> 11) / 9_007_199_254_740_992 < probability
    }
    mutating func pick<T>(_ elements: [T]) -> T { elements[below(elements.count)] }
    /// Rank r is chosen with weight 1 / (r + 8): a few common values, a long tail.
    mutating func zipf<T>(_ elements: [T]) -> T {
        let total = Self.harmonic(elements.count)
        var target = Double(generator.next() >> 11) / 9_007_199_254_740_992 * total
        for (rank, element) in elements.enumerated() {
            target -= 1 / Double(rank + 8)
            if target <= 0 { return element }
        }
        return elements[elements.count - 1]
    }

    private static func harmonic(_ count: Int) -> Double { (0..<count).reduce(0) { $0 + 1 / Double($1 + 8) } }
}

struct SyntheticPerson {
    enum Nationality { case us, prc }

    var index: Int
    var household: Int
    var nationality: Nationality
    var given: String
    var family: String
    /// PRC people: the name in Hanzi and the surname's other romanization.
    var hanziGiven = ""
    var hanziFamily = ""
    var familyVariant = ""
    var givenSyllables: [String] = []
    var birth: (year: Int, month: Int, day: Int)
    var address: SyntheticAddress
    var oldAddress: SyntheticAddress?
    var mobile: String
    var mobileSince: Int
    /// The mobile number was someone else's before (a recycled number).
    var mobileRecycled = false
    var oldMobile: (number: String, from: Int, until: Int)?
    var landline: String?
    var email: String
    var oldEmail: String?
    var nationalID: String
}

struct SyntheticAddress {
    var latin: PostalAddress
    var hanzi: PostalAddress?
}

extension SyntheticPopulation {
    /// Day numbers (since 1970-01-01) of the simulated period's end: 2024-12-31.
    static let today = 20_088

    struct Builder {
        var draw: Draw
        var household = 0
        var recordNumber = 0
        let tokenizer = IdentifierTokenizer(key: SyntheticPopulation.key)
        var encoder = CachedEncoder(key: SyntheticPopulation.key)

        init(seed: UInt64) { draw = Draw(seed: seed) }

        /// People of one chunk, in households; a third of the mobile numbers given up are reassigned to another
        /// household of the chunk 3-12 months later.
        mutating func people(from first: Int, count: Int) -> [SyntheticPerson] {
            var result: [SyntheticPerson] = []
            while result.count < count {
                let size = min(count - result.count, householdSize())
                result += householdMembers(first: first + result.count, size: size)
                household += 1
            }
            for index in result.indices {
                guard let old = result[index].oldMobile, draw.chance(1.0 / 3) else { continue }
                let holder = draw.below(result.count)
                guard result[holder].household != result[index].household,
                    result[holder].nationality == result[index].nationality
                else { continue }
                result[holder].mobile = old.number
                result[holder].mobileSince = min(Self.latestStart, old.until + 90 + draw.below(270))
                result[holder].oldMobile = nil
                result[holder].mobileRecycled = true
            }
            return result
        }

        private static let latestStart = SyntheticPopulation.today - 30

        private mutating func householdSize() -> Int {
            let roll = draw.below(100)
            return roll < 34 ? 1 : roll < 65 ? 2 : roll < 82 ? 3 : roll < 95 ? 4 : 5
        }

        private mutating func householdMembers(first: Int, size: Int) -> [SyntheticPerson] {
            let nationality: SyntheticPerson.Nationality = draw.chance(0.5) ? .us : .prc
            let address = makeAddress(nationality)
            let oldAddress = draw.chance(0.18) ? makeAddress(nationality) : nil
            let landline =
                size >= 2 && draw.chance(0.45) || size == 1 && draw.chance(0.1)
                ? phone(nationality, landline: true) : nil
            let surname = nationality == .us ? draw.zipf(SyntheticCatalogs.usFamilyNames) : ""
            let chineseSurname = draw.zipf(SyntheticCatalogs.chineseSurnames)
            var members: [SyntheticPerson] = []
            for position in 0..<size {
                let index = first + position
                var person = SyntheticPerson(
                    index: index, household: household, nationality: nationality, given: "", family: "",
                    birth: birthDate(adult: position < 2), address: address, oldAddress: oldAddress,
                    mobile: phone(nationality, landline: false), mobileSince: Self.latestStart - draw.below(3000),
                    landline: landline, email: "", nationalID: nationalID(nationality, index: index))
                switch nationality {
                case .us:
                    person.given = draw.zipf(SyntheticCatalogs.usGivenNames).name
                    // Spouses share the family name 70 % of the time, children always.
                    person.family =
                        position == 1 && !draw.chance(0.7) ? draw.zipf(SyntheticCatalogs.usFamilyNames) : surname
                case .prc:
                    // A wife keeps her surname; children take the father's.
                    let family = position == 1 ? draw.zipf(SyntheticCatalogs.chineseSurnames) : chineseSurname
                    let characters = (0..<(draw.chance(0.7) ? 2 : 1)).map { _ in
                        draw.zipf(SyntheticCatalogs.chineseGivenCharacters)
                    }
                    person.hanziFamily = family.hanzi
                    person.hanziGiven = characters.map(\.hanzi).joined()
                    person.family = family.pinyin
                    person.familyVariant = family.variants.first ?? family.pinyin
                    person.givenSyllables = characters.map(\.pinyin)
                    let pinyin = characters.map(\.pinyin).joined()
                    person.given = pinyin.prefix(1).uppercased() + pinyin.dropFirst()
                }
                if draw.chance(0.12) {
                    let until = person.mobileSince - 1
                    person.oldMobile = (phone(nationality, landline: false), until - 300 - draw.below(2000), until)
                }
                person.email = email(for: person)
                if draw.chance(0.15) { person.oldEmail = email(for: person) }
                members.append(person)
            }
            return members
        }

        private mutating func birthDate(adult: Bool) -> (year: Int, month: Int, day: Int) {
            let year = adult ? 1945 + draw.below(55) : 1985 + draw.below(21)
            let month = 1 + draw.below(12)
            return (year, month, 1 + draw.below(month == 2 ? 28 : 30))
        }

        private mutating func nationalID(_ nationality: SyntheticPerson.Nationality, index: Int) -> String {
            switch nationality {
            case .us: return String(100_000_000 + index * 7 % 800_000_000)
            case .prc: return "11010519" + String(10_000_000_000 + index).suffix(10)
            }
        }

        private mutating func phone(_ nationality: SyntheticPerson.Nationality, landline: Bool) -> String {
            switch nationality {
            case .us:
                let city = draw.pick(SyntheticCatalogs.usCities)
                return "+1" + draw.pick(city.areaCodes) + String(200 + draw.below(700)) + digits(4)
            case .prc:
                if landline {
                    return "+86" + draw.pick(SyntheticCatalogs.chineseCities).areaCode + String(2 + draw.below(8))
                        + digits(7)
                }
                return "+861" + String(3 + draw.below(7)) + digits(9)
            }
        }

        private mutating func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(draw.below(10))) })
        }

        private mutating func makeAddress(_ nationality: SyntheticPerson.Nationality) -> SyntheticAddress {
            switch nationality {
            case .us:
                let city = draw.zipf(SyntheticCatalogs.usCities)
                let street = draw.zipf(SyntheticCatalogs.usStreets)
                let suffix = draw.pick(SyntheticCatalogs.usSuffixes).long
                return SyntheticAddress(
                    latin: PostalAddress(
                        line1: "\(1 + draw.below(9999)) \(street) \(suffix)", city: city.city, region: city.state,
                        postalCode: city.zip + digits(2), country: "US"))
            case .prc:
                let city = draw.zipf(SyntheticCatalogs.chineseCities)
                let street = draw.zipf(SyntheticCatalogs.chineseStreets)
                let number = 1 + draw.below(399)
                let postal = city.postal + digits(3)
                return SyntheticAddress(
                    latin: PostalAddress(
                        line1: "\(number) \(street.pinyin) Road", city: city.pinyin, region: city.province,
                        postalCode: postal,
                        country: "CN"),
                    hanzi: PostalAddress(
                        line1: "\(street.hanzi)路\(number)号", city: city.hanzi, region: "", postalCode: postal,
                        country: "CN"))
            }
        }

        /// Every address belongs to one person, as mailboxes do: the number in it derives from the person's
        /// index (as the simulator's keyed permutations), so two John Smiths never share one.
        private mutating func email(for person: SyntheticPerson) -> String {
            let given = person.given.lowercased()
            let family = person.family.lowercased()
            let number = String(person.index) + String(draw.below(10))
            switch person.nationality {
            case .us:
                let domain = draw.zipf(SyntheticCatalogs.emailProviders)
                let words = draw.pick(SyntheticCatalogs.handleWords) + draw.pick(SyntheticCatalogs.handleWords)
                switch draw.below(10) {
                case 0..<3: return "\(given).\(family)\(number)@\(domain)"
                case 3..<5: return "\(given)\(family)\(number)@\(domain)"
                case 5..<7: return "\(given.prefix(1))\(family)\(number)@\(domain)"
                default: return "\(words)\(number)@\(domain)"
                }
            case .prc:
                let domain = draw.zipf(SyntheticCatalogs.chineseEmailProviders)
                switch draw.below(10) {
                case 0..<4: return "\(100_000 + person.index)\(draw.below(10))@qq.com"
                case 4..<7: return "\(family)\(given)\(number)@\(domain)"
                default: return "\(draw.pick(SyntheticCatalogs.handleWords))\(number)@\(domain)"
                }
            }
        }
    }
}

import CredencePrimitives

/// Draws legal names: US given, middle and family names; Chinese names in Hanzi with their pinyin.
enum NameFactory {
    static func usName(sex: Sex, family: String, using random: inout SplitMix64) -> PersonName {
        let pool = sex == .male ? USNameCatalog.male : USNameCatalog.female
        let given = random.pick(pool)
        var middle: String?
        if random.chance(0.7) {
            var candidate = random.pick(pool).name
            if candidate == given.name { candidate = random.pick(pool).name }
            middle = candidate
        }
        return PersonName(given: given.name, middle: middle, family: family, nicknames: given.nicknames)
    }

    static func usSurname(using random: inout SplitMix64) -> String {
        random.pick(USNameCatalog.surnames)
    }

    static func chineseSurname(using random: inout SplitMix64) -> ChineseSurname {
        // The first names of the list are far more common (王, 李, 张, 刘, 陈 cover about 30% of people).
        let index = random.chance(0.3) ? random.below(5) : random.below(ChineseNameCatalog.surnames.count)
        return ChineseNameCatalog.surnames[index]
    }

    static func chineseName(sex: Sex, surname: ChineseSurname, using random: inout SplitMix64) -> PersonName {
        let pool = sex == .male ? ChineseNameCatalog.maleSyllables : ChineseNameCatalog.femaleSyllables
        let count = random.chance(0.25) ? 1 : 2
        var syllables: [ChineseSyllable] = []
        for _ in 0..<count { syllables.append(random.pick(pool)) }
        let pinyinGiven = LatinText.capitalized(syllables.map(\.pinyin).joined())
        return PersonName(
            given: pinyinGiven, middle: nil, family: surname.pinyin, hanziGiven: syllables.map(\.hanzi).joined(),
            hanziFamily: surname.hanzi, givenSyllables: syllables.map(\.pinyin),
            familyAlternatives: surname.alternatives)
    }
}

/// Draws email addresses at the providers people in each country use. Every name-based local part carries
/// a number unique to the person, so two people never share an address by accident.
enum EmailFactory {
    private static let usProviders: [(domain: String, weight: Double)] = [
        ("gmail.com", 45), ("yahoo.com", 12), ("outlook.com", 9), ("hotmail.com", 8), ("icloud.com", 10),
        ("aol.com", 3), ("protonmail.com", 2), ("comcast.net", 4), ("me.com", 2), ("live.com", 2),
        ("fastmail.com", 1), ("att.net", 2),
    ]
    private static let chineseProviders: [(domain: String, weight: Double)] = [
        ("qq.com", 40), ("163.com", 20), ("126.com", 8), ("sina.com", 5), ("foxmail.com", 5), ("gmail.com", 9),
        ("outlook.com", 6), ("icloud.com", 4), ("139.com", 3),
    ]

    static func email(
        name: PersonName, nationality: Nationality, birthYear: Int, number: Int, using random: inout SplitMix64
    ) -> String {
        let providers = nationality == .us ? usProviders : chineseProviders
        let domain = providers[random.weighted(providers.map(\.weight))].domain
        if domain == "qq.com" || domain == "139.com" {
            // QQ mail addresses are QQ numbers (from 10000 up); 139.com ones are often the mobile number,
            // but a unique number keeps addresses distinct.
            return "\(10_000 + number)@\(domain)"
        }
        let given = LatinText.handle(name.given)
        let family = LatinText.handle(name.family)
        let initial = given.prefix(1)
        let local: String
        switch random.below(6) {
        case 0: local = "\(given).\(family)\(number)"
        case 1: local = "\(initial)\(family)\(number)"
        case 2: local = "\(given)\(family)\(number)"
        case 3: local = "\(family).\(given).\(number)"
        case 4: local = "\(given)_\(family)_\(number)"
        default: local = "\(given)\(birthYear % 100)\(family.prefix(1)).\(number)"
        }
        return local + "@" + domain
    }
}

/// The inputs a Credence score may never use (design §6), matched by name so that a model file, a training
/// file's columns and the aggregator's feature catalog are all checked against one list.
///
/// A name is split into lower-case tokens the way snake_case and camelCase spell words (`maritalStatus`,
/// `MARITAL_STATUS` and `marital-status` all give `marital`, `status`; letters and digits part too, so `zip5`
/// gives `zip`, `5`). Short words that are only banned as whole words (`sex`, `age`, `zip`, `lat`) match
/// tokens; longer stems that name nothing else (`gender`, `birth`, `postal`, `latitude`) also match inside
/// run-together names (`dateofbirth`, `postalcode`). A few words are banned only without a qualifier that
/// makes them a permitted feature: `age` next to `account`, `file` or `platform` is the age of an account,
/// which design §6 lists as a feature; chargebacks the consumer *lost* are a feature, other chargebacks are not.
public enum BannedInputs {
    /// Why a name is banned: the category of design §6 it falls in.
    public enum Category: String, Sendable, CaseIterable {
        case sexOrGender = "sex or gender"
        case maritalStatus = "marital status"
        case age = "age or date of birth"
        case raceOrEthnicity = "race or ethnicity"
        case religion = "religion"
        case nationalOrigin = "national origin, nationality or citizenship"
        case health = "health, disability or pregnancy"
        case politicalOrUnion = "political opinion or union membership"
        case postContent = "post or message content"
        case socialGraph = "social graph (followers, friends and their scores)"
        case location = "location proxy (postal code, coordinates, neighbourhood)"
        case disputes = "disputes filed by the consumer"
        case chargebacksWon = "chargebacks the consumer won (only chargebacks the consumer lost may be used)"
    }

    /// A banned name: the category, and the word of the name that matched.
    public struct Match: Sendable, Equatable, CustomStringConvertible {
        public let category: Category
        public let term: String

        /// The rule as error messages quote it: `'zip': location proxy (postal code, coordinates, neighbourhood)`.
        public var description: String { "'\(term)': \(category.rawValue)" }
    }

    /// The first rule `name` breaks, or nil when the name is not banned.
    public static func match(_ name: String) -> Match? {
        let tokens = tokens(of: name)
        let tokenSet = Set(tokens)
        for rule in tokenRules {
            for word in rule.words where tokenSet.contains(word) {
                if rule.permittedWith.isDisjoint(with: tokenSet) { return Match(category: rule.category, term: word) }
            }
        }
        let joined = tokens.joined()
        for (category, stems) in stemRules {
            if let stem = stems.first(where: { joined.contains($0) }) { return Match(category: category, term: stem) }
        }
        return nil
    }

    /// The lower-case words of a name: split at every character that is not an ASCII letter or digit, at
    /// lower-to-upper case changes (`maritalStatus`), before the last capital of a capital run followed by a
    /// lower-case letter (`HTMLParser`), and between letters and digits.
    public static func tokens(of name: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        let bytes = Array(name.utf8)
        func finish() {
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for (position, byte) in bytes.enumerated() {
            let kind = CharacterKind(byte)
            guard kind != .other else {
                finish()
                continue
            }
            if position > 0, !current.isEmpty {
                let previous = CharacterKind(bytes[position - 1])
                let next = position + 1 < bytes.count ? CharacterKind(bytes[position + 1]) : .other
                let caseChange = previous == .lower && kind == .upper
                let acronymEnd = previous == .upper && kind == .upper && next == .lower
                let digitChange = (previous == .digit) != (kind == .digit)
                if caseChange || acronymEnd || digitChange { finish() }
            }
            current.append(kind == .upper ? byte + 0x20 : byte)
        }
        finish()
        return tokens
    }

    private enum CharacterKind {
        case lower, upper, digit, other

        init(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): self = .lower
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): self = .upper
            case UInt8(ascii: "0")...UInt8(ascii: "9"): self = .digit
            default: self = .other
            }
        }
    }

    /// Whole words, banned unless the name also holds one of `permittedWith`.
    private struct TokenRule {
        let category: Category
        let words: [String]
        var permittedWith: Set<String> = []
    }

    private static let tokenRules: [TokenRule] = [
        TokenRule(category: .sexOrGender, words: ["sex", "gender", "genders", "male", "female"]),
        TokenRule(category: .maritalStatus, words: ["marital", "married", "spouse", "widowed", "divorced"]),
        TokenRule(category: .age, words: ["dob", "yob", "birth", "birthday", "birthdate", "born"]),
        TokenRule(
            category: .age, words: ["age", "ages", "aged"],
            permittedWith: [
                "account", "accounts", "platform", "file", "tradeline", "tradelines", "trade", "loan", "loans",
                "card", "cards", "credit", "history", "relationship", "debt", "delinquency", "record", "records",
            ]),
        TokenRule(category: .raceOrEthnicity, words: ["race", "racial", "ethnic", "ethnicity", "caste"]),
        TokenRule(category: .religion, words: ["religion", "religious", "faith", "church"]),
        TokenRule(
            category: .nationalOrigin,
            words: ["nationality", "citizenship", "citizen", "immigration", "immigrant"]),
        TokenRule(
            category: .health,
            words: [
                "health", "medical", "disability", "disabled", "pregnancy", "pregnant", "diagnosis", "illness",
            ]),
        TokenRule(category: .politicalOrUnion, words: ["political", "politics", "voter", "voting"]),
        TokenRule(category: .politicalOrUnion, words: ["union"], permittedWith: ["credit"]),
        TokenRule(
            category: .postContent,
            words: [
                "post", "posts", "message", "messages", "tweet", "tweets", "dm", "dms", "content", "caption",
                "sentiment", "bio",
            ],
            // `post_code` is a location proxy, reported as one by the stem rules.
            permittedWith: ["code", "codes"]),
        TokenRule(
            category: .socialGraph,
            words: ["follower", "followers", "following", "friend", "friends", "graph", "connections", "network"]),
        TokenRule(
            category: .location,
            words: [
                "zip", "zipcode", "postal", "postcode", "latitude", "longitude", "lat", "lon", "lng", "geohash",
                "geo", "geolocation", "location", "neighbourhood", "neighborhood", "census", "tract", "county",
            ]),
        TokenRule(category: .disputes, words: ["dispute", "disputes", "disputed"]),
        TokenRule(
            category: .chargebacksWon, words: ["chargeback", "chargebacks"],
            permittedWith: ["lost", "lose", "loss", "losses"]),
    ]

    /// Stems searched inside the run-together name (all tokens joined), for names written without separators.
    private static let stemRules: [(Category, [String])] = [
        (.sexOrGender, ["gender"]),
        (.maritalStatus, ["marital"]),
        (.age, ["dateofbirth", "birthdate", "birthyear", "yearofbirth", "birthday"]),
        (.raceOrEthnicity, ["ethnic"]),
        (.religion, ["religio"]),
        (.nationalOrigin, ["nationality", "citizenship", "nationalorigin"]),
        (.health, ["disabilit", "pregnan"]),
        (.politicalOrUnion, ["politic", "unionmember"]),
        (.socialGraph, ["follower", "socialgraph"]),
        (.location, ["zipcode", "postalcode", "postcode", "latitude", "longitude", "geohash", "neighbo"]),
        (.disputes, ["dispute"]),
        (.chargebacksWon, ["chargebackswon", "chargebackwon", "wonchargeback"]),
    ]
}

import CredenceIdentity

/// Where a person's identity documents come from: the PRC (resident ID, +86 mobile, address in Hanzi) or
/// the US (SSN, NANP phone). Region is a protected attribute: the hidden risk model never reads it.
public enum Nationality: String, Sendable, CaseIterable {
    case prc = "CN"
    case us = "US"
}

/// Sex as the PRC resident ID's sequence digit encodes it. It chooses names and the sequence digit only;
/// the hidden risk model never reads it.
enum Sex: String, Sendable {
    case female = "F"
    case male = "M"
}

/// A person's legal name in every form a partner may hold it.
struct PersonName: Sendable {
    /// Latin given name (pinyin for PRC people, written together: `Xiaoming`).
    var given: String
    var middle: String?
    /// Latin family name (pinyin for PRC people).
    var family: String
    /// Short forms of the given name the person also uses (US).
    var nicknames: [String] = []
    /// Hanzi given and family names (PRC).
    var hanziGiven: String?
    var hanziFamily: String?
    /// Pinyin syllables of the given name, for spaced or hyphenated romanizations (`Xiao Ming`, `Xiao-Ming`).
    var givenSyllables: [String] = []
    /// Other romanizations of the family name (`Chan` for 陈).
    var familyAlternatives: [String] = []

    var hanziFull: String? {
        guard let hanziFamily, let hanziGiven else { return nil }
        return hanziFamily + hanziGiven
    }
}

/// A phone number: its country and national significant number (digits only).
struct PhoneNumber: Sendable, Hashable {
    let nationality: Nationality
    let national: String

    /// The ITU country calling code, without `+`.
    var countryCode: String { nationality == .prc ? "86" : "1" }

    /// The canonical E.164 form.
    var e164: String { "+" + countryCode + national }

    /// Whether a partner in `region` would read the number written without a country code.
    func isNational(in region: PhoneRegion) -> Bool {
        region.countryCallingCode == countryCode
    }

    /// Whether it is a mobile number: PRC mobiles have 11 digits starting 13-19 (Beijing's landlines start
    /// with its area code 10); NANP does not distinguish.
    var isMobile: Bool {
        nationality == .us || (national.utf8.count == 11 && national.hasPrefix("1") && !national.hasPrefix("10"))
    }
}

/// A postal address, in the script of its country and in Latin letters.
struct Address: Sendable, Hashable {
    let nationality: Nationality
    let line1: String
    let line2: String
    let city: String
    /// Province (CN) or state name (US).
    let region: String
    /// USPS state code (US); empty for CN.
    let regionCode: String
    let postalCode: String
    /// The same address in Latin letters (identical for US addresses).
    let latinLine1: String
    let latinLine2: String
    let latinCity: String
    let latinRegion: String
}

/// Something that changed at a known day: an earlier phone, email or address the person left behind.
struct Superseded<Value: Sendable & Hashable>: Sendable, Hashable {
    let value: Value
    /// The day the person stopped using `value`.
    let until: SimulationDay
}

/// One synthetic person: the truth every partner record is a noisy view of.
struct Person: Sendable {
    let index: Int
    let householdIndex: Int
    let householdSize: Int
    let nationality: Nationality
    let sex: Sex
    let birthDate: SimulationDay
    let name: PersonName
    /// The 18-character resident ID (PRC) or the 9-digit SSN (US).
    let nationalID: String
    var mobile: PhoneNumber
    var previousMobile: Superseded<PhoneNumber>?
    /// The person who held the current mobile number before it was reassigned to this one, if it was.
    var mobileRecycledFrom: Int?
    /// The person the previous mobile number was reassigned to, if it was.
    var previousMobileReassignedTo: Int?
    /// A landline shared with everyone in the household, if the household has one.
    let homePhone: PhoneNumber?
    let email: String
    let previousEmail: Superseded<String>?
    let address: Address
    let previousAddress: Superseded<Address>?
    /// The hidden latent credit risk (standard normal; higher is riskier). See `RiskModel`.
    let latentRisk: Double

    var personID: String { PersonIdentifiers.personID(index) }
    var householdID: String { PersonIdentifiers.householdID(householdIndex) }
}

/// Stable textual ids of people and households in the ground truth.
enum PersonIdentifiers {
    static func personID(_ index: Int) -> String { "p" + SimulationDay.padded(index, 7) }
    static func householdID(_ index: Int) -> String { "h" + SimulationDay.padded(index, 7) }
}

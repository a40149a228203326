import CredenceIdentity
import CredencePrimitives

/// Phone numbers as people type them into forms: grouped, bracketed, with or without the country code.
/// A number from outside the partner's default region is always written with its country code, since
/// nothing else could be read unambiguously.
enum PhoneText {
    static func typed(_ phone: PhoneNumber, region: PhoneRegion?, using random: inout SplitMix64) -> String {
        let national = Array(phone.national)
        guard let region, phone.isNational(in: region) else {
            let international =
                "+\(phone.countryCode) " + grouped(national, nationality: phone.nationality, separator: " ")
            return random.chance(0.5) ? phone.e164 : international
        }
        switch phone.nationality {
        case .us:
            switch random.below(4) {
            case 0: return "(\(String(national[0..<3]))) \(String(national[3..<6]))-\(String(national[6...]))"
            case 1: return grouped(national, nationality: .us, separator: "-")
            case 2: return phone.national
            default: return "+1 " + grouped(national, nationality: .us, separator: " ")
            }
        case .prc:
            if !phone.isMobile {
                return "0"
                    + (random.chance(0.5) ? phone.national : grouped(national, nationality: .prc, separator: "-"))
            }
            switch random.below(3) {
            case 0: return phone.national
            case 1: return grouped(national, nationality: .prc, separator: " ")
            default: return "+86 " + grouped(national, nationality: .prc, separator: " ")
            }
        }
    }

    /// `212-555-0100`, `139 1234 5678`, `10-65529988` (area code, then subscriber).
    private static func grouped(_ digits: [Character], nationality: Nationality, separator: String) -> String {
        switch nationality {
        case .us:
            return String(digits[0..<3]) + separator + String(digits[3..<6]) + separator + String(digits[6...])
        case .prc:
            if digits.first == "1" && digits.count == 11 {
                return String(digits[0..<3]) + separator + String(digits[3..<7]) + separator + String(digits[7...])
            }
            let areaLength = digits.first == "1" || digits.first == "2" ? 2 : 3
            return String(digits[0..<areaLength]) + separator + String(digits[areaLength...])
        }
    }
}

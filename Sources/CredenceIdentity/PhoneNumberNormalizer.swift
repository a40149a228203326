/// Normalizes phone numbers to E.164 (`+` country code and national number, at most 15 digits).
///
/// Numbers written with `+`, `00` or (for NANP regions) `011` are international and parsed with the table of
/// assigned country codes; others are read with the partner's default region. China and NANP national numbers
/// are checked against their numbering plans, including after `+86` and `+1`.
///
/// ```swift
/// try PhoneNumberNormalizer.normalize("008613912345678", defaultRegion: .cn)  // "+8613912345678"
/// try PhoneNumberNormalizer.normalize("(212) 555-0100", defaultRegion: .us)   // "+12125550100"
/// ```
public enum PhoneNumberNormalizer {
    /// Characters people write between digits.
    static let separators: Set<Character> = [" ", "-", ".", "(", ")", "/"]

    /// Returns the E.164 form of a phone number.
    ///
    /// - Parameters:
    ///   - raw: the number as the partner holds it.
    ///   - defaultRegion: the region for numbers without a country code; `nil` requires international input.
    public static func normalize(_ raw: String, defaultRegion: PhoneRegion?) throws(IdentifierError) -> String {
        let (digits, hasPlus) = try dialledDigits(raw)
        if digits.isEmpty { throw IdentifierError(.empty, "phone number has no digits") }
        if hasPlus { return try international(digits) }
        if digits.hasPrefix("00") { return try international(String(digits.dropFirst(2))) }
        guard let region = defaultRegion else {
            throw IdentifierError(.ambiguousRegion, "phone number needs +country code (no default region is set)")
        }
        if region.isNANP, digits.hasPrefix("011") { return try international(String(digits.dropFirst(3))) }
        switch region {
        case .cn: return try chinaNational(digits)
        case .us, .ca: return "+1" + (try nanpNational(digits))
        }
    }

    /// The digits of a number as written, without separators and white space, and whether a `+` led them.
    static func dialledDigits(_ raw: String) throws(IdentifierError) -> (digits: String, hasPlus: Bool) {
        let text = TextFolding.nfkc(TextFolding.trim(raw))
        var hasPlus = false
        guard TextFolding.isASCII(text) else {
            var digits = ""
            for character in text {
                if separators.contains(character) || character.isWhitespace { continue }
                if character == "+", digits.isEmpty, !hasPlus {
                    hasPlus = true
                } else if character.isASCII, character.isNumber {
                    digits.append(character)
                } else {
                    throw unexpected(character)
                }
            }
            return (digits, hasPlus)
        }
        // The same rules byte by byte: in ASCII the separators, white space, digits and letters are single bytes
        // (CR LF, one character, is white space like each of its bytes).
        var digits: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "/"), 0x09...0x0D:
                continue
            case UInt8(ascii: "+") where digits.isEmpty && !hasPlus: hasPlus = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            default: throw unexpected(Character(Unicode.Scalar(byte)))
            }
        }
        return (String(decoding: digits, as: UTF8.self), hasPlus)
    }

    private static func unexpected(_ character: Character) -> IdentifierError {
        character.isLetter
            ? IdentifierError(.badCharacter, "phone number contains letters (no extensions or vanity numbers)")
            : IdentifierError(.badCharacter, "phone number contains '\(character)'")
    }

    static func international(_ digits: String) throws(IdentifierError) -> String {
        guard digits.count <= 15 else {
            throw IdentifierError(
                .badLength, "phone number has \(digits.count) digits after the country code prefix; E.164 allows 15")
        }
        guard let (code, national) = CountryCallingCode.split(digits) else {
            throw IdentifierError(
                .badCountryCode, "phone number +\(digits.prefix(3)) does not start with an assigned country code")
        }
        guard national.count >= 4 else {
            throw IdentifierError(.badNationalNumber, "phone number after +\(code) is too short")
        }
        switch code {
        case "1": return "+1" + (try nanp(national))
        case "86": return "+86" + (try chinaAfterCountryCode(national))
        default: return "+" + code + national
        }
    }

    // MARK: China

    /// A CN number written without `+` or `00`: mobile `1[3-9]` + 9 digits, fixed line with trunk `0`, or the
    /// country code 86 written without a prefix.
    static func chinaNational(_ digits: String) throws(IdentifierError) -> String {
        if digits.hasPrefix("0") { return "+86" + (try chinaFixedLine(String(digits.dropFirst()))) }
        if digits.hasPrefix("86"), digits.count >= 12 {
            return "+86" + (try chinaAfterCountryCode(String(digits.dropFirst(2))))
        }
        if digits.hasPrefix("1") { return "+86" + (try chinaMobile(digits)) }
        throw IdentifierError(
            .badNationalNumber, "CN numbers start with 1 (mobile) or 0 (area code); write +CC for other countries")
    }

    /// The national part after `+86`; a trunk `0` written after the country code (`+86 (0)10 ...`) is dropped.
    static func chinaAfterCountryCode(_ national: String) throws(IdentifierError) -> String {
        let national = national.hasPrefix("0") ? String(national.dropFirst()) : national
        if national.hasPrefix("1"), !national.hasPrefix("10") { return try chinaMobile(national) }
        return try chinaFixedLine(national)
    }

    static func chinaMobile(_ digits: String) throws(IdentifierError) -> String {
        let characters = Array(digits)
        if characters.count == 13, digits.hasPrefix("14") {
            throw IdentifierError(.badNationalNumber, "13-digit 14x numbers are IoT numbers, not personal phones")
        }
        guard characters.count == 11, characters[0] == "1", ("3"..."9").contains(characters[1]) else {
            throw IdentifierError(.badNationalNumber, "CN mobile numbers have 11 digits starting 13-19")
        }
        return digits
    }

    /// Area code (10, 2x, or 3 digits starting 3-9) followed by a 7- or 8-digit subscriber number starting 2-9.
    static func chinaFixedLine(_ national: String) throws(IdentifierError) -> String {
        let characters = Array(national)
        guard let first = characters.first else {
            throw IdentifierError(.badNationalNumber, "CN fixed-line number is missing its area code")
        }
        let areaLength: Int
        switch first {
        case "1" where national.hasPrefix("10"), "2": areaLength = 2
        case "3"..."9": areaLength = 3
        default:
            throw IdentifierError(.badNationalNumber, "CN area codes are 10, 2x or three digits starting 3-9")
        }
        let subscriber = characters.dropFirst(areaLength)
        guard (7...8).contains(subscriber.count), let lead = subscriber.first, ("2"..."9").contains(lead) else {
            throw IdentifierError(.badNationalNumber, "CN fixed-line subscriber numbers have 7-8 digits starting 2-9")
        }
        return national
    }

    // MARK: NANP

    /// A NANP number written without `+1`: 10 digits, or 11 with the leading `1`.
    static func nanpNational(_ digits: String) throws(IdentifierError) -> String {
        if digits.count == 11, digits.hasPrefix("1") { return try nanp(String(digits.dropFirst())) }
        guard digits.count == 10 else {
            throw IdentifierError(
                .badLength, "NANP numbers have 10 digits (or 11 starting with 1), got \(digits.count)")
        }
        return try nanp(digits)
    }

    /// `NXX-NXX-XXXX` with N = 2-9; N11 area and exchange codes are service codes, never subscribers.
    static func nanp(_ national: String) throws(IdentifierError) -> String {
        let characters = Array(national)
        guard characters.count == 10 else {
            throw IdentifierError(.badNationalNumber, "NANP numbers have 10 digits after +1, got \(characters.count)")
        }
        guard ("2"..."9").contains(characters[0]), ("2"..."9").contains(characters[3]) else {
            throw IdentifierError(.badNationalNumber, "NANP area code and exchange must start with 2-9")
        }
        if characters[1] == "1", characters[2] == "1" {
            throw IdentifierError(.badNationalNumber, "NANP area codes N11 are service codes")
        }
        if characters[4] == "1", characters[5] == "1" {
            throw IdentifierError(.badNationalNumber, "NANP exchanges N11 are service codes")
        }
        return national
    }
}

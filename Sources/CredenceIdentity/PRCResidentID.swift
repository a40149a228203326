import CredencePrimitives

/// GB 11643-1999 citizen identification numbers: the PRC resident ID, the Hong Kong / Macao / Taiwan residence
/// permits (address codes 81, 82, 83) and the 2023 foreign permanent resident ID (first digit 9).
///
/// The 18 characters are a 6-digit address code, the birth date `YYYYMMDD`, a 3-digit sequence and an
/// ISO 7064 MOD 11-2 check character (`0`-`9` or `X`). Legacy 15-digit numbers are upgraded.
///
/// ```swift
/// try PRCResidentID.normalize("110105491231002")      // "11010519491231002X"
/// try PRCResidentID.normalize("１１０１０５１９４９１２３１００２ｘ")  // "11010519491231002X"
/// ```
public enum PRCResidentID {
    /// ISO 7064 MOD 11-2 weights for body positions 1...17: 2^(18-i) mod 11.
    public static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// Check characters indexed by S mod 11, S being the weighted sum of the body digits.
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Normalizes a resident ID to its 18-character form and validates it.
    ///
    /// Steps: trim, NFKC (full-width digits and `ｘ` become ASCII), remove whitespace and hyphens, upper-case
    /// `x`; 15 digits are upgraded by inserting `19` before the two-digit year and appending the check
    /// character; then 18 characters, first digit 1-9, digits except a final `X`, a calendar birth date with
    /// year 1850...2100, and the check character.
    public static func normalize(_ raw: String) throws(IdentifierError) -> String {
        var text = ""
        for character in TextFolding.nfkc(TextFolding.trim(raw)) where !character.isWhitespace && character != "-" {
            text.append(character == "x" ? "X" : character)
        }
        if text.isEmpty { throw IdentifierError(.empty, "resident ID is empty") }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let isCheckPosition = index == 17 && characters.count == 18
            guard character.isASCII, character.isNumber || (character == "X" && isCheckPosition) else {
                throw IdentifierError(.badCharacter, "resident ID has '\(character)' at position \(index + 1)")
            }
        }
        let body: [Character]
        switch characters.count {
        case 15:
            body = Array(characters[0..<6]) + ["1", "9"] + Array(characters[6..<15])
        case 18:
            body = Array(characters[0..<17])
        default:
            throw IdentifierError(.badLength, "resident ID has \(characters.count) characters, expected 18 (or 15)")
        }
        if body[0] == "0" {
            throw IdentifierError(.badCharacter, "resident ID must not start with 0 (address codes start 1-9)")
        }
        try validateBirthDate(String(body[6..<14]))
        let expected = checkCharacter(forBody: body)
        if characters.count == 18, characters[17] != expected {
            throw IdentifierError(
                .badCheckDigit, "resident ID check character is \(characters[17]), expected \(expected)")
        }
        return String(body) + String(expected)
    }

    /// The check character for 17 ASCII body digits: S = Σ dᵢ·wᵢ, then `"10X98765432"[S mod 11]`.
    ///
    /// ```swift
    /// PRCResidentID.checkCharacter(forBody: Array("11010519491231002"))  // "X"
    /// ```
    public static func checkCharacter(forBody body: [Character]) -> Character {
        precondition(body.count == 17, "a resident ID body has 17 digits")
        var sum = 0
        for (digit, weight) in zip(body, weights) {
            sum += (digit.wholeNumberValue ?? 0) * weight
        }
        return checkCharacters[sum % 11]
    }

    private static func validateBirthDate(_ yyyymmdd: String) throws(IdentifierError) {
        let digits = Array(yyyymmdd)
        let year = Int(String(digits[0..<4])) ?? 0
        let month = Int(String(digits[4..<6])) ?? 0
        let day = Int(String(digits[6..<8])) ?? 0
        guard (1850...2100).contains(year), GregorianCalendar.isValid(year: year, month: month, day: day) else {
            throw IdentifierError(.badDate, "resident ID birth date \(yyyymmdd) is not a valid date (1850-2100)")
        }
    }
}

/// Latin-text helpers for the forms partners store: ASCII-only systems (Metro 2, email local parts) drop
/// diacritics, and pinyin `ü` has three ASCII spellings in the wild (`u`, `v`, `yu`).
enum LatinText {
    private static let asciiFolds: [Character: String] = [
        "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "é": "e", "è": "e", "ê": "e", "ë": "e",
        "í": "i", "ì": "i", "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o", "ú": "u",
        "ù": "u", "û": "u", "ü": "u", "ñ": "n", "ç": "c", "Á": "A", "É": "E", "Í": "I", "Ó": "O", "Ú": "U",
        "Ü": "U", "Ñ": "N",
    ]

    /// The text with diacritics removed (`Muñoz` → `Munoz`, `Lü` → `Lu`).
    static func ascii(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let folded = asciiFolds[character] { result += folded } else { result.append(character) }
        }
        return result
    }

    /// Lower-case ASCII letters only, for email local parts and handles (`O'Brien` → `obrien`,
    /// pinyin `Lü` → `lv` as Chinese users type it).
    static func handle(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            let folded = character == "ü" ? "v" : asciiFolds[character] ?? String(character)
            for scalar in folded.unicodeScalars where scalar.isASCII && scalar.properties.isAlphabetic {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Upper-cases the first letter (`xiaoming` → `Xiaoming`).
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

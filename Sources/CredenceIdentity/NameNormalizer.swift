/// Normalizes personal names for Bloom-filter encoding and display-free comparison.
///
/// Steps: NFKC; case folding; Latin diacritics removed (`José` -> `jose`, `Łukasz` -> `lukasz`,
/// `Straße` -> `strasse`); apostrophes removed so the letters around them join (`O'Brien` -> `obrien`);
/// hyphens and all other punctuation and symbols become spaces (`Smith-Jones` -> `smith jones`, so hyphenated
/// and spaced double surnames agree); whitespace collapsed; spaces next to a CJK character removed
/// (`王 小明` -> `王小明`). CJK characters are kept as they are.
///
/// ```swift
/// try NameNormalizer.normalize("  José  O'Brien-Smith ")  // "jose obrien smith"
/// ```
public enum NameNormalizer {
    /// Returns the normalized name; throws `.empty` when nothing is left.
    public static func normalize(_ raw: String) throws(IdentifierError) -> String {
        let words = TextFolding.foldedWords(raw)
        if words.isEmpty { throw IdentifierError(.empty, "name is empty after removing punctuation") }
        return join(words)
    }

    /// Joins words with one space, but without a space next to a CJK character: CJK text is written without
    /// spaces, so a space there is formatting (`建国路 88 号` = `建国路88号`).
    static func join(_ words: [String]) -> String {
        var result = ""
        for word in words {
            if let last = result.unicodeScalars.last, let first = word.unicodeScalars.first {
                if !TextFolding.isCJK(last) && !TextFolding.isCJK(first) { result.append(" ") }
            }
            result += word
        }
        return result
    }
}

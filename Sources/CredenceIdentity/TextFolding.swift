import Foundation

/// Unicode clean-up shared by the normalizers: compatibility folding, case folding, Latin diacritic removal
/// and the punctuation rules for names and addresses.
enum TextFolding {
    /// NFKC: full-width digits and letters become ASCII, ligatures split, compatibility spaces become U+0020.
    static func nfkc(_ text: String) -> String {
        isASCII(text) ? text : text.precomposedStringWithCompatibilityMapping
    }

    /// NFC: canonical composition only; used where compatibility folding would change meaning (email local parts).
    static func nfc(_ text: String) -> String { isASCII(text) ? text : text.precomposedStringWithCanonicalMapping }

    /// ASCII is its own NFC and NFKC form; most partner data is ASCII (Metro 2 is by definition), and
    /// Foundation's normalization is the slowest step of an encoding.
    static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// Trims Unicode whitespace and newlines at both ends.
    static func trim(_ text: String) -> String {
        guard isASCII(text) else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        // ASCII whitespace and newlines: tab, LF, VT, FF, CR and space.
        let bytes = text.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return text }
        return String(text[first...last])
    }

    /// Apostrophe-like characters join the letters around them (`O'Brien` -> `obrien`), because sources
    /// disagree about writing them but rarely write a space in their place.
    static let joiningPunctuation: Set<Unicode.Scalar> = [
        "\u{0027}", "\u{2018}", "\u{2019}", "\u{201B}", "\u{02BC}", "\u{02BB}", "\u{0060}", "\u{00B4}", "\u{FF07}",
    ]

    /// Latin letters that carry no combining mark under NFD but are still written without the stroke or
    /// ligature by sources that only have ASCII.
    static let latinSpecials: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
        "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h",
    ]

    /// Folds text for names and addresses and returns its words.
    ///
    /// Steps, in order: NFKC; case folding; NFD; drop nonspacing marks that follow a Latin letter; map the
    /// Latin specials; drop apostrophes; every other punctuation, symbol, control or whitespace scalar
    /// (hyphens included) becomes a word break; NFC; split into words.
    static func foldedWords(_ text: String) -> [String] {
        asciiOrHanFoldedWords(text) ?? unicodeFoldedWords(text)
    }

    /// ``foldedWords(_:)`` by the Unicode steps, whatever the text: the reference the fast path is tested against.
    static func unicodeFoldedWords(_ text: String) -> [String] {
        let folded = nfkc(text).folding(options: [.caseInsensitive], locale: nil).lowercased()
        var output = String.UnicodeScalarView()
        var previousBaseIsLatin = false
        for scalar in folded.decomposedStringWithCanonicalMapping.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark {
                if !previousBaseIsLatin { output.append(scalar) }
                continue
            }
            if joiningPunctuation.contains(scalar) { continue }
            if let replacement = latinSpecials[scalar] {
                output.append(contentsOf: replacement.unicodeScalars)
                previousBaseIsLatin = true
                continue
            }
            if isBreak(scalar) {
                output.append(" ")
                previousBaseIsLatin = false
                continue
            }
            output.append(scalar)
            previousBaseIsLatin = isLatin(scalar)
        }
        return nfc(String(output)).split(separator: " ").map(String.init)
    }

    /// ``foldedWords(_:)`` for text of ASCII and unified Han ideographs only (most names and addresses partners
    /// send), scalar by scalar with the same result, or nil when any other scalar occurs. ASCII has no marks, no
    /// special Latin letters and no compatibility forms, so folding is lower-casing, the apostrophe and backtick
    /// join, and every other character that is not a letter or digit breaks words. The ideographs of
    /// U+3400-U+4DBF and U+4E00-U+9FFF have no case, no decomposition and no compatibility mapping, and are
    /// letters: they are kept as they are. Neither composes with the other under NFC.
    static func asciiOrHanFoldedWords(_ text: String) -> [String]? {
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: word.append(UInt8(truncatingIfNeeded: scalar.value))
            case 0x41...0x5A: word.append(UInt8(truncatingIfNeeded: scalar.value) | 0x20)
            case 0x27, 0x60: continue
            case 0..<0x80: flush()
            default:
                guard isHan(scalar) else { return nil }
                word.append(contentsOf: scalar.utf8)
            }
        }
        flush()
        return words
    }

    /// The unified Han ideographs of the BMP (U+3400-U+4DBF, U+4E00-U+9FFF): letters without case,
    /// decomposition or compatibility mapping, each a character of its own.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x3400...0x4DBF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
    }

    /// The words of text between spaces, exactly as `split(separator: " ")` finds them. That split goes by
    /// characters (a space followed by a combining mark is part of a word); in ASCII and Han text every scalar
    /// is a character of its own, so splitting the UTF-8 bytes finds the same words much faster.
    static func spaceSeparatedWords(_ text: String) -> [Substring] {
        guard text.unicodeScalars.allSatisfy({ $0.isASCII || isHan($0) }) else { return text.split(separator: " ") }
        return text.utf8.split(separator: UInt8(ascii: " ")).map { text[$0.startIndex..<$0.endIndex] }
    }

    /// Whether a scalar separates words: whitespace, controls, punctuation and symbols.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
            .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// Latin script letters (Basic Latin, Latin-1, Extended-A/B, IPA, Extended Additional, -C, -D, -E).
    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2AF, 0x1E00...0x1EFF, 0x2C60...0x2C7F,
            0xA720...0xA7FF, 0xAB30...0xAB6F:
            return true
        default:
            return false
        }
    }

    /// Han, kana, Hangul and bopomofo: scripts whose names are written without spaces and matched per character.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3005...0x3007, 0x3040...0x30FF, 0x3100...0x312F,
            0x3130...0x318F, 0x31A0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7AF,
            0xD7B0...0xD7FF, 0xF900...0xFAFF, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

    /// Whether a word is written in a CJK script (any CJK scalar decides it).
    static func isCJKWord(_ word: some StringProtocol) -> Bool { word.unicodeScalars.contains(where: isCJK) }

    /// Keeps only ASCII digits; returns nil when anything else is left after removing `separators`.
    static func asciiDigits(_ text: String, removing separators: Set<Character>) -> String? {
        var digits = ""
        for character in text where !separators.contains(character) {
            guard character.isASCII, character.isNumber else { return nil }
            digits.append(character)
        }
        return digits
    }
}

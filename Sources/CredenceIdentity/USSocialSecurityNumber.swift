/// US Social Security Numbers: nine digits `AAA-GG-SSSS` in the ranges the SSA issues.
///
/// ```swift
/// try USSocialSecurityNumber.normalize("123-45-6789")  // "123456789"
/// try USSocialSecurityNumber.normalize("000000000")    // throws .absentValue (Metro 2 filler)
/// ```
public enum USSocialSecurityNumber {
    /// Numbers the SSA voided after they were printed in advertising or on sample cards, seen in test data
    /// and fraud far more often than as anyone's real number.
    public static let voidedNumbers: Set<String> = ["078051120", "219099999", "457555462"]

    /// Normalizes to nine ASCII digits without separators.
    ///
    /// Steps: trim, NFKC, remove whitespace and hyphens, require 9 ASCII digits; all-same-digit values
    /// (`000000000`, `999999999`, ...) are fillers and throw `.absentValue`; area 000, 666 or 900-999, group 00,
    /// serial 0000 and ``voidedNumbers`` throw `.reservedNumber`.
    public static func normalize(_ raw: String) throws(IdentifierError) -> String {
        if let digits = validASCIIDigits(raw) { return digits }
        let text = TextFolding.nfkc(TextFolding.trim(raw)).filter { !$0.isWhitespace && $0 != "-" }
        if text.isEmpty { throw IdentifierError(.empty, "SSN is empty") }
        guard let digits = TextFolding.asciiDigits(text, removing: []) else {
            throw IdentifierError(.badCharacter, "SSN must contain only digits, spaces and hyphens")
        }
        guard digits.count == 9 else {
            throw IdentifierError(.badLength, "SSN has \(digits.count) digits, expected 9")
        }
        if Set(digits).count == 1 {
            throw IdentifierError(.absentValue, "SSN \(digits) is a filler meaning 'no SSN', not a number")
        }
        let area = Int(digits.prefix(3))!
        let group = Int(digits.dropFirst(3).prefix(2))!
        let serial = Int(digits.suffix(4))!
        if area == 0 || area == 666 || area >= 900 {
            throw IdentifierError(.reservedNumber, "SSN area \(digits.prefix(3)) is never issued")
        }
        if group == 0 { throw IdentifierError(.reservedNumber, "SSN group 00 is never issued") }
        if serial == 0 { throw IdentifierError(.reservedNumber, "SSN serial 0000 is never issued") }
        if voidedNumbers.contains(digits) {
            throw IdentifierError(.reservedNumber, "SSN is a voided advertising or sample number")
        }
        return digits
    }

    /// The checks above, byte by byte, for an ASCII number that passes them all; nil for anything else, which
    /// the checks above then reject with their message. In ASCII, NFKC changes nothing and the white space
    /// (tab to carriage return, and space) is single bytes.
    private static func validASCIIDigits(_ raw: String) -> String? {
        var digits: [UInt8] = []
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"), 0x09...0x0D: continue
            default: return nil
            }
        }
        guard digits.count == 9, digits.contains(where: { $0 != digits[0] }) else { return nil }
        let number = String(decoding: digits, as: UTF8.self)
        let value = { (range: Range<Int>) in digits[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        let area = value(0..<3)
        guard area != 0, area != 666, area < 900, value(3..<5) != 0, value(5..<9) != 0,
            !voidedNumbers.contains(number)
        else { return nil }
        return number
    }
}

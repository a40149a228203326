public import CredenceProtocol

/// Exact conversion between the decimal strings Shopify writes (`"409.94"`) and integer minor units of
/// the currency (`40994` cents), by the currency's ISO 4217 exponent and without floating point: a
/// `Double` cannot hold most cent values, and one rounding slip in a credit file is a wrong debt.
///
/// ```swift
/// let usd = try CurrencyCode("USD")
/// try DecimalMoney.minorUnits(fromDecimal: "409.94", currency: usd)        // 40994
/// try DecimalMoney.minorUnits(fromDecimal: "1500", currency: CurrencyCode("JPY"))   // 1500
/// DecimalMoney.decimalString(minorUnits: 12345, currency: CurrencyCode("KWD"))     // "12.345"
/// ```
public enum DecimalMoney {
    /// The amount of `text` in minor units of `currency`.
    ///
    /// Accepts digits with an optional `.` and fraction (`"409.94"`, `"409.9"`, `"409"`). Refuses a sign,
    /// exponents, spaces, an empty fraction, and fraction digits beyond the currency's exponent unless
    /// they are zeros (`"1500.00"` JPY is exactly 1500 yen, while `"12.345"` USD would need rounding and
    /// is refused). Negative amounts are refused: the event type carries a refund's direction.
    public static func minorUnits(fromDecimal text: String, currency: CurrencyCode) throws(CommerceFormatError)
        -> Int64
    {
        let exponent = currency.minorUnitExponent
        var integerPart: Int64 = 0
        var fractionPart: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var digitsBeforePoint = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                if !seenPoint {
                    digitsBeforePoint += 1
                    let (shifted, overflowA) = integerPart.multipliedReportingOverflow(by: 10)
                    let (sum, overflowB) = shifted.addingReportingOverflow(digit)
                    guard !overflowA, !overflowB else { throw tooLarge(text) }
                    integerPart = sum
                } else if fractionDigits < exponent {
                    fractionPart = fractionPart * 10 + digit
                    fractionDigits += 1
                } else if digit != 0 {
                    throw CommerceFormatError(
                        .precisionExceeded,
                        "'\(text)' has more fraction digits than \(currency.rawValue) allows (\(exponent))")
                }
            case UInt8(ascii: "."):
                guard !seenPoint else { throw malformed(text) }
                seenPoint = true
            case UInt8(ascii: "-"):
                throw CommerceFormatError(.badAmount, "'\(text)' is negative; amounts are never negative")
            default:
                throw malformed(text)
            }
        }
        let fractionWritten = text.utf8.count - digitsBeforePoint - (seenPoint ? 1 : 0)
        guard digitsBeforePoint > 0, !seenPoint || fractionWritten > 0 else { throw malformed(text) }
        while fractionDigits < exponent {
            fractionPart *= 10
            fractionDigits += 1
        }
        let (scaled, overflowA) = integerPart.multipliedReportingOverflow(by: powerOfTen(exponent))
        let (total, overflowB) = scaled.addingReportingOverflow(fractionPart)
        guard !overflowA, !overflowB else { throw tooLarge(text) }
        return total
    }

    /// The decimal string Shopify would write for `minorUnits` of `currency`: exactly `exponent` fraction
    /// digits (`"409.94"`, `"1500"` for JPY, `"12.345"` for KWD).
    public static func decimalString(minorUnits: Int64, currency: CurrencyCode) -> String {
        let exponent = currency.minorUnitExponent
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard exponent > 0 else { return sign + String(magnitude) }
        let divisor = UInt64(powerOfTen(exponent))
        let fraction = String(magnitude % divisor)
        let padding = String(repeating: "0", count: exponent - fraction.count)
        return "\(sign)\(magnitude / divisor).\(padding)\(fraction)"
    }

    private static func powerOfTen(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    private static func malformed(_ text: String) -> CommerceFormatError {
        CommerceFormatError(.badAmount, "'\(text.prefix(40))' is not a decimal amount like 409.94")
    }

    private static func tooLarge(_ text: String) -> CommerceFormatError {
        CommerceFormatError(.badAmount, "'\(text.prefix(40))' is too large for a 64-bit count of minor units")
    }
}

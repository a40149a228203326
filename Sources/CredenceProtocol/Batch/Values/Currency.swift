/// An ISO 4217 currency code with its minor-unit exponent: amounts travel as integers of minor units
/// (cents for USD, yen for JPY, fils for KWD), never as decimals.
public struct CurrencyCode: ValidatedString {
    public static let formatDescription = "active ISO 4217 currency code like USD"
    public let rawValue: String
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func isValid(_ text: String) -> Bool { exponents[text] != nil }

    /// Digits after the decimal point in the major unit: 2 for USD, 0 for JPY, 3 for KWD.
    public var minorUnitExponent: Int { Self.exponents[rawValue] ?? 2 }

    /// Active ISO 4217 codes (list 1) and their exponents; funds and precious metals are left out.
    static let exponents: [String: Int] = {
        var table: [String: Int] = [:]
        let twoDigit = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF \
            CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL \
            HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP \
            MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD \
            SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS \
            VED VES WST XCD XCG YER ZAR ZMW ZWG
            """
        for code in twoDigit.split(separator: " ") { table[String(code)] = 2 }
        for code in [
            "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF",
            "XPF",
        ] {
            table[code] = 0
        }
        for code in ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"] { table[code] = 3 }
        return table
    }()
}

/// Word tables for address normalization: USPS street-suffix and unit abbreviations (Publication 28,
/// Appendix C), US state names, and the alpha-3 country codes partners most often send instead of alpha-2.
enum AddressVocabulary {
    /// Applied to whole words of address lines only, never to city names (`Fort Worth`, `Saint Paul`).
    static let streetWords: [String: String] = [
        "street": "st", "str": "st", "avenue": "ave", "av": "ave", "road": "rd", "boulevard": "blvd",
        "drive": "dr", "lane": "ln", "court": "ct", "place": "pl", "terrace": "ter", "parkway": "pkwy",
        "highway": "hwy", "circle": "cir", "square": "sq", "trail": "trl", "expressway": "expy",
        "freeway": "fwy", "crescent": "cres", "alley": "aly", "plaza": "plz", "route": "rte",
        "apartment": "apt", "suite": "ste", "floor": "fl", "building": "bldg", "room": "rm",
        "number": "no", "north": "n", "south": "s", "east": "e", "west": "w", "northeast": "ne",
        "northwest": "nw", "southeast": "se", "southwest": "sw",
    ]

    /// US state, district and territory names (folded) to USPS codes (folded).
    static let usStates: [String: String] = [
        "alabama": "al", "alaska": "ak", "arizona": "az", "arkansas": "ar", "california": "ca", "colorado": "co",
        "connecticut": "ct", "delaware": "de", "district of columbia": "dc", "florida": "fl", "georgia": "ga",
        "hawaii": "hi", "idaho": "id", "illinois": "il", "indiana": "in", "iowa": "ia", "kansas": "ks",
        "kentucky": "ky", "louisiana": "la", "maine": "me", "maryland": "md", "massachusetts": "ma",
        "michigan": "mi", "minnesota": "mn", "mississippi": "ms", "missouri": "mo", "montana": "mt",
        "nebraska": "ne", "nevada": "nv", "new hampshire": "nh", "new jersey": "nj", "new mexico": "nm",
        "new york": "ny", "north carolina": "nc", "north dakota": "nd", "ohio": "oh", "oklahoma": "ok",
        "oregon": "or", "pennsylvania": "pa", "rhode island": "ri", "south carolina": "sc", "south dakota": "sd",
        "tennessee": "tn", "texas": "tx", "utah": "ut", "vermont": "vt", "virginia": "va", "washington": "wa",
        "west virginia": "wv", "wisconsin": "wi", "wyoming": "wy", "puerto rico": "pr", "guam": "gu",
        "american samoa": "as", "northern mariana islands": "mp", "us virgin islands": "vi",
        "virgin islands": "vi",
    ]

    /// Alpha-3 codes seen in partner data for the markets Credence serves, mapped to alpha-2.
    static let alpha3: [String: String] = [
        "USA": "US", "CAN": "CA", "MEX": "MX", "CHN": "CN", "HKG": "HK", "MAC": "MO", "TWN": "TW", "GBR": "GB",
        "DEU": "DE", "FRA": "FR", "JPN": "JP", "KOR": "KR", "SGP": "SG", "AUS": "AU", "IND": "IN",
    ]
}

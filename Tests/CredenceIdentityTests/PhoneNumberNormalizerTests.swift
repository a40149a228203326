import Testing

@testable import CredenceIdentity

@Suite struct PhoneNumberNormalizerTests {
    @Test(arguments: [
        ("13912345678", PhoneRegion?.some(.cn), "+8613912345678"),
        ("+86 139 1234 5678", .cn, "+8613912345678"),
        ("+86 139 1234 5678", nil, "+8613912345678"),
        ("008613912345678", .cn, "+8613912345678"),
        ("0086 139-1234-5678", nil, "+8613912345678"),
        ("86-139-1234-5678", .cn, "+8613912345678"),
        ("１３９　１２３４　５６７８", .cn, "+8613912345678"),
        ("010-6552 9988", .cn, "+861065529988"),
        ("(021) 6321 1234", .cn, "+862163211234"),
        ("0755 8888 1234", .cn, "+8675588881234"),
        ("0931-823-4567", .cn, "+869318234567"),
        ("+86 (0)10 6552 9988", nil, "+861065529988"),
        ("+86 10 6552 9988", nil, "+861065529988"),
        ("(212) 555-0100", .us, "+12125550100"),
        ("212.555.0100", .us, "+12125550100"),
        ("1-212-555-0100", .us, "+12125550100"),
        ("+1 212 555 0100", nil, "+12125550100"),
        ("011 44 20 7946 0958", .us, "+442079460958"),
        ("00 44 20 7946 0958", .us, "+442079460958"),
        ("+44 20 7946 0958", .cn, "+442079460958"),
        ("+852 2123 4567", nil, "+85221234567"),
        ("+7 495 123-45-67", nil, "+74951234567"),
        ("(416) 555-0199", .ca, "+14165550199"),
        ("+1 416 555 0199", .us, "+14165550199"),
    ])
    func accepts(raw: String, region: PhoneRegion?, expected: String) throws {
        #expect(try PhoneNumberNormalizer.normalize(raw, defaultRegion: region) == expected)
    }

    @Test(arguments: [
        ("", PhoneRegion?.some(.cn), IdentifierError.Code.empty),
        ("()-", .us, .empty),
        ("13912345678", nil, .ambiguousRegion),
        ("2125550100", nil, .ambiguousRegion),
        ("1441234567890", .cn, .badNationalNumber),
        ("+86 144 1234 5678 90", nil, .badNationalNumber),
        ("12912345678", .cn, .badNationalNumber),
        ("1391234567", .cn, .badNationalNumber),
        ("2125550100", .cn, .badNationalNumber),
        ("010-123", .cn, .badNationalNumber),
        ("011-6552 9988", .cn, .badNationalNumber),
        ("0121 555 0100", .cn, .badNationalNumber),
        ("555-0100", .us, .badLength),
        ("(112) 555-0100", .us, .badNationalNumber),
        ("(212) 155-0100", .us, .badNationalNumber),
        ("(911) 555-0100", .us, .badNationalNumber),
        ("(212) 411-0100", .us, .badNationalNumber),
        ("+1 112 555 0100", nil, .badNationalNumber),
        ("+1 212 555 010", nil, .badNationalNumber),
        ("+999 1234 5678", nil, .badCountryCode),
        ("+0 1234 5678", nil, .badCountryCode),
        ("+44 123", nil, .badNationalNumber),
        ("+44 1234 5678 9012 34", nil, .badLength),
        ("1-800-FLOWERS", .us, .badCharacter),
        ("212-555-0100 ext 5", .us, .badCharacter),
        ("212+555+0100", .us, .badCharacter),
        ("212_555_0100", .us, .badCharacter),
    ])
    func rejects(raw: String, region: PhoneRegion?, code: IdentifierError.Code) {
        #expect(throws: IdentifierError(code, "")) { try PhoneNumberNormalizer.normalize(raw, defaultRegion: region) }
    }

    @Test func countryCodesArePrefixFree() {
        for code in CountryCallingCode.assigned {
            for length in 1..<code.count {
                #expect(!CountryCallingCode.assigned.contains(String(code.prefix(length))), "\(code)")
            }
        }
    }

    @Test func countryCodeTableHasTheWellKnownCodes() {
        for code in [
            "1", "7", "20", "27", "33", "44", "49", "52", "55", "61", "65", "81", "82", "86", "91", "852", "853", "886",
            "971",
        ] {
            #expect(CountryCallingCode.assigned.contains(code), "\(code)")
        }
        for spare in [
            "0", "28", "42", "80", "83", "85", "87", "88", "89", "96", "97", "99", "210", "259", "384", "671", "684",
            "999",
        ] {
            #expect(!CountryCallingCode.assigned.contains(spare), "\(spare)")
        }
    }

    @Test func regionLookupIgnoresCase() {
        #expect(PhoneRegion(isoCode: " cn ") == .cn)
        #expect(PhoneRegion(isoCode: "US") == .us)
        #expect(PhoneRegion(isoCode: "XX") == nil)
    }
}

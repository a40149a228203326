import CredenceIdentity

/// Issues the identifiers of the population: resident IDs, SSNs, phone numbers, email numbers and partner
/// account numbers. Each is a keyed permutation of the person's index (and a slot), so no two people ever
/// share one by accident: every shared phone in the output is a deliberate hard case.
struct IdentifierFactory: Sendable {
    /// Resident ID address codes: the real province prefixes, 12 prefectures and 18 counties each.
    private static let prefecturesPerProvince = 12
    private static let countiesPerPrefecture = 18
    /// Sequence numbers come in pairs (odd male, even female), so sex can be chosen after the slot is.
    private static let sequencePairs = 499
    private static let addressCodeCount =
        ChinesePlaceCatalog.provinceCodes.count * prefecturesPerProvince * countiesPerPrefecture

    /// NANP exchanges 200-999 without the N11 service codes, times 10,000 line numbers.
    private static let nanpExchanges: [Int] = (200...999).filter { $0 % 100 != 11 }

    private let residentSlots: IndexPermutation
    private let ssnSlots: IndexPermutation
    private let chinaMobiles: IndexPermutation
    private let chinaLandlines: IndexPermutation
    private let nanpLines: IndexPermutation
    private let emailNumbers: IndexPermutation
    private let seed: UInt64

    init(seed: UInt64, peopleCount: Int) {
        self.seed = seed
        residentSlots = IndexPermutation(
            domain: UInt64(Self.addressCodeCount * Self.sequencePairs), key: SplitMixKey.derive(seed, 101))
        // 2^29 slots fit in areas 001-545 (skipping 666) x groups 01-99 x serials 0001-9999.
        ssnSlots = IndexPermutation(domain: 1 << 29, key: SplitMixKey.derive(seed, 102))
        chinaMobiles = IndexPermutation(
            domain: UInt64(ChinesePlaceCatalog.mobilePrefixes.count) * 100_000_000, key: SplitMixKey.derive(seed, 103))
        chinaLandlines = IndexPermutation(domain: 80_000_000, key: SplitMixKey.derive(seed, 104))
        nanpLines = IndexPermutation(
            domain: UInt64(Self.nanpExchanges.count * 10_000), key: SplitMixKey.derive(seed, 105))
        emailNumbers = IndexPermutation(
            domain: UInt64(max(4 * peopleCount, 100_000)), key: SplitMixKey.derive(seed, 106))
    }

    /// A GB 11643 resident ID: address code, birth date, sequence (odd for men) and check character.
    func residentID(index: Int, birthDate: SimulationDay, sex: Sex) -> String {
        let slot = Int(residentSlots(UInt64(index) % residentSlots.domain))
        let codeIndex = slot / Self.sequencePairs
        let pair = slot % Self.sequencePairs
        let countyCount = Self.countiesPerPrefecture
        let province = ChinesePlaceCatalog.provinceCodes[codeIndex / (Self.prefecturesPerProvince * countyCount)]
        let prefecture = codeIndex / countyCount % Self.prefecturesPerProvince + 1
        let county = codeIndex % countyCount + 1
        let sequence = 2 * pair + (sex == .male ? 1 : 2)
        let body =
            String(province) + SimulationDay.padded(prefecture, 2) + SimulationDay.padded(county, 2)
            + SimulationDay.padded(birthDate.year, 4) + SimulationDay.padded(birthDate.month, 2)
            + SimulationDay.padded(birthDate.day, 2) + SimulationDay.padded(sequence, 3)
        return body + String(PRCResidentID.checkCharacter(forBody: Array(body)))
    }

    /// A US SSN the SSA could have issued: area 001-899 except 666, group 01-99, serial 0001-9999, never
    /// one of the voided advertising numbers or an all-same-digit filler.
    func socialSecurityNumber(index: Int) -> String {
        let slot = Int(ssnSlots(UInt64(index) % ssnSlots.domain))
        let serial = slot % 9999 + 1
        let rest = slot / 9999
        let group = rest % 99 + 1
        var area = rest / 99 + 1
        if area >= 666 { area += 1 }
        var number = SimulationDay.padded(area, 3) + SimulationDay.padded(group, 2) + SimulationDay.padded(serial, 4)
        if USSocialSecurityNumber.voidedNumbers.contains(number) || Set(number).count == 1 {
            // Area 899 is never reached by the mapping above, so moving there keeps the number unique.
            number = "899" + number.dropFirst(3)
        }
        return number
    }

    /// A PRC mobile number (`1[3-9]` + 9 digits) for a person's slot (0 current, 1 earlier).
    func chinaMobile(index: Int, slot: Int) -> PhoneNumber {
        let value = Int(chinaMobiles(UInt64(2 * index + slot) % chinaMobiles.domain))
        let prefix = ChinesePlaceCatalog.mobilePrefixes[value / 100_000_000]
        return PhoneNumber(nationality: .prc, national: prefix + SimulationDay.padded(value % 100_000_000, 8))
    }

    /// A PRC landline: the city's area code and an 8-digit subscriber number starting 2-9.
    func chinaLandline(household: Int, areaCode: String) -> PhoneNumber {
        let value = Int(chinaLandlines(UInt64(household) % chinaLandlines.domain))
        return PhoneNumber(nationality: .prc, national: areaCode + String(20_000_000 + value))
    }

    /// A NANP number in one of the city's area codes, for a slot (0 current mobile, 1 earlier, 2 home line).
    func nanpNumber(index: Int, slot: Int, areaCode: String) -> PhoneNumber {
        let value = Int(nanpLines(UInt64(3 * index + slot) % nanpLines.domain))
        let exchange = Self.nanpExchanges[value / 10_000]
        return PhoneNumber(
            nationality: .us, national: areaCode + String(exchange) + SimulationDay.padded(value % 10_000, 4))
    }

    /// A number unique to a person's email slot (0 current, 1 earlier, 2 a second account's), appended to
    /// name-based local parts.
    func emailNumber(index: Int, slot: Int) -> Int {
        Int(emailNumbers(UInt64(4 * index + slot) % emailNumbers.domain))
    }

    /// A unique number of `digits` digits for a partner-side key (account number, customer id, order id).
    func partnerNumber(namespace: UInt64, slot: UInt64, digits: Int) -> UInt64 {
        var domain: UInt64 = 1
        for _ in 0..<digits { domain *= 10 }
        let permutation = IndexPermutation(domain: domain, key: SplitMixKey.derive(seed, 1_000 + namespace))
        return permutation(slot % domain)
    }
}

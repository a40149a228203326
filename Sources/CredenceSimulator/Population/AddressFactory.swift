import CredencePrimitives

/// Draws street addresses in the style of each country, in its own script and in Latin letters.
enum AddressFactory {
    static func address(_ nationality: Nationality, using random: inout SplitMix64) -> Address {
        switch nationality {
        case .us: usAddress(city: random.pick(USPlaceCatalog.cities), using: &random)
        case .prc: chineseAddress(city: random.pick(ChinesePlaceCatalog.cities), using: &random)
        }
    }

    /// A different address: half the time in the same city (people mostly move nearby).
    static func address(movingFrom old: Address, using random: inout SplitMix64) -> Address {
        guard random.chance(0.5) else { return address(old.nationality, using: &random) }
        switch old.nationality {
        case .us:
            let city = USPlaceCatalog.cities.first { $0.name == old.city } ?? random.pick(USPlaceCatalog.cities)
            return usAddress(city: city, using: &random)
        case .prc:
            let city =
                ChinesePlaceCatalog.cities.first { $0.hanzi == old.city } ?? random.pick(ChinesePlaceCatalog.cities)
            return chineseAddress(city: city, using: &random)
        }
    }

    /// The area code of the city an address is in (for home lines and local mobiles).
    static func areaCode(of address: Address, using random: inout SplitMix64) -> String {
        switch address.nationality {
        case .us:
            let city = USPlaceCatalog.cities.first { $0.name == address.city } ?? USPlaceCatalog.cities[0]
            return random.pick(city.areaCodes)
        case .prc:
            return (ChinesePlaceCatalog.cities.first { $0.hanzi == address.city } ?? ChinesePlaceCatalog.cities[0])
                .areaCode
        }
    }

    private static func usAddress(city: USCity, using random: inout SplitMix64) -> Address {
        let number = random.chance(0.7) ? random.between(1...9999) : random.between(10_000...39_999)
        var street = random.pick(USPlaceCatalog.streetNames) + " " + random.pick(USPlaceCatalog.streetTypes)
        if random.chance(0.15) { street = random.pick(USPlaceCatalog.directions) + " " + street }
        let line1 = "\(number) \(street)"
        var line2 = ""
        if random.chance(0.35) {
            let unit =
                random.chance(0.5)
                ? String(random.between(1...40)) + String(random.pick(["A", "B", "C", "D"]))
                : String(random.between(100...2999))
            line2 = random.pick(["Apt", "Apartment", "Unit", "Suite", "#"]) + " " + unit
        }
        let zip = SimulationDay.padded(city.firstZIP + random.below(40), 5)
        return Address(
            nationality: .us, line1: line1, line2: line2, city: city.name, region: city.stateName,
            regionCode: city.stateCode, postalCode: zip, latinLine1: line1, latinLine2: line2, latinCity: city.name,
            latinRegion: city.stateName)
    }

    private static func chineseAddress(city: ChineseCity, using random: inout SplitMix64) -> Address {
        let district = random.pick(city.districts)
        let street = random.pick(ChinesePlaceCatalog.streets)
        let road = random.pick(ChinesePlaceCatalog.roadKinds)
        let number = random.between(1...999)
        let building = random.between(1...30)
        let unit = random.between(1...6)
        let room = random.between(1...32) * 100 + random.between(1...4)
        return Address(
            nationality: .prc,
            line1: "\(district.hanzi)\(street.hanzi)\(road.hanzi)\(number)号",
            line2: "\(building)栋\(unit)单元\(room)室",
            city: city.hanzi, region: city.provinceHanzi, regionCode: "", postalCode: district.postalCode,
            latinLine1: "\(number) \(street.pinyin) \(road.english), \(district.pinyin) District",
            latinLine2: "Room \(room), Unit \(unit), Building \(building)",
            latinCity: city.pinyin, latinRegion: city.provincePinyin)
    }
}

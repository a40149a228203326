import CredencePrimitives

/// Generates the people of one chunk: households first (members share an address, often a home line and a
/// family name), then each person from their own random streams, then recycled phone numbers passed from
/// one person to another within the chunk.
struct PopulationGenerator: Sendable {
    let configuration: SimulationConfiguration
    let identifiers: IdentifierFactory

    init(configuration: SimulationConfiguration) {
        self.configuration = configuration
        self.identifiers = IdentifierFactory(seed: configuration.seed, peopleCount: configuration.people)
    }

    /// Household sizes 1-5 (US and PRC census shapes blended).
    private static let householdSizeWeights: [Double] = [34, 31, 17, 13, 5]

    private enum Role {
        case head, spouse, relative, child, parent
    }

    private struct Household {
        let head: Int
        let size: Int
        let nationality: Nationality
        let address: Address
        let previousAddress: Superseded<Address>?
        let homePhone: PhoneNumber?
        let headAge: Int
        let headSex: Sex
        let usSurname: String
        let chineseSurname: ChineseSurname
    }

    func people(in range: Range<Int>, chunk: Int) -> [Person] {
        var random = SplitMix64(seed: configuration.seed, stream: .household, index: UInt64(chunk))
        var people: [Person] = []
        people.reserveCapacity(range.count)
        var start = range.lowerBound
        while start < range.upperBound {
            let size = min(random.weighted(Self.householdSizeWeights) + 1, range.upperBound - start)
            let household = makeHousehold(head: start, size: size)
            for offset in 0..<size {
                people.append(makePerson(index: start + offset, household: household, memberOffset: offset))
            }
            start += size
        }
        recyclePhones(&people, chunk: chunk)
        return people
    }

    private func makeHousehold(head: Int, size: Int) -> Household {
        var random = SplitMix64(seed: configuration.seed, stream: .household, index: UInt64(head), subindex: 1)
        let nationality: Nationality = random.chance(0.5) ? .prc : .us
        let address = AddressFactory.address(nationality, using: &random)
        var previousAddress: Superseded<Address>?
        if random.chance(0.18) {
            let movedOn = configuration.periodEnd.adding(days: -random.between(30...1100))
            previousAddress = Superseded(
                value: AddressFactory.address(movingFrom: address, using: &random), until: movedOn)
        }
        var homePhone: PhoneNumber?
        if random.chance(size >= 2 ? 0.45 : 0.12) {
            let areaCode = AddressFactory.areaCode(of: address, using: &random)
            homePhone =
                nationality == .prc
                ? identifiers.chinaLandline(household: head, areaCode: areaCode)
                : identifiers.nanpNumber(index: head, slot: 2, areaCode: areaCode)
        }
        return Household(
            head: head, size: size, nationality: nationality, address: address, previousAddress: previousAddress,
            homePhone: homePhone, headAge: random.between(size == 1 ? 19...85 : 24...80),
            headSex: random.chance(0.5) ? .male : .female, usSurname: NameFactory.usSurname(using: &random),
            chineseSurname: NameFactory.chineseSurname(using: &random))
    }

    private func role(of offset: Int, in household: Household, using random: inout SplitMix64) -> Role {
        switch offset {
        case 0: .head
        case 1: random.chance(0.85) ? .spouse : .relative
        default: household.headAge >= 42 ? .child : .parent
        }
    }

    private func makePerson(index: Int, household: Household, memberOffset: Int) -> Person {
        var random = SplitMix64(seed: configuration.seed, stream: .identity, index: UInt64(index))
        let role = role(of: memberOffset, in: household, using: &random)
        let sex: Sex
        let age: Int
        switch role {
        case .head:
            sex = household.headSex
            age = household.headAge
        case .spouse:
            sex = household.headSex == .male ? .female : .male
            age = min(max(household.headAge + random.between(-6...6), 19), 90)
        case .relative:
            sex = random.chance(0.5) ? .male : .female
            age = min(max(household.headAge + random.between(-10...10), 19), 90)
        case .child:
            sex = random.chance(0.5) ? .male : .female
            age = random.between(18...max(18, min(40, household.headAge - 20)))
        case .parent:
            sex = random.chance(0.5) ? .male : .female
            age = min(household.headAge + random.between(22...36), 96)
        }
        let end = configuration.periodEnd
        let birthDate = SimulationDay(year: end.year - age, month: end.month, day: 1)
            .adding(days: -random.between(1...364))
        let name = personName(role: role, sex: sex, household: household, using: &random)
        let nationality = household.nationality
        let nationalID =
            nationality == .prc
            ? identifiers.residentID(index: index, birthDate: birthDate, sex: sex)
            : identifiers.socialSecurityNumber(index: index)
        var contact = SplitMix64(seed: configuration.seed, stream: .contact, index: UInt64(index))
        let mobile = mobileNumber(index: index, slot: 0, household: household, using: &contact)
        var previousMobile: Superseded<PhoneNumber>?
        if contact.chance(0.12) {
            previousMobile = Superseded(
                value: mobileNumber(index: index, slot: 1, household: household, using: &contact),
                until: end.adding(days: -contact.between(200...1800)))
        }
        let email = EmailFactory.email(
            name: name, nationality: nationality, birthYear: birthDate.year,
            number: identifiers.emailNumber(index: index, slot: 0), using: &contact)
        var previousEmail: Superseded<String>?
        if contact.chance(0.15) {
            previousEmail = Superseded(
                value: EmailFactory.email(
                    name: name, nationality: nationality, birthYear: birthDate.year,
                    number: identifiers.emailNumber(index: index, slot: 1), using: &contact),
                until: end.adding(days: -contact.between(60...1400)))
        }
        var riskRandom = SplitMix64(seed: configuration.seed, stream: .risk, index: UInt64(index))
        return Person(
            index: index, householdIndex: household.head, householdSize: household.size, nationality: nationality,
            sex: sex, birthDate: birthDate, name: name, nationalID: nationalID, mobile: mobile,
            previousMobile: previousMobile, mobileRecycledFrom: nil, previousMobileReassignedTo: nil,
            homePhone: household.homePhone, email: email,
            previousEmail: previousEmail, address: household.address, previousAddress: household.previousAddress,
            latentRisk: riskRandom.gaussian())
    }

    /// Family names: US spouses mostly share one; in China a wife keeps her own surname and children take
    /// their father's (the household's surname is the father line's).
    private func personName(
        role: Role, sex: Sex, household: Household, using random: inout SplitMix64
    ) -> PersonName {
        switch household.nationality {
        case .us:
            let shares = role != .spouse && role != .relative || random.chance(0.7)
            let family = shares ? household.usSurname : NameFactory.usSurname(using: &random)
            return NameFactory.usName(sex: sex, family: family, using: &random)
        case .prc:
            let fatherLine =
                switch role {
                case .head: household.headSex == .male
                case .child: true
                case .spouse: sex == .male
                case .relative, .parent: random.chance(0.5)
                }
            let surname = fatherLine ? household.chineseSurname : NameFactory.chineseSurname(using: &random)
            return NameFactory.chineseName(sex: sex, surname: surname, using: &random)
        }
    }

    private func mobileNumber(
        index: Int, slot: Int, household: Household, using random: inout SplitMix64
    ) -> PhoneNumber {
        switch household.nationality {
        case .prc:
            return identifiers.chinaMobile(index: index, slot: slot)
        case .us:
            // Most people keep a number from where they live; a third carry one from elsewhere.
            let areaCode =
                random.chance(0.67)
                ? AddressFactory.areaCode(of: household.address, using: &random)
                : random.pick(random.pick(USPlaceCatalog.cities).areaCodes)
            return identifiers.nanpNumber(index: index, slot: slot, areaCode: areaCode)
        }
    }

    /// Carriers reassign numbers some months after they are given up. A third of the numbers people in this
    /// chunk left behind go to someone else here (same country, another household), who then holds the
    /// number a partner may still have on file for its previous owner.
    private func recyclePhones(_ people: inout [Person], chunk: Int) {
        var random = SplitMix64(seed: configuration.seed, stream: .recycling, index: UInt64(chunk))
        var taken = Set<Int>()
        let end = configuration.periodEnd
        for donor in people.indices {
            guard let released = people[donor].previousMobile, random.chance(0.35) else { continue }
            let reassignedOn = released.until.adding(days: random.between(90...360))
            guard reassignedOn < end.adding(days: -30) else { continue }
            for _ in 0..<8 {
                let candidate = random.below(people.count)
                let person = people[candidate]
                guard candidate != donor, !taken.contains(candidate), person.previousMobile == nil,
                    person.nationality == people[donor].nationality,
                    person.householdIndex != people[donor].householdIndex
                else { continue }
                taken.insert(candidate)
                people[candidate].previousMobile = Superseded(value: person.mobile, until: reassignedOn)
                people[candidate].mobile = released.value
                people[candidate].mobileRecycledFrom = people[donor].index
                people[donor].previousMobileReassignedTo = person.index
                break
            }
        }
    }
}

import CredenceIdentity
import CredenceSimulator
import Testing

@testable import CredenceSimulator

/// Every generated identifier is one the normalizers of `CredenceIdentity` accept, and identifiers that
/// should be unique are.
@Suite struct IdentifierTests {
    static let configuration = SimulationConfiguration(people: 4000, seed: 5)

    static func people() -> [Person] {
        let generator = PopulationGenerator(configuration: configuration)
        return (0..<4).flatMap { chunk in generator.people(in: (chunk * 1000)..<(chunk * 1000 + 1000), chunk: chunk) }
    }

    @Test func nationalIDsAreValidAndUnique() throws {
        let people = Self.people()
        #expect(people.filter { $0.nationality == .prc }.count > 1500)
        #expect(people.filter { $0.nationality == .us }.count > 1500)
        for person in people {
            switch person.nationality {
            case .prc:
                #expect(try PRCResidentID.normalize(person.nationalID) == person.nationalID)
                let birth = person.birthDate
                #expect(
                    person.nationalID.dropFirst(6).prefix(8)
                        == "\(birth.year)\(SimulationDay.padded(birth.month, 2))\(SimulationDay.padded(birth.day, 2))")
                let sequence = Int(person.nationalID.dropFirst(14).prefix(3))!
                #expect((sequence % 2 == 1) == (person.sex == .male))
            case .us:
                #expect(try USSocialSecurityNumber.normalize(person.nationalID) == person.nationalID)
            }
        }
        #expect(Set(people.map(\.nationalID)).count == people.count)
    }

    @Test func phonesNormalizeInTheirRegionAndInternationally() throws {
        for person in Self.people() {
            let region: PhoneRegion = person.nationality == .prc ? .cn : .us
            for phone in [person.mobile, person.previousMobile?.value, person.homePhone].compactMap({ $0 }) {
                // Landlines are dialled with the trunk prefix 0 inside China.
                let dialled = phone.nationality == .prc && !phone.isMobile ? "0" + phone.national : phone.national
                #expect(try PhoneNumberNormalizer.normalize(dialled, defaultRegion: region) == phone.e164)
                #expect(try PhoneNumberNormalizer.normalize(phone.e164, defaultRegion: nil) == phone.e164)
            }
        }
    }

    @Test func mobilesAreUniqueExceptRecycledNumbers() {
        let people = Self.people()
        var holders: [String: [Person]] = [:]
        for person in people {
            holders[person.mobile.e164, default: []].append(person)
            if let previous = person.previousMobile { holders[previous.value.e164, default: []].append(person) }
        }
        var recycled = 0
        for (number, sharing) in holders where sharing.count > 1 {
            // One gave the number up, the other holds it now.
            #expect(sharing.count == 2)
            let current = sharing.filter { $0.mobile.e164 == number }
            let earlier = sharing.filter { $0.previousMobile?.value.e164 == number }
            #expect(current.count == 1 && earlier.count == 1)
            guard let new = current.first, let old = earlier.first else { continue }
            #expect(new.mobileRecycledFrom == old.index)
            #expect(old.previousMobileReassignedTo == new.index)
            #expect(new.mobile == old.previousMobile?.value)
            #expect(old.householdIndex != new.householdIndex)
            recycled += 1
        }
        #expect(recycled > 20)
    }

    @Test func emailsNormalizeAndAreUnique() throws {
        var addresses = Set<String>()
        for person in Self.people() {
            for email in [person.email, person.previousEmail?.value].compactMap({ $0 }) {
                let normalized = try EmailNormalizer.normalize(email)
                #expect(!normalized.isRelay)
                #expect(addresses.insert(normalized.matchKey).inserted, "\(email) is someone else's too")
            }
        }
    }

    @Test func namesAndAddressesNormalize() throws {
        for person in Self.people().prefix(1000) {
            #expect(try !NameNormalizer.normalize(person.name.given + " " + person.name.family).isEmpty)
            if let hanzi = person.name.hanziFull { #expect(try !NameNormalizer.normalize(hanzi).isEmpty) }
            let address = person.address
            for form in [
                PostalAddress(
                    line1: address.line1, line2: address.line2, city: address.city, region: address.region,
                    postalCode: address.postalCode, country: address.nationality.rawValue),
                PostalAddress(
                    line1: address.latinLine1, line2: address.latinLine2, city: address.latinCity,
                    region: address.latinRegion, postalCode: address.postalCode, country: address.nationality.rawValue),
            ] {
                #expect(try form.normalized().postalCode.count >= 5)
            }
        }
    }

    @Test func householdsShareAddressAndSurnameRules() {
        let people = Self.people()
        let households = Dictionary(grouping: people, by: \.householdIndex)
        #expect(households.values.contains { $0.count >= 3 })
        for members in households.values {
            #expect(Set(members.map(\.address)).count == 1)
            #expect(Set(members.map(\.nationality)).count == 1)
            #expect(Set(members.map { $0.homePhone?.e164 ?? "" }).count == 1)
            #expect(members.allSatisfy { $0.householdSize == members.count })
            #expect(members.allSatisfy { $0.birthDate.years(until: Self.configuration.periodEnd) >= 18 })
        }
    }
}

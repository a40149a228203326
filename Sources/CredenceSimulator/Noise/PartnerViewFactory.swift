import CredencePrimitives
import CredenceProtocol

/// Builds what a partner knows about a person from the person's true identity and the partner's
/// ``ViewPolicy``, recording every deviation as a ``HardCase``.
enum PartnerViewFactory {
    /// The view of `person` at `partner` for a relationship that started on `since`. `random` is the
    /// person's stream for this partner (and account), so the same inputs always give the same view.
    static func view(
        of person: Person, at partner: SimulatedPartner, since: SimulationDay, using random: inout SplitMix64
    ) -> PartnerView {
        let policy = ViewPolicy.policy(for: partner.layout, currency: partner.currency?.rawValue)
        let isLender = partner.kind == .lending
        var noise = HardCaseSet()
        let name = viewName(of: person, policy: policy, noise: &noise, using: &random)

        var birthDate: SimulationDay?
        if let missingRate = policy.birthDateMissingRate {
            // A lender reporting a consumer without an SSN must give the birth date (CRRG).
            let required = isLender && person.nationality == .prc
            if !required && random.chance(missingRate) {
                noise.insert(.missingField)
            } else {
                birthDate = person.birthDate
            }
        }

        var phone: PhoneNumber?
        if let missingRate = policy.phoneMissingRate, !(isLender && person.nationality == .prc) {
            // (Metro 2's phone field holds ten NANP digits: a lender has no field for a +86 number.)
            if random.chance(missingRate) {
                noise.insert(.missingField)
            } else {
                phone = chosenPhone(of: person, since: since, policy: policy, noise: &noise, using: &random)
            }
        }

        var email: String?
        if let missingRate = policy.emailMissingRate {
            if random.chance(missingRate) {
                noise.insert(.missingField)
            } else {
                var chosen = person.email
                if let previous = person.previousEmail, since < previous.until, random.chance(policy.staleRate) {
                    chosen = previous.value
                    noise.insert(.changedEmail)
                }
                if random.chance(policy.emailVariantRate), let variant = EmailNoise.variant(of: chosen, using: &random)
                {
                    chosen = variant
                    noise.insert(.emailVariant)
                }
                email = chosen
            }
        }

        var address: Address?
        if let missingRate = policy.addressMissingRate {
            if random.chance(missingRate) {
                noise.insert(.missingField)
            } else if let previous = person.previousAddress, since < previous.until,
                random.chance(policy.staleRate)
            {
                address = previous.value
                noise.insert(.movedAddress)
            } else {
                address = person.address
            }
        }
        return PartnerView(
            since: since, name: name, birthDate: birthDate, phone: phone, email: email, address: address, noise: noise)
    }

    private static func viewName(
        of person: Person, policy: ViewPolicy, noise: inout HardCaseSet, using random: inout SplitMix64
    ) -> ViewName {
        let legal = person.name
        if person.nationality == .prc, let hanziGiven = legal.hanziGiven, let hanziFamily = legal.hanziFamily,
            random.chance(policy.hanziShare)
        {
            var given = hanziGiven
            if random.chance(policy.typoRate), let typo = NameNoise.homophoneTypo(given, using: &random) {
                given = typo
                noise.insert(.typo)
            }
            return ViewName(given: given, middle: nil, family: hanziFamily, isHanzi: true)
        }
        var given = legal.given
        var family = legal.family
        var middle = policy.keepsMiddleName ? legal.middle : nil
        if person.nationality == .prc {
            noise.insert(.transliterated)
            if !legal.familyAlternatives.isEmpty, random.chance(0.08) {
                family = random.pick(legal.familyAlternatives)
                noise.insert(.romanizationVariant)
            }
            if legal.givenSyllables.count >= 2, random.chance(0.12) {
                let syllables = legal.givenSyllables.map(LatinText.capitalized)
                given = syllables.joined(separator: random.chance(0.5) ? " " : "-")
                noise.insert(.romanizationVariant)
            }
            if random.chance(policy.nameSwapRate) {
                swap(&given, &family)
                noise.insert(.nameOrderSwapped)
            }
            middle = nil
        } else if !legal.nicknames.isEmpty, random.chance(policy.nicknameRate) {
            given = random.pick(legal.nicknames)
            noise.insert(.nickname)
        }
        if random.chance(policy.typoRate) {
            if random.chance(0.5), let typo = NameNoise.typo(given, using: &random) {
                given = typo
                noise.insert(.typo)
            } else if let typo = NameNoise.typo(family, using: &random) {
                family = typo
                noise.insert(.typo)
            }
        }
        return ViewName(given: given, middle: middle, family: family, isHanzi: false)
    }

    /// The phone a partner has on file: the household line sometimes, an old number when the partner never
    /// heard of the change, otherwise the current mobile.
    private static func chosenPhone(
        of person: Person, since: SimulationDay, policy: ViewPolicy, noise: inout HardCaseSet,
        using random: inout SplitMix64
    ) -> PhoneNumber {
        if let home = person.homePhone, random.chance(policy.homePhoneRate) {
            if person.householdSize >= 2 { noise.insert(.sharedPhone) }
            return home
        }
        if let previous = person.previousMobile, since < previous.until, random.chance(policy.staleRate) {
            if person.previousMobileReassignedTo != nil { noise.insert(.recycledPhone) }
            return previous.value
        }
        if person.mobileRecycledFrom != nil { noise.insert(.recycledPhone) }
        return person.mobile
    }
}

import CredencePrimitives
import CredenceProtocol
import Foundation
import SocialExports

extension ChunkBuilder {
    /// The identity platform's issuer; its host is part of the accounts' keys.
    static let oidcIssuerHost = "id.sim-id.example"

    /// An X-style platform user who exported an archive and consented to share it: one zip, written now.
    mutating func simulateXArchive(_ person: Person, at partner: SimulatedPartner, since: SimulationDay)
        throws(SimulationError)
    {
        let configuration = context.configuration
        var random = SplitMix64(
            seed: configuration.seed, stream: .social, index: UInt64(person.index), subindex: UInt64(partner.ordinal))
        guard random.chance(configuration.archiveConsentRate) else { return }
        let view = context.membership.view(person, at: partner, since: since)
        let number = context.identifiers.partnerNumber(
            namespace: UInt64(partner.ordinal) * 100 + 1, slot: UInt64(person.index), digits: 15)
        let accountID = String(1_000_000_000_000_000 + number)
        let handleBase = LatinText.handle(
            view.name.isHanzi ? person.name.given + person.name.family : view.name.given + view.name.family)
        let handle = String(handleBase.prefix(10)) + String(number % 10_000)
        let generated = configuration.periodEnd.unixSeconds(at: 43_200)
        var created = since.unixSeconds(at: random.between(0...86_399))
        let invalid = drawsInvalidUnit(using: &random)
        if invalid { created = generated + Int64(random.between(1...90)) * 86_400 }
        var emailChanges: [XEmailAddressChange] = []
        if let previous = person.previousEmail, since < previous.until, view.email == person.email {
            emailChanges.append(
                XEmailAddressChange(
                    accountID: accountID,
                    changedAt: Timestamp(secondsSinceEpoch: previous.until.unixSeconds(at: 3_600)),
                    changedFrom: previous.value, changedTo: person.email))
        }
        var handleChanges: [XScreenNameChange] = []
        if random.chance(0.1) {
            let changedOn = since.adding(days: random.below(max(1, configuration.periodEnd.ordinal - since.ordinal)))
            handleChanges.append(
                XScreenNameChange(
                    accountID: accountID, changedAt: Timestamp(secondsSinceEpoch: changedOn.unixSeconds(at: 7_200)),
                    changedFrom: String(handleBase.prefix(8)) + "_" + String(number % 97), changedTo: handle))
        }
        let archive = XArchive(
            accountID: accountID, userName: handle, displayName: view.name.full,
            generationDate: Timestamp(secondsSinceEpoch: generated),
            account: XAccount(
                accountID: accountID, username: handle, displayName: view.name.full, email: view.email,
                createdAt: Timestamp(secondsSinceEpoch: created),
                createdVia: random.pick(["web", "oauth:android", "oauth:iphone"])),
            phoneNumbers: view.phone.map { [XPhoneNumber(phoneNumber: $0.e164)] } ?? [],
            emailAddressChanges: emailChanges, screenNameChanges: handleChanges,
            verifiedBadge: XVerifiedBadge(accountID: accountID, verified: random.chance(0.04)))
        let day = configuration.periodEnd.description
        let path = OutputLayout.archiveDirectory(of: partner) + "/twitter-\(day)-\(accountID).zip"
        let writer = XArchiveWriter(extraMembers: Self.unreadMembers(for: person, using: &random))
        do {
            try ReproducibleArchiveZip.write(
                archive, with: writer, to: context.outputDirectory.appendingPathComponent(path))
        } catch {
            throw SimulationError(.writeFailed, "cannot write the X archive \(path): \(error)")
        }
        countUnit(of: partner)
        if invalid {
            recordInvalid(
                .archive(path), unit: 0, partner: partner, person: person,
                defect: "account created after the archive was generated")
        } else {
            recordTruth(
                partner: partner, localKey: LocalKeys.xArchive(accountID: accountID), person: person, noise: view.noise,
                statement: SubjectStatement(xArchiveName: view.name, email: view.email, phone: view.phone))
        }
    }

    /// Members every real archive has and no adapter may read: a few posts and X's inferred age.
    private static func unreadMembers(for person: Person, using random: inout SplitMix64) -> [XArchiveExtraMember] {
        let posts = [
            "Finally tried the new noodle place downtown", "Anyone else watching the game tonight?",
            "Three days into learning to bake bread", "周末去爬山，风景很好", "新买的耳机音质不错",
        ]
        let tweets = (0..<(1 + random.below(3))).map { _ in
            JSONValue.object(
                JSONObject(members: [
                    ("tweet", .object(JSONObject(members: [("full_text", .string(random.pick(posts)))])))
                ]))
        }
        let age = JSONValue.object(
            JSONObject(members: [
                (
                    "ageMeta",
                    .object(
                        JSONObject(members: [
                            ("ageInfo", .object(JSONObject(members: [("age", .array([.string("25-34")]))])))
                        ]))
                )
            ]))
        return [
            XArchiveExtraMember(
                manifestKey: "tweets", memberName: "data/tweets.js", globalName: "YTD.tweets.part0", entries: tweets),
            XArchiveExtraMember(
                manifestKey: "ageinfo", memberName: "data/ageinfo.js", globalName: "YTD.ageinfo.part0", entries: [age]),
        ]
    }

    /// An identity platform user: one claims object, with Identity Assurance `verified_claims` for those
    /// who went through real-name verification.
    mutating func simulateOIDC(_ person: Person, at partner: SimulatedPartner, since: SimulationDay) {
        let configuration = context.configuration
        var random = SplitMix64(
            seed: configuration.seed, stream: .social, index: UInt64(person.index), subindex: UInt64(partner.ordinal))
        let view = context.membership.view(person, at: partner, since: since)
        let subject =
            "u"
            + SimulationDay.padded(
                Int(
                    context.identifiers.partnerNumber(
                        namespace: UInt64(partner.ordinal) * 100 + 1, slot: UInt64(person.index), digits: 12)), 12)
        let end = configuration.periodEnd
        let updated = end.adding(days: -random.below(300)).unixSeconds(at: random.below(86_400))
        var created = since.unixSeconds(at: random.below(86_400))
        if created > updated { created = updated - 86_400 }
        let invalid = drawsInvalidUnit(using: &random)
        if invalid { created = updated + Int64(random.between(1...200)) * 86_400 }
        var personClaims = OIDCPersonClaims()
        personClaims.name = view.name.full
        personClaims.givenName = view.name.given
        personClaims.familyName = view.name.family
        personClaims.birthdate = view.birthDate.map { .date(year: $0.year, month: $0.month, day: $0.day) }
        personClaims.address = view.address.map { Self.oidcAddress($0, native: view.name.isHanzi) }
        var verified: [OIDCVerifiedClaims] = []
        if random.chance(person.nationality == .prc ? 0.45 : 0.1) {
            verified.append(Self.verifiedClaims(of: person, since: since, end: end, using: &random))
        }
        let phone = view.phone.map { phone in
            person.nationality == .prc && phone.isMobile && random.chance(0.1)
                ? phone.national : phone.e164
        }
        let claims = OIDCClaims(
            issuer: "https://" + Self.oidcIssuerHost, subject: subject, person: personClaims, email: view.email,
            emailVerified: random.chance(0.95) ? random.chance(0.9) : nil, phoneNumber: phone,
            phoneNumberVerified: phone == nil ? nil : random.chance(0.85),
            updatedAt: Timestamp(secondsSinceEpoch: updated), createdAt: Timestamp(secondsSinceEpoch: created),
            verifiedClaims: verified)
        let slot = context.layout.lineSlot(partner: partner, kind: .oidcClaims)
        let position = output.appendLine(claims.json.serialized() + [0x0A], slot: slot)
        countUnit(of: partner)
        if invalid {
            recordInvalid(
                .lines(slot), unit: position.unit, byteOffset: position.offset, partner: partner, person: person,
                defect: "account created after the claims were last updated")
        } else {
            recordTruth(
                partner: partner, localKey: LocalKeys.oidc(issuerHost: Self.oidcIssuerHost, subject: subject),
                person: person, noise: view.noise, statement: SubjectStatement(oidc: claims, phone: view.phone))
        }
    }

    private static func oidcAddress(_ address: Address, native: Bool) -> OIDCAddress {
        let street =
            native
            ? address.line1 + (address.line2.isEmpty ? "" : "\n" + address.line2)
            : address.latinLine1 + (address.latinLine2.isEmpty ? "" : "\n" + address.latinLine2)
        return OIDCAddress(
            streetAddress: street, locality: native ? address.city : address.latinCity,
            region: native ? address.region : address.latinRegion, postalCode: address.postalCode,
            country: address.nationality.rawValue)
    }

    /// Real-name verification of the legal name and birth date: an ID card checked in person or against the
    /// population register (PRC), or a document check under NIST 800-63A (US).
    private static func verifiedClaims(
        of person: Person, since: SimulationDay, end: SimulationDay, using random: inout SplitMix64
    ) -> OIDCVerifiedClaims {
        let verifiedAt = Timestamp(
            secondsSinceEpoch: since.adding(days: random.below(max(1, end.ordinal - since.ordinal))).unixSeconds(
                at: 36_000))
        var claims = OIDCPersonClaims()
        claims.givenName = person.name.hanziGiven ?? person.name.given
        claims.familyName = person.name.hanziFamily ?? person.name.family
        claims.birthdate = .date(year: person.birthDate.year, month: person.birthDate.month, day: person.birthDate.day)
        let evidence: OIDCEvidence
        let framework: String
        if person.nationality == .prc {
            framework = "cn_rnv"
            evidence =
                random.chance(0.5)
                ? OIDCEvidence(
                    type: "document", documentType: "idcard", time: verifiedAt,
                    checkDetails: [OIDCCheckDetail(checkMethod: "vpip"), OIDCCheckDetail(checkMethod: "pvp")])
                : OIDCEvidence(
                    type: "electronic_record", recordType: "population_register", time: verifiedAt,
                    checkDetails: [OIDCCheckDetail(checkMethod: "data")])
        } else {
            framework = "nist_800_63A"
            evidence = OIDCEvidence(
                type: "document", documentType: random.chance(0.7) ? "driving_permit" : "passport", time: verifiedAt,
                checkDetails: [OIDCCheckDetail(checkMethod: "vdig"), OIDCCheckDetail(checkMethod: "bvr")])
        }
        return OIDCVerifiedClaims(
            verification: OIDCVerification(trustFramework: framework, time: verifiedAt, evidence: [evidence]),
            claims: claims)
    }
}

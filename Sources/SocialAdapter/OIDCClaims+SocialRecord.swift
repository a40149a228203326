import AdapterCore
import CredenceIdentity
import CredenceProtocol
import Foundation
import SocialExports

extension OIDCClaims {
    /// The claims as a record draft: the account is `sub` at the issuer's host (`oidc:<host>`), observed
    /// at `updated_at`; email and phone carry the provider's verified flags; identity verification comes
    /// from `verified_claims` only (``IdentityAssuranceMapping``). Names, birth date and address are for
    /// linkage only, and the verified ones are preferred to the top-level claims.
    func socialRecordDraft() throws(SocialRecordFailure) -> SocialRecordDraft {
        guard let issuer else {
            throw SocialRecordFailure("/iss: required member is missing (sub is unique only within its issuer)")
        }
        guard let host = URLComponents(string: issuer)?.host?.lowercased(), !host.isEmpty else {
            throw SocialRecordFailure("/iss: expected the provider's URL (https://host/...), found text without a host")
        }
        guard let updatedAt else {
            throw SocialRecordFailure("/updated_at: required member is missing (it dates the claims: observed_at)")
        }
        var draft = SocialRecordDraft(
            platform: "oidc:" + host, accountID: subject, accountIDSource: "/sub", observedAt: updatedAt,
            accountCreatedAt: createdAt, accountCreatedAtSource: "/created_at")
        let observedDay = draft.observedDay
        if let email {
            draft.identifiers.append(
                .init(
                    identifier: RawIdentifier(.email, email, verified: emailVerified, lastSeen: observedDay),
                    source: "/email"))
        }
        if let phoneNumber {
            draft.identifiers.append(
                .init(
                    identifier: RawIdentifier(
                        .phoneE164, phoneNumber, verified: phoneNumberVerified, lastSeen: observedDay),
                    source: "/phone_number"))
        }
        // A flag without its claim verifies nothing this record holds.
        draft.emailVerified = email == nil ? nil : emailVerified
        draft.phoneVerified = phoneNumber == nil ? nil : phoneNumberVerified
        let verified = verifiedClaims.map(\.claims)
        draft.name = Self.name(verified.first { $0.hasName } ?? person)
        if let (birthdate, source) = Self.first(\.birthdate, verified: verified, person: person) {
            draft.birthDate = try Self.birthDate(birthdate, source: source)
        }
        draft.address = (verified.compactMap(\.address).first ?? person.address).flatMap(Self.postalAddress)
        draft.identityVerification = try IdentityAssuranceMapping.identityVerification(verifiedClaims)
        return draft
    }

    private static func name(_ claims: OIDCPersonClaims) -> RawName? {
        if let given = claims.givenName, let family = claims.familyName {
            return .parts(given: given, middle: claims.middleName, family: family)
        }
        if let name = claims.name { return .full(name) }
        let parts = [claims.givenName, claims.middleName, claims.familyName].compactMap { $0 }
        return parts.isEmpty ? nil : .full(parts.joined(separator: " "))
    }

    /// The first verified value of a claim, else the top-level one, with its JSON Pointer.
    private static func first<Value>(
        _ claim: KeyPath<OIDCPersonClaims, Value?>, verified: [OIDCPersonClaims], person: OIDCPersonClaims
    ) -> (Value, String)? {
        for (index, claims) in verified.enumerated() {
            if let value = claims[keyPath: claim] {
                let element = verified.count == 1 ? "" : "/\(index)"
                return (value, "/verified_claims\(element)/claims")
            }
        }
        return person[keyPath: claim].map { ($0, "") }
    }

    /// The birth date for linkage; a withheld year gives none, as a day and month alone link nobody.
    private static func birthDate(_ birthdate: OIDCBirthdate, source: String) throws(SocialRecordFailure)
        -> BirthDate?
    {
        do {
            switch birthdate {
            case .date(let year, let month, let day): return try BirthDate(year: year, month: month, day: day)
            case .year(let year): return try BirthDate(year: year)
            case .yearWithheld: return nil
            }
        } catch {
            throw SocialRecordFailure("\(source)/birthdate: the year is outside 1850-2100")
        }
    }

    /// The address for linkage: the first line of `street_address` is the street line, the others the unit.
    /// An address given only as `formatted` text is left out: its parts cannot be told apart reliably.
    private static func postalAddress(_ address: OIDCAddress) -> PostalAddress? {
        let lines = (address.streetAddress ?? "").split(whereSeparator: \.isNewline).map(String.init)
        let result = PostalAddress(
            line1: lines.first ?? "", line2: lines.dropFirst().joined(separator: " "), city: address.locality ?? "",
            region: address.region ?? "", postalCode: address.postalCode ?? "", country: address.country ?? "")
        return result == PostalAddress() ? nil : result
    }
}

extension OIDCPersonClaims {
    fileprivate var hasName: Bool { name != nil || givenName != nil || familyName != nil }
}

public import CredenceProtocol

extension OIDCClaims {
    /// Decodes one claims object. Members this project does not use are ignored (providers add their
    /// own); a member it uses with the wrong type or format is an error naming its JSON Pointer.
    public init(json value: JSONValue) throws(SocialExportError) {
        let claims = try JSONFields(value, at: .root)
        guard let subject = try claims.identifier("sub") else {
            throw claims.missing("sub", "the account's id at its provider")
        }
        var verifiedClaims: [OIDCVerifiedClaims] = []
        switch claims.value("verified_claims") {
        case nil: break
        case .array?:
            for (element, pointer) in try claims.array("verified_claims") ?? [] {
                verifiedClaims.append(try OIDCVerifiedClaims(try JSONFields(element, at: pointer)))
            }
        case .object?: verifiedClaims.append(try OIDCVerifiedClaims(try claims.requiredObject("verified_claims")))
        case let other?:
            throw claims.malformed("verified_claims", "expected an object or an array, found \(other.typeName)")
        }
        self.init(
            issuer: try claims.string("iss"), subject: subject, person: try OIDCPersonClaims(claims),
            email: try claims.string("email"), emailVerified: try claims.bool("email_verified"),
            phoneNumber: try claims.string("phone_number"),
            phoneNumberVerified: try claims.bool("phone_number_verified"),
            updatedAt: try claims.numericOrISOTime("updated_at"), createdAt: try claims.numericOrISOTime("created_at"),
            verifiedClaims: verifiedClaims)
    }

    /// The claims object as a provider writes it: times as seconds since the epoch, `verified_claims` as
    /// an object when there is one and an array when there are several.
    public var json: JSONValue {
        let verified: JSONValue? =
            switch verifiedClaims.count {
            case 0: nil
            case 1: verifiedClaims[0].json
            default: .array(verifiedClaims.map(\.json))
            }
        let account: [(String, JSONValue?)] = [
            ("email", .text(email)), ("email_verified", .flag(emailVerified)), ("phone_number", .text(phoneNumber)),
            ("phone_number_verified", .flag(phoneNumberVerified)),
            ("updated_at", .integer(updatedAt?.secondsSinceEpoch)),
            ("created_at", .integer(createdAt?.secondsSinceEpoch)), ("verified_claims", verified),
        ]
        let members =
            JSONValue.presentMembers([("iss", .text(issuer)), ("sub", .string(subject))]) + person.members
            + JSONValue.presentMembers(account)
        return .object(JSONObject(members: members))
    }
}

extension OIDCPersonClaims {
    init(_ fields: JSONFields) throws(SocialExportError) {
        var birthdate: OIDCBirthdate?
        if let text = try fields.string("birthdate") {
            guard let parsed = OIDCBirthdate(claim: text) else {
                throw fields.malformed("birthdate", "expected YYYY-MM-DD, YYYY or 0000-MM-DD naming a real day")
            }
            birthdate = parsed
        }
        self.init(
            name: try fields.string("name"), givenName: try fields.string("given_name"),
            familyName: try fields.string("family_name"), middleName: try fields.string("middle_name"),
            birthdate: birthdate,
            address: try fields.object("address").map { address throws(SocialExportError) in
                try OIDCAddress(address)
            })
    }

    var members: [(name: String, value: JSONValue)] {
        JSONValue.presentMembers([
            ("name", .text(name)), ("given_name", .text(givenName)), ("family_name", .text(familyName)),
            ("middle_name", .text(middleName)), ("birthdate", .text(birthdate?.claim)), ("address", address?.json),
        ])
    }
}

extension OIDCAddress {
    init(_ fields: JSONFields) throws(SocialExportError) {
        self.init(
            formatted: try fields.string("formatted"), streetAddress: try fields.string("street_address"),
            locality: try fields.string("locality"), region: try fields.string("region"),
            postalCode: try fields.string("postal_code"), country: try fields.string("country"))
    }

    var json: JSONValue {
        .object([
            "formatted": .text(formatted), "street_address": .text(streetAddress), "locality": .text(locality),
            "region": .text(region), "postal_code": .text(postalCode), "country": .text(country),
        ])
    }
}

extension OIDCVerifiedClaims {
    init(_ fields: JSONFields) throws(SocialExportError) {
        self.init(
            verification: try OIDCVerification(try fields.requiredObject("verification")),
            claims: try OIDCPersonClaims(try fields.requiredObject("claims")))
    }

    var json: JSONValue {
        .object(["verification": verification.json, "claims": .object(JSONObject(members: claims.members))])
    }
}

extension OIDCVerification {
    init(_ fields: JSONFields) throws(SocialExportError) {
        var evidence: [OIDCEvidence] = []
        for (element, pointer) in try fields.array("evidence") ?? [] {
            evidence.append(try OIDCEvidence(try JSONFields(element, at: pointer)))
        }
        self.init(
            trustFramework: try fields.requiredString("trust_framework"),
            assuranceLevel: try fields.string("assurance_level"), time: try fields.isoTime("time"),
            verificationProcess: try fields.string("verification_process"), evidence: evidence)
    }

    var json: JSONValue {
        .object([
            "trust_framework": .text(trustFramework), "assurance_level": .text(assuranceLevel),
            "time": time.map { .string($0.rawValue) }, "verification_process": .text(verificationProcess),
            "evidence": evidence.isEmpty ? nil : .array(evidence.map(\.json)),
        ])
    }
}

extension OIDCEvidence {
    init(_ fields: JSONFields) throws(SocialExportError) {
        var checkDetails: [OIDCCheckDetail] = []
        for (element, pointer) in try fields.array("check_details") ?? [] {
            checkDetails.append(try OIDCCheckDetail(try JSONFields(element, at: pointer)))
        }
        // IDA 1.0 names it document_details; the implementer's drafts named it document.
        var documentType = try fields.object("document_details")?.string("type")
        if documentType == nil { documentType = try fields.object("document")?.string("type") }
        self.init(
            type: try fields.requiredString("type"), method: try fields.string("method"), documentType: documentType,
            recordType: try fields.object("record")?.string("type"), time: try fields.isoTime("time"),
            checkDetails: checkDetails)
    }

    var json: JSONValue {
        .object([
            "type": .text(type), "method": .text(method),
            "document_details": documentType.map { .object(["type": .text($0)]) },
            "record": recordType.map { .object(["type": .text($0)]) }, "time": time.map { .string($0.rawValue) },
            "check_details": checkDetails.isEmpty ? nil : .array(checkDetails.map(\.json)),
        ])
    }
}

extension OIDCCheckDetail {
    init(_ fields: JSONFields) throws(SocialExportError) {
        self.init(
            checkMethod: try fields.requiredString("check_method"), organization: try fields.string("organization"),
            txn: try fields.string("txn"), time: try fields.isoTime("time"))
    }

    var json: JSONValue {
        .object([
            "check_method": .text(checkMethod), "organization": .text(organization), "txn": .text(txn),
            "time": time.map { .string($0.rawValue) },
        ])
    }
}

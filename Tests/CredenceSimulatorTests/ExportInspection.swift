import CommerceExports
import CredenceIdentity
import CredenceProtocol
import CredenceSimulator
import Foundation
import Metro2
import SocialExports

/// One subject as an export names it, read back through the format modules' readers: the partner's key
/// for them (formed as the adapters form it) and the phone on file, normalized.
struct ExportedSubject: Hashable {
    let partnerID: String
    let localKey: String
    let phone: String?
}

/// What the format modules' readers found in a simulation's exports.
struct ExportInspection {
    var subjects: [ExportedSubject] = []
    /// Units a format reader could not parse, per partner id.
    var unparsed: [String: Int] = [:]
    /// Units read, per partner id.
    var units: [String: Int] = [:]

    /// Reads every export with the format modules' readers (not the adapters), so tests can check the files
    /// themselves: they parse, and what they say agrees with the ground truth.
    static func read(_ federation: SimulatedFederation) throws -> ExportInspection {
        var inspection = ExportInspection()
        var subjects: [ExportedSubject] = []
        for partner in PartnerCatalog.partners {
            let id = partner.id.rawValue
            func phone(_ text: String?) -> String? {
                text.flatMap { try? PhoneNumberNormalizer.normalize($0, defaultRegion: partner.defaultRegion) }
            }
            for file in try federation.files(of: id) {
                switch partner.layout {
                case .metro2NewlineDelimited, .metro2RecordDescriptorWords:
                    var reader = try Metro2CharacterReader(contentsOf: file)
                    while let item = try reader.next() {
                        inspection.units[id, default: 0] += 1
                        guard case .success(let record) = item.result else {
                            inspection.unparsed[id, default: 0] += 1
                            continue
                        }
                        for consumer in [record.base.consumer] + record.j1.map(\.consumer)
                        where !consumer.socialSecurityNumber.isEmpty {
                            let number = consumer.telephoneNumber.isEmpty ? nil : "+1" + consumer.telephoneNumber
                            subjects.append(
                                ExportedSubject(
                                    partnerID: id, localKey: "ssn:" + consumer.socialSecurityNumber,
                                    phone: phone(number)))
                        }
                    }
                case .shopifyJSONLines, .stripeJSONLines:
                    var reader = try CommerceExportReader(contentsOf: file)
                    while let entry = try reader.next() {
                        inspection.units[id, default: 0] += 1
                        switch entry.object {
                        case .success(.shopify(.order(let order))):
                            guard let customer = order.customer else { continue }
                            subjects.append(
                                ExportedSubject(
                                    partnerID: id, localKey: "customer-\(customer.id)", phone: phone(customer.phone)))
                        case .success(.stripe(.charge(let charge))):
                            guard let customer = charge.customer else { continue }
                            subjects.append(
                                ExportedSubject(
                                    partnerID: id, localKey: "customer-\(customer)",
                                    phone: phone(charge.billingDetails?.phone)))
                        case .failure:
                            inspection.unparsed[id, default: 0] += 1
                        default:
                            continue
                        }
                    }
                case .xArchiveZips:
                    var reader = try XArchiveReader(url: file)
                    let archive = try reader.read()
                    inspection.units[id, default: 0] += 1
                    subjects.append(
                        ExportedSubject(
                            partnerID: id, localKey: "x:" + archive.accountID,
                            phone: phone(archive.phoneNumbers.first?.phoneNumber)))
                case .oidcClaimsJSONLines:
                    var reader = try OIDCClaimsReader(url: file)
                    while let entry = try reader.next() {
                        inspection.units[id, default: 0] += 1
                        guard case .success(let claims) = entry.claims, let issuer = claims.issuer,
                            let host = URL(string: issuer)?.host
                        else {
                            inspection.unparsed[id, default: 0] += 1
                            continue
                        }
                        subjects.append(
                            ExportedSubject(
                                partnerID: id, localKey: "oidc:\(host):\(claims.subject)",
                                phone: phone(claims.phoneNumber)))
                    }
                }
            }
        }
        inspection.subjects = subjects
        return inspection
    }
}

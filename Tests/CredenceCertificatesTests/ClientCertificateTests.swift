import CredenceCertificates
import Foundation
import SwiftASN1
import Testing
import X509

@Suite("DevelopmentCA.issueClientCertificate")
struct ClientCertificateTests {
    let ca: DevelopmentCA

    init() throws {
        ca = try DevelopmentCA.create(commonName: "Credence Development CA", validFor: .seconds(30 * 86_400))
    }

    @Test("the leaf has the client profile: CN = partner id, clientAuth, digitalSignature, CA:false")
    func clientProfile() async throws {
        let partner = try ca.issueClientCertificate(commonName: "acme-lending", validFor: .seconds(86_400))
        let leaf = try Certificate(pemEncoded: partner.certificatePEM)
        let caCertificate = try Certificate(pemEncoded: ca.certificatePEM)

        #expect(leaf.subject == (try DistinguishedName { CommonName("acme-lending") }))
        #expect(try leaf.extensions.extendedKeyUsage == ExtendedKeyUsage([.clientAuth]))
        #expect(try leaf.extensions.keyUsage == KeyUsage(digitalSignature: true))
        #expect(try leaf.extensions.basicConstraints == .notCertificateAuthority)
        #expect(try leaf.extensions.subjectAlternativeNames == nil)
        #expect(
            try leaf.extensions.authorityKeyIdentifier?.keyIdentifier
                == caCertificate.extensions.subjectKeyIdentifier?.keyIdentifier)
        #expect(try Certificate.PrivateKey(pemEncoded: partner.privateKeyPEM).publicKey == leaf.publicKey)
        #expect(partner.identity.allowsClientAuthentication)
        #expect(!partner.identity.allowsServerAuthentication)
        #expect(partner.identity.notValidAfter.timeIntervalSince(partner.identity.notValidBefore) <= 86_400 + 300)
        #expect(try await ChainCheck.isValid(partner.certificatePEM, trusting: ca.certificatePEM))
        #expect(try CertificateIdentity.commonName(ofPEM: partner.certificatePEM) == "acme-lending")
    }

    @Test(
        "partner ids are accepted",
        arguments: ["ab", "acme-lending", "0day.partner_2", String(repeating: "z", count: 64)])
    func validPartnerIDs(id: String) throws {
        let partner = try ca.issueClientCertificate(commonName: id)
        #expect(partner.identity.commonName == id)
    }

    @Test(
        "names that are not partner ids are refused",
        arguments: [
            "", "a", "Acme", "-acme", ".acme", "_acme", "acme lending", "acme/lending", "acmé", "acme\n",
            String(repeating: "z", count: 65),
        ])
    func invalidPartnerIDs(id: String) {
        #expect(throws: DevelopmentPKIError(.invalidCommonName, "")) {
            try ca.issueClientCertificate(commonName: id)
        }
    }

    @Test("each issued certificate has its own key and serial number")
    func freshKeys() throws {
        let first = try ca.issueClientCertificate(commonName: "acme-lending")
        let second = try ca.issueClientCertificate(commonName: "acme-lending")
        #expect(first.privateKeyPEM != second.privateKeyPEM)
        #expect(first.identity.serialNumber != second.identity.serialNumber)
        #expect(first.identity.sha256Fingerprint != second.identity.sha256Fingerprint)
    }
}

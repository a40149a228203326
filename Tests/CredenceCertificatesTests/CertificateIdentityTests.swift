import CredenceCertificates
import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@Suite("CertificateIdentity")
struct CertificateIdentityTests {
    let ca: DevelopmentCA
    let partner: IssuedCertificate

    init() throws {
        ca = try DevelopmentCA.create(commonName: "Credence Development CA")
        partner = try ca.issueClientCertificate(commonName: "acme-lending")
    }

    @Test("the common name reads the same from PEM, DER and a chain whose first block is the leaf")
    func commonNameForms() throws {
        let der = try PEMDocument(pemString: partner.certificatePEM).derBytes
        #expect(try CertificateIdentity.commonName(ofPEM: partner.certificatePEM) == "acme-lending")
        #expect(try CertificateIdentity.commonName(ofDER: der) == "acme-lending")
        #expect(try CertificateIdentity.commonName(ofPEM: partner.chainPEM) == "acme-lending")
        #expect(try CertificateIdentity(der: der) == partner.identity)
        #expect(try CertificateIdentity(pem: partner.chainPEM) == partner.identity)
        #expect(try CertificateIdentity.commonName(ofPEM: ca.certificatePEM) == "Credence Development CA")
    }

    @Test("fingerprint, serial number and validity match the certificate")
    func details() throws {
        let certificate = try Certificate(pemEncoded: partner.certificatePEM)
        let der = try PEMDocument(pemString: partner.certificatePEM).derBytes
        let digest = SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
        #expect(partner.identity.sha256Fingerprint == digest)
        #expect(
            partner.identity.serialNumber == certificate.serialNumber.bytes.map { String(format: "%02x", $0) }.joined())
        #expect(partner.identity.notValidBefore == certificate.notValidBefore)
        #expect(partner.identity.notValidAfter == certificate.notValidAfter)
        #expect(partner.identity.subject == "CN=acme-lending")
        #expect(partner.identity.issuer == "CN=Credence Development CA")
        #expect(partner.identity.extendedKeyUsages == ["clientAuth"])
        #expect(partner.identity.dnsNames.isEmpty && partner.identity.ipAddresses.isEmpty)
    }

    @Test("a subject with two common names is refused, so it cannot pass for either partner")
    func twoCommonNames() throws {
        let pem = try Self.selfSigned(
            subject: DistinguishedName {
                CommonName("partner-a"); CommonName("partner-b")
            })
        #expect(throws: DevelopmentPKIError(.ambiguousCommonName, "")) { try CertificateIdentity(pem: pem) }
        #expect(throws: DevelopmentPKIError(.ambiguousCommonName, "")) {
            try CertificateIdentity.commonName(ofPEM: pem)
        }
    }

    @Test("a common name that is not a string is refused")
    func nonStringCommonName() throws {
        let value = try ASN1Any(erasing: 42)
        let pem = try Self.selfSigned(
            subject: DistinguishedName([
                RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, value: .init(asn1Any: value)))
            ]))
        #expect(throws: DevelopmentPKIError(.ambiguousCommonName, "")) { try CertificateIdentity(pem: pem) }
    }

    @Test("a subject without a common name has none, and asking for it fails")
    func noCommonName() throws {
        let pem = try Self.selfSigned(subject: DistinguishedName { OrganizationName("Acme") })
        let identity = try CertificateIdentity(pem: pem)
        #expect(identity.commonName == nil)
        #expect(identity.subject == "O=Acme")
        #expect(identity.extendedKeyUsages == nil)
        #expect(identity.allowsClientAuthentication && identity.allowsServerAuthentication)
        #expect(throws: DevelopmentPKIError(.missingCommonName, "")) { try CertificateIdentity.commonName(ofPEM: pem) }
    }

    @Test("anyExtendedKeyUsage allows both roles; a common name among other attributes is found")
    func anyUsage() throws {
        let pem = try Self.selfSigned(
            subject: DistinguishedName {
                CountryName("US")
                OrganizationName("Acme")
                CommonName("acme-lending")
            },
            usages: [.any])
        let identity = try CertificateIdentity(pem: pem)
        #expect(identity.commonName == "acme-lending")
        #expect(identity.allowsClientAuthentication && identity.allowsServerAuthentication)
    }

    @Test("text that is not a certificate is refused")
    func malformed() {
        for pem in ["", "hello", partner.privateKeyPEM, "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----"]
        {
            #expect(throws: DevelopmentPKIError(.malformedCertificate, "")) { try CertificateIdentity(pem: pem) }
        }
        for der in [[], [0x30, 0x03, 0x02, 0x01, 0x01], Array(partner.certificatePEM.utf8)] as [[UInt8]] {
            #expect(throws: DevelopmentPKIError(.malformedCertificate, "")) { try CertificateIdentity(der: der) }
        }
    }

    /// A self-signed certificate with the given subject, in PEM.
    static func selfSigned(
        subject: DistinguishedName, usages: [ExtendedKeyUsage.Usage]? = nil
    ) throws -> String {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let extensions = try Certificate.Extensions {
            if let usages {
                try ExtendedKeyUsage(usages)
            }
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey, notValidBefore: .now,
            notValidAfter: .now.addingTimeInterval(3_600), issuer: subject, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions, issuerPrivateKey: key)
        return try certificate.serializeAsPEM().pemString
    }
}

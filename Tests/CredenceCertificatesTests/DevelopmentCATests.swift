import CredenceCertificates
import Foundation
import SwiftASN1
import Testing
import X509

@Suite("DevelopmentCA.create")
struct DevelopmentCATests {
    @Test("a new CA is a self-signed P-256 CA with pathlen 0, keyCertSign and cRLSign, and a key identifier")
    func caProfile() async throws {
        let ca = try DevelopmentCA.create(commonName: "Credence Development CA", validFor: .seconds(30 * 86_400))
        let certificate = try Certificate(pemEncoded: ca.certificatePEM)

        #expect(certificate.version == .v3)
        #expect(certificate.subject == certificate.issuer)
        #expect(ca.commonName == "Credence Development CA")
        #expect(ca.identity.subject == "CN=Credence Development CA")
        #expect(ca.identity.isCertificateAuthority)
        #expect(certificate.signatureAlgorithm == .ecdsaWithSHA256)
        #expect(certificate.publicKey.isValidSignature(certificate.signature, for: certificate))
        #expect(try certificate.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(certificate.extensions[oid: .X509ExtensionID.basicConstraints]?.critical == true)
        #expect(try certificate.extensions.keyUsage == KeyUsage(keyCertSign: true, cRLSign: true))
        #expect(certificate.extensions[oid: .X509ExtensionID.keyUsage]?.critical == true)
        #expect(try certificate.extensions.subjectKeyIdentifier == SubjectKeyIdentifier(hash: certificate.publicKey))
        #expect(try Certificate.PrivateKey(pemEncoded: ca.privateKeyPEM).publicKey == certificate.publicKey)
        #expect(ca.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(ca.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        #expect(ca.certificatePEM.hasSuffix("-----END CERTIFICATE-----\n"))

        // The CA validates as its own chain.
        #expect(try await ChainCheck.isValid(ca.certificatePEM, trusting: ca.certificatePEM))
    }

    @Test("serial numbers are random, positive and 20 octets long")
    func serialNumbers() throws {
        var serials: Set<String> = []
        for _ in 0..<8 {
            let ca = try DevelopmentCA.create(commonName: "CA")
            let bytes = Array(try Certificate(pemEncoded: ca.certificatePEM).serialNumber.bytes)
            #expect(bytes.count == 20)
            #expect(bytes[0] & 0x80 == 0, "positive: the sign bit is clear")
            #expect(bytes[0] != 0, "no leading zero octet")
            #expect(ca.identity.serialNumber.count == 40)
            serials.insert(ca.identity.serialNumber)
        }
        #expect(serials.count == 8)
    }

    @Test("validity starts five minutes before now, in whole seconds, and lasts validFor")
    func validity() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000.75)
        let ca = try DevelopmentCA.create(commonName: "CA", validFor: .seconds(10 * 86_400), now: now)
        #expect(ca.identity.notValidBefore == Date(timeIntervalSince1970: 1_800_000_000 - 300))
        #expect(ca.identity.notValidAfter == Date(timeIntervalSince1970: 1_800_000_000 + 10 * 86_400))
        #expect(DevelopmentCA.defaultCAValidity == .seconds(365 * 86_400))
        #expect(DevelopmentCA.defaultLeafValidity == .seconds(90 * 86_400))
    }

    @Test("validity beyond 2049 is written as GeneralizedTime and read back")
    func longValidity() throws {
        let now = Date(timeIntervalSince1970: 2_000_000_000)  // 2033
        let ca = try DevelopmentCA.create(commonName: "CA", validFor: .seconds(30 * 365 * 86_400), now: now)
        #expect(ca.identity.notValidAfter == Date(timeIntervalSince1970: 2_000_000_000 + 30 * 365 * 86_400))
        let reloaded = try DevelopmentCA(certificatePEM: ca.certificatePEM, privateKeyPEM: ca.privateKeyPEM)
        #expect(reloaded.identity == ca.identity)
    }

    @Test("bad validity periods are refused", arguments: [Duration.zero, .seconds(-1), .seconds(101 * 366 * 86_400)])
    func badValidity(validFor: Duration) {
        #expect(throws: DevelopmentPKIError(.invalidValidity, "")) {
            try DevelopmentCA.create(commonName: "CA", validFor: validFor)
        }
    }

    @Test(
        "bad common names are refused", arguments: ["", " CA", "CA ", "line\nbreak", String(repeating: "x", count: 65)])
    func badCommonName(name: String) {
        #expect(throws: DevelopmentPKIError(.invalidCommonName, "")) {
            try DevelopmentCA.create(commonName: name)
        }
    }

    @Test("non-ASCII common names are kept as UTF-8")
    func unicodeCommonName() throws {
        let ca = try DevelopmentCA.create(commonName: "Crédence Dév CA 測試")
        #expect(ca.commonName == "Crédence Dév CA 測試")
    }

    @Test("printing a CA or an issued certificate does not show the private key")
    func descriptionsHideKeys() throws {
        let ca = try DevelopmentCA.create(commonName: "CA")
        let issued = try ca.issueClientCertificate(commonName: "acme-lending")
        #expect(!"\(ca)".contains("PRIVATE KEY"))
        #expect("\(ca)".contains("CN=CA"))
        #expect(!"\(issued)".contains("PRIVATE KEY"))
        #expect("\(issued)".contains("CN=acme-lending"))
    }
}

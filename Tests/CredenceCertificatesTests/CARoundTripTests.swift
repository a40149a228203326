import CredenceCertificates
import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@Suite("DevelopmentCA(certificatePEM:privateKeyPEM:)")
struct CARoundTripTests {
    @Test("a CA saved as PEM files and reloaded issues certificates that still verify")
    func roundTrip() async throws {
        let directory = try TemporaryDirectory()
        let original = try DevelopmentCA.create(commonName: "Credence Development CA")
        try directory.write(original.certificatePEM, to: "ca.pem")
        try directory.write(original.privateKeyPEM, to: "ca.key")

        let reloaded = try DevelopmentCA(
            certificatePEM: directory.read("ca.pem"), privateKeyPEM: directory.read("ca.key"))
        #expect(reloaded.certificatePEM == original.certificatePEM)
        #expect(reloaded.privateKeyPEM == original.privateKeyPEM)
        #expect(reloaded.identity == original.identity)

        let server = try reloaded.issueServerCertificate(hosts: ["localhost", "127.0.0.1"])
        #expect(try await ChainCheck.isValid(server.certificatePEM, trusting: original.certificatePEM, ip: "127.0.0.1"))
        let client = try reloaded.issueClientCertificate(commonName: "acme-lending")
        #expect(try await ChainCheck.isValid(client.certificatePEM, trusting: original.certificatePEM))
        // Certificates of the original and of the reloaded CA name the same authority key.
        let before = try Certificate(pemEncoded: original.issueClientCertificate(commonName: "a1").certificatePEM)
        let after = try Certificate(pemEncoded: client.certificatePEM)
        #expect(try before.extensions.authorityKeyIdentifier == after.extensions.authorityKeyIdentifier)
    }

    @Test("PEM text with Windows line endings and surrounding text loads")
    func lenientText() throws {
        let ca = try DevelopmentCA.create(commonName: "CA")
        let certificate = "subject=CN=CA\r\n" + ca.certificatePEM.replacingOccurrences(of: "\n", with: "\r\n")
        let reloaded = try DevelopmentCA(certificatePEM: certificate, privateKeyPEM: ca.privateKeyPEM)
        #expect(reloaded.identity == ca.identity)
    }

    @Test("a SEC1 (EC PRIVATE KEY) key loads too")
    func sec1Key() throws {
        let ca = try DevelopmentCA.create(commonName: "CA")
        let key = try P256.Signing.PrivateKey(pemRepresentation: ca.privateKeyPEM)
        let sec1 = try Self.sec1PEM(of: key)
        let reloaded = try DevelopmentCA(certificatePEM: ca.certificatePEM, privateKeyPEM: sec1)
        #expect(reloaded.privateKeyPEM == ca.privateKeyPEM)
    }

    @Test("a server or client certificate is not accepted as the CA")
    func notACA() throws {
        let ca = try DevelopmentCA.create(commonName: "CA")
        let server = try ca.issueServerCertificate(hosts: ["localhost"])
        let client = try ca.issueClientCertificate(commonName: "acme-lending")
        for issued in [server, client] {
            #expect(throws: DevelopmentPKIError(.notCertificateAuthority, "")) {
                try DevelopmentCA(certificatePEM: issued.certificatePEM, privateKeyPEM: issued.privateKeyPEM)
            }
        }
    }

    @Test("a CA certificate without keyCertSign is refused")
    func caWithoutKeyCertSign() throws {
        let key = P256.Signing.PrivateKey()
        let signingKey = Certificate.PrivateKey(key)
        let name = try DistinguishedName { CommonName("Odd CA") }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: signingKey.publicKey, notValidBefore: .now,
            notValidAfter: .now.addingTimeInterval(86_400), issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(digitalSignature: true))
            }, issuerPrivateKey: signingKey)
        let pem = try certificate.serializeAsPEM().pemString
        #expect(throws: DevelopmentPKIError(.notCertificateAuthority, "")) {
            try DevelopmentCA(certificatePEM: pem, privateKeyPEM: key.pemRepresentation)
        }
    }

    @Test("a key that does not belong to the CA certificate is refused")
    func mismatchedKey() throws {
        let ca = try DevelopmentCA.create(commonName: "CA")
        let other = try DevelopmentCA.create(commonName: "CA")
        #expect(throws: DevelopmentPKIError(.keyMismatch, "")) {
            try DevelopmentCA(certificatePEM: ca.certificatePEM, privateKeyPEM: other.privateKeyPEM)
        }
        let leaf = try ca.issueClientCertificate(commonName: "acme-lending")
        #expect(throws: DevelopmentPKIError(.keyMismatch, "")) {
            try DevelopmentCA(certificatePEM: ca.certificatePEM, privateKeyPEM: leaf.privateKeyPEM)
        }
    }

    @Test("keys of other kinds are refused as unsupported")
    func unsupportedKeys() throws {
        let ca = try DevelopmentCA.create(commonName: "CA")
        let others = [
            Certificate.PrivateKey(P384.Signing.PrivateKey()), Certificate.PrivateKey(Curve25519.Signing.PrivateKey()),
        ]
        for pem in try others.map({ try $0.serializeAsPEM().pemString }) {
            #expect(throws: DevelopmentPKIError(.unsupportedKey, "")) {
                try DevelopmentCA(certificatePEM: ca.certificatePEM, privateKeyPEM: pem)
            }
        }
    }

    @Test("unreadable inputs are refused with the matching code")
    func malformedInputs() throws {
        let ca = try DevelopmentCA.create(commonName: "CA")
        let key = ca.privateKeyPEM
        let cases: [(String, String, DevelopmentPKIError.Code)] = [
            ("", key, .malformedCertificate),
            ("not a certificate", key, .malformedCertificate),
            (ca.privateKeyPEM, key, .malformedCertificate),
            ("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", key, .malformedCertificate),
            (ca.certificatePEM + ca.certificatePEM, key, .malformedCertificate),
            (ca.certificatePEM, "", .malformedPrivateKey),
            (ca.certificatePEM, ca.certificatePEM, .malformedPrivateKey),
            (ca.certificatePEM, key + key, .malformedPrivateKey),
            (ca.certificatePEM, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", .malformedPrivateKey),
            (
                ca.certificatePEM, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
                .malformedPrivateKey
            ),
        ]
        for (certificate, privateKey, code) in cases {
            #expect(throws: DevelopmentPKIError(code, "")) {
                try DevelopmentCA(certificatePEM: certificate, privateKeyPEM: privateKey)
            }
        }
    }

    @Test("an expired CA loads, but refuses to issue")
    func expiredCA() throws {
        let past = Date.now.addingTimeInterval(-10 * 86_400)
        let old = try DevelopmentCA.create(commonName: "Old CA", validFor: .seconds(86_400), now: past)
        let reloaded = try DevelopmentCA(certificatePEM: old.certificatePEM, privateKeyPEM: old.privateKeyPEM)
        do {
            _ = try reloaded.issueServerCertificate(hosts: ["localhost"], validFor: .seconds(60))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .outsideCAValidity)
            #expect(error.message.contains("expired"))
            #expect(error.message.contains("create a new CA"))
        }
    }

    /// SEC1 `ECPrivateKey` (RFC 5915) with the named curve, as `openssl ec` writes it.
    static func sec1PEM(of key: P256.Signing.PrivateKey) throws -> String {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(1)
            try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(key.rawRepresentation)))
            try coder.serialize(
                [1, 2, 840, 10045, 3, 1, 7] as ASN1ObjectIdentifier, explicitlyTaggedWithTagNumber: 0,
                tagClass: .contextSpecific)
            try coder.serialize(
                ASN1BitString(bytes: ArraySlice(key.publicKey.x963Representation)), explicitlyTaggedWithTagNumber: 1,
                tagClass: .contextSpecific)
        }
        return PEMDocument(type: "EC PRIVATE KEY", derBytes: serializer.serializedBytes).pemString
    }
}

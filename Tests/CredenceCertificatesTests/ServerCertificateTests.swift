import CredenceCertificates
import Foundation
import SwiftASN1
import Testing
import X509

@Suite("DevelopmentCA.issueServerCertificate")
struct ServerCertificateTests {
    let ca: DevelopmentCA
    let server: IssuedCertificate

    init() throws {
        ca = try DevelopmentCA.create(commonName: "Credence Development CA", validFor: .seconds(30 * 86_400))
        server = try ca.issueServerCertificate(
            hosts: ["localhost", "127.0.0.1", "::1", "Aggregator.Credence.TEST"], validFor: .seconds(7 * 86_400))
    }

    @Test("the leaf has the server profile: SANs, serverAuth, digitalSignature, CA:false, key identifiers")
    func serverProfile() throws {
        let leaf = try Certificate(pemEncoded: server.certificatePEM)
        let caCertificate = try Certificate(pemEncoded: ca.certificatePEM)

        #expect(leaf.subject == (try DistinguishedName { CommonName("localhost") }))
        #expect(leaf.issuer == caCertificate.subject)
        #expect(
            try leaf.extensions.subjectAlternativeNames
                == SubjectAlternativeNames([
                    .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
                    .dnsName("aggregator.credence.test"),
                ]))
        #expect(try leaf.extensions.extendedKeyUsage == ExtendedKeyUsage([.serverAuth]))
        #expect(try leaf.extensions.keyUsage == KeyUsage(digitalSignature: true))
        #expect(try leaf.extensions.basicConstraints == .notCertificateAuthority)
        #expect(try leaf.extensions.subjectKeyIdentifier == SubjectKeyIdentifier(hash: leaf.publicKey))
        #expect(
            try leaf.extensions.authorityKeyIdentifier?.keyIdentifier
                == caCertificate.extensions.subjectKeyIdentifier?.keyIdentifier)
        #expect(caCertificate.publicKey.isValidSignature(leaf.signature, for: leaf))
        #expect(try Certificate.PrivateKey(pemEncoded: server.privateKeyPEM).publicKey == leaf.publicKey)
        #expect(leaf.publicKey != caCertificate.publicKey)
        #expect(Array(leaf.serialNumber.bytes).count == 20)
    }

    @Test("the identity and the chain PEM describe the leaf, then the CA")
    func identityAndChain() throws {
        #expect(server.identity.commonName == "localhost")
        #expect(server.identity.dnsNames == ["localhost", "aggregator.credence.test"])
        #expect(server.identity.ipAddresses == ["127.0.0.1", "::1"])
        #expect(server.identity.extendedKeyUsages == ["serverAuth"])
        #expect(server.identity.allowsServerAuthentication)
        #expect(!server.identity.allowsClientAuthentication)
        #expect(!server.identity.isCertificateAuthority)
        #expect(server.identity.issuer == "CN=Credence Development CA")
        #expect(server.chainPEM == server.certificatePEM + ca.certificatePEM)
        let blocks = try PEMDocument.parseMultiple(pemString: server.chainPEM)
        #expect(blocks.map(\.discriminator) == ["CERTIFICATE", "CERTIFICATE"])
        #expect(try Certificate(derEncoded: blocks[1].derBytes) == Certificate(pemEncoded: ca.certificatePEM))
    }

    @Test(
        "the Verifier accepts the leaf for its hosts and addresses",
        arguments: [("localhost", nil), (nil, "127.0.0.1"), (nil, "::1"), ("aggregator.credence.test", nil)]
            as [(String?, String?)])
    func verifierAccepts(hostname: String?, ip: String?) async throws {
        #expect(try await ChainCheck.isValid(server.certificatePEM, trusting: ca.certificatePEM))
        #expect(
            try await ChainCheck.isValid(server.certificatePEM, trusting: ca.certificatePEM, hostname: hostname, ip: ip)
        )
    }

    @Test(
        "the Verifier refuses the leaf for other hosts and addresses",
        arguments: [("example.com", nil), (nil, "127.0.0.2"), (nil, "::2"), ("other.credence.test", nil)]
            as [(String?, String?)])
    func verifierRefusesOtherNames(hostname: String?, ip: String?) async throws {
        #expect(
            try await !ChainCheck.isValid(
                server.certificatePEM, trusting: ca.certificatePEM, hostname: hostname, ip: ip))
    }

    @Test("a certificate from another CA, even one with the same name, does not verify")
    func otherCA() async throws {
        let other = try DevelopmentCA.create(commonName: "Credence Development CA")
        let foreign = try other.issueServerCertificate(hosts: ["localhost", "127.0.0.1"])
        #expect(try await !ChainCheck.isValid(foreign.certificatePEM, trusting: ca.certificatePEM, ip: "127.0.0.1"))
        #expect(try await ChainCheck.isValid(foreign.certificatePEM, trusting: other.certificatePEM, ip: "127.0.0.1"))
    }

    @Test("an expired certificate does not verify")
    func expired() async throws {
        let past = Date.now.addingTimeInterval(-400 * 86_400)
        let oldCA = try DevelopmentCA.create(commonName: "Old CA", validFor: .seconds(3_650 * 86_400), now: past)
        let expired = try oldCA.issueServerCertificate(hosts: ["127.0.0.1"], validFor: .seconds(30 * 86_400), now: past)
        #expect(expired.identity.notValidAfter < .now)
        #expect(try await !ChainCheck.isValid(expired.certificatePEM, trusting: oldCA.certificatePEM))
        let fresh = try oldCA.issueServerCertificate(hosts: ["127.0.0.1"], validFor: .seconds(30 * 86_400))
        #expect(try await ChainCheck.isValid(fresh.certificatePEM, trusting: oldCA.certificatePEM, ip: "127.0.0.1"))
    }

    @Test(
        "hosts are classified and normalized",
        arguments: [
            ("LOCALHOST", "dns", "localhost"), ("*.credence.test", "dns", "*.credence.test"),
            ("xn--bcher-kva.example", "dns", "xn--bcher-kva.example"), ("10.0.0.1", "ip", "10.0.0.1"),
            ("[::1]", "ip", "::1"), ("FD00:0:0:0:0:0:0:10", "ip", "fd00::10"),
            ("::ffff:192.0.2.1", "ip", "::ffff:192.0.2.1"),
            ("1:0:0:1:0:0:0:1", "ip", "1:0:0:1::1"), ("2001:db8::", "ip", "2001:db8::"),
            ("1:2:3:4:5:6:7::", "ip", "1:2:3:4:5:6:7:0"), ("::1:2:3:4:5:6:7", "ip", "0:1:2:3:4:5:6:7"),
            ("2001:DB8:0:0:1:0:0:1", "ip", "2001:db8::1:0:0:1"), ("::", "ip", "::"),
            ("0:0:0:0:0:0:10.0.0.1", "ip", "::a00:1"),
        ])
    func hostForms(host: String, kind: String, expected: String) throws {
        let issued = try ca.issueServerCertificate(hosts: [host])
        #expect(issued.identity.commonName == expected)
        if kind == "dns" {
            #expect(issued.identity.dnsNames == [expected] && issued.identity.ipAddresses.isEmpty)
        } else {
            #expect(issued.identity.ipAddresses == [expected] && issued.identity.dnsNames.isEmpty)
        }
    }

    @Test("a wildcard name covers one label")
    func wildcard() async throws {
        let issued = try ca.issueServerCertificate(hosts: ["*.credence.test"])
        #expect(
            try await ChainCheck.isValid(
                issued.certificatePEM, trusting: ca.certificatePEM, hostname: "a.credence.test"))
        #expect(
            try await !ChainCheck.isValid(issued.certificatePEM, trusting: ca.certificatePEM, hostname: "credence.test")
        )
    }

    @Test("duplicate hosts are listed once")
    func duplicates() throws {
        let issued = try ca.issueServerCertificate(hosts: [
            "localhost", "LocalHost", "127.0.0.1", "::1", "[::1]", "0:0::1",
        ])
        #expect(issued.identity.dnsNames == ["localhost"])
        #expect(issued.identity.ipAddresses == ["127.0.0.1", "::1"])
    }

    @Test(
        "invalid hosts are refused",
        arguments: [
            "", " localhost", "local host", "-bad.example", "bad-.example", "under_score.example", "example.com.",
            "exa..mple", "*.test", "a.*.example", "*", "256.1.1.1", "1.2.3", "01.2.3.4", "127.0.0.1:8443", "::1::",
            "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "1::2::3", ":1", "1:", "12345::", "::1.2.3", "1.2.3.4::",
            "::ffff:1.2.3.04", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7", ":::", "::-1", "[localhost]",
            "[127.0.0.1]", "[127.0.0.1", "bücher.example", "12345",
            "::g",
            String(repeating: "a", count: 64) + ".example", String(repeating: "abcdefghi.", count: 26) + "example",
        ])
    func invalidHosts(host: String) {
        #expect(throws: DevelopmentPKIError(.invalidHost, "")) {
            try ca.issueServerCertificate(hosts: ["localhost", host])
        }
    }

    @Test("no hosts, or a first host too long for a common name, is refused")
    func hostListRules() throws {
        #expect(throws: DevelopmentPKIError(.invalidHost, "")) { try ca.issueServerCertificate(hosts: []) }
        let long = String(repeating: "a", count: 60) + ".example"
        #expect(throws: DevelopmentPKIError(.invalidHost, "")) { try ca.issueServerCertificate(hosts: [long]) }
        let issued = try ca.issueServerCertificate(hosts: ["localhost", long])
        #expect(issued.identity.dnsNames == ["localhost", long])
    }

    @Test("a leaf must fit inside the CA's validity")
    func insideCAValidity() throws {
        let now = Date.now
        // Outlives the CA.
        #expect(throws: DevelopmentPKIError(.outsideCAValidity, "")) {
            try ca.issueServerCertificate(hosts: ["localhost"], validFor: .seconds(31 * 86_400), now: now)
        }
        // The CA has expired.
        #expect(throws: DevelopmentPKIError(.outsideCAValidity, "")) {
            try ca.issueServerCertificate(
                hosts: ["localhost"], validFor: .seconds(60), now: now.addingTimeInterval(31 * 86_400))
        }
        // Before the CA existed.
        #expect(throws: DevelopmentPKIError(.outsideCAValidity, "")) {
            try ca.issueServerCertificate(
                hosts: ["localhost"], validFor: .seconds(60), now: now.addingTimeInterval(-86_400))
        }
        // The leaf's start is clamped to the CA's.
        let issued = try ca.issueServerCertificate(hosts: ["localhost"], validFor: .seconds(60), now: now)
        #expect(issued.identity.notValidBefore >= ca.identity.notValidBefore)
    }

    @Test("by default a leaf is valid for 90 days, or until the CA expires if that is sooner")
    func defaultValidity() throws {
        let now = Date.now
        let shortLived = try ca.issueServerCertificate(hosts: ["localhost"], now: now)
        #expect(shortLived.identity.notValidAfter == ca.identity.notValidAfter)
        let longCA = try DevelopmentCA.create(commonName: "CA", now: now)
        let client = try longCA.issueClientCertificate(commonName: "acme-lending", now: now)
        let expected = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + 90 * 86_400).rounded(.down))
        #expect(client.identity.notValidAfter == expected)
    }

    @Test("the error message tells what to change")
    func errorMessages() {
        do {
            _ = try ca.issueServerCertificate(hosts: ["127.0.0.1:8443"])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidHost)
            #expect(error.message.contains("'127.0.0.1:8443'"))
            #expect(error.description == error.message)
        }
        do {
            _ = try ca.issueServerCertificate(hosts: ["localhost"], validFor: .seconds(365 * 86_400))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .outsideCAValidity)
            #expect(error.message.contains("at most 29 days") || error.message.contains("at most 30 days"))
        }
    }
}

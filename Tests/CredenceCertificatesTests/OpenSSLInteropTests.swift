import CredenceCertificates
import CredenceTesting
import Foundation
import Testing

/// Checks the certificates with an independent implementation: the OpenSSL command line.
@Suite("OpenSSL interoperability", .enabled(if: OpenSSL.isInstalled, "the openssl command is not installed"))
struct OpenSSLInteropTests {
    let directory: TemporaryDirectory
    let ca: DevelopmentCA
    let server: IssuedCertificate
    let client: IssuedCertificate

    init() throws {
        directory = try TemporaryDirectory()
        ca = try DevelopmentCA.create(commonName: "Credence Development CA", validFor: .seconds(30 * 86_400))
        server = try ca.issueServerCertificate(hosts: ["localhost", "127.0.0.1", "::1"], validFor: .seconds(86_400))
        client = try ca.issueClientCertificate(commonName: "acme-lending", validFor: .seconds(86_400))
        try directory.write(ca.certificatePEM, to: "ca.pem")
        try directory.write(ca.privateKeyPEM, to: "ca.key")
        try directory.write(server.certificatePEM, to: "server.pem")
        try directory.write(server.privateKeyPEM, to: "server.key")
        try directory.write(server.chainPEM, to: "server-chain.pem")
        try directory.write(client.certificatePEM, to: "client.pem")
        try directory.write(client.privateKeyPEM, to: "client.key")
    }

    @Test("openssl verify accepts the server certificate, for its name and addresses, as a TLS server")
    func verifyServer() throws {
        let plain = try OpenSSL.run(["verify", "-x509_strict", "-CAfile", "ca.pem", "server.pem"], in: directory)
        #expect(plain.status == 0, "\(plain.output)")
        #expect(plain.output.contains("server.pem: OK"))
        for check in [["-verify_ip", "127.0.0.1"], ["-verify_ip", "::1"], ["-verify_hostname", "localhost"]] {
            let result = try OpenSSL.run(
                ["verify", "-x509_strict", "-CAfile", "ca.pem", "-purpose", "sslserver"] + check + ["server.pem"],
                in: directory)
            #expect(result.status == 0, "\(check): \(result.output)")
        }
        let wrongAddress = try OpenSSL.run(
            ["verify", "-CAfile", "ca.pem", "-verify_ip", "127.0.0.2", "server.pem"], in: directory)
        #expect(wrongAddress.status != 0)
        #expect(wrongAddress.output.contains("IP address mismatch"))
    }

    @Test("openssl x509 -text shows the SANs, serverAuth, digitalSignature and CA:FALSE")
    func serverText() throws {
        let text = try OpenSSL.run(["x509", "-noout", "-text", "-in", "server.pem"], in: directory)
        #expect(text.status == 0)
        for expected in [
            "Subject: CN = localhost", "Issuer: CN = Credence Development CA", "IP Address:127.0.0.1",
            "IP Address:0:0:0:0:0:0:0:1", "DNS:localhost", "TLS Web Server Authentication", "CA:FALSE",
            "Digital Signature", "X509v3 Authority Key Identifier", "X509v3 Subject Key Identifier",
            "ecdsa-with-SHA256", "NIST CURVE: P-256", "Version: 3 (0x2)",
        ] {
            #expect(text.output.contains(expected), "missing \(expected)")
        }
        #expect(!text.output.contains("TLS Web Client Authentication"))
    }

    @Test("openssl x509 -text shows the CA profile")
    func caText() throws {
        let text = try OpenSSL.run(["x509", "-noout", "-text", "-in", "ca.pem"], in: directory)
        #expect(text.status == 0)
        for expected in [
            "X509v3 Basic Constraints: critical", "CA:TRUE, pathlen:0", "X509v3 Key Usage: critical",
            "Certificate Sign, CRL Sign", "X509v3 Subject Key Identifier", "Subject: CN = Credence Development CA",
        ] {
            #expect(text.output.contains(expected), "missing \(expected)")
        }
        let check = try OpenSSL.run(["verify", "-x509_strict", "-CAfile", "ca.pem", "ca.pem"], in: directory)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("openssl verify accepts the client certificate for -purpose sslclient, and only for it")
    func verifyClient() throws {
        let result = try OpenSSL.run(
            ["verify", "-x509_strict", "-CAfile", "ca.pem", "-purpose", "sslclient", "client.pem"], in: directory)
        #expect(result.status == 0, "\(result.output)")
        let text = try OpenSSL.run(["x509", "-noout", "-text", "-in", "client.pem"], in: directory)
        #expect(text.output.contains("TLS Web Client Authentication"))
        #expect(text.output.contains("Subject: CN = acme-lending"))
        #expect(!text.output.contains("Subject Alternative Name"))

        let clientAsServer = try OpenSSL.run(
            ["verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "client.pem"], in: directory)
        #expect(clientAsServer.status != 0)
        let serverAsClient = try OpenSSL.run(
            ["verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "server.pem"], in: directory)
        #expect(serverAsClient.status != 0)
    }

    @Test("openssl verify refuses a certificate of another CA, and an expired one")
    func verifyRefuses() throws {
        let other = try DevelopmentCA.create(commonName: "Credence Development CA")
        try directory.write(other.issueServerCertificate(hosts: ["127.0.0.1"]).certificatePEM, to: "foreign.pem")
        let foreign = try OpenSSL.run(["verify", "-CAfile", "ca.pem", "foreign.pem"], in: directory)
        #expect(foreign.status != 0)
        #expect(
            foreign.output.contains("unable to get local issuer certificate") || foreign.output.contains("signature"))

        let past = Date.now.addingTimeInterval(-400 * 86_400)
        let oldCA = try DevelopmentCA.create(commonName: "Old CA", validFor: .seconds(3_650 * 86_400), now: past)
        try directory.write(oldCA.certificatePEM, to: "old-ca.pem")
        try directory.write(
            oldCA.issueServerCertificate(hosts: ["127.0.0.1"], validFor: .seconds(30 * 86_400), now: past)
                .certificatePEM,
            to: "expired.pem")
        let expired = try OpenSSL.run(["verify", "-CAfile", "old-ca.pem", "expired.pem"], in: directory)
        #expect(expired.status != 0)
        #expect(expired.output.contains("certificate has expired"))
    }

    @Test("the private keys are PKCS#8 and match their certificates; serial and fingerprint agree")
    func keysSerialsAndFingerprints() throws {
        for (certificate, key) in [("ca.pem", "ca.key"), ("server.pem", "server.key"), ("client.pem", "client.key")] {
            let fromCertificate = try OpenSSL.run(["x509", "-noout", "-pubkey", "-in", certificate], in: directory)
            let fromKey = try OpenSSL.run(["pkey", "-pubout", "-in", key], in: directory)
            #expect(fromKey.status == 0 && fromCertificate.status == 0)
            #expect(fromKey.output == fromCertificate.output, "\(key) does not match \(certificate)")
            #expect(try directory.read(key).hasPrefix("-----BEGIN PRIVATE KEY-----"))
        }
        let details = try OpenSSL.run(
            ["x509", "-noout", "-serial", "-fingerprint", "-sha256", "-in", "server.pem"], in: directory)
        #expect(details.output.contains("serial=\(server.identity.serialNumber.uppercased())"))
        let colonHex = stride(from: 0, to: 64, by: 2).map { offset in
            let start = server.identity.sha256Fingerprint.index(
                server.identity.sha256Fingerprint.startIndex, offsetBy: offset)
            return String(
                server.identity.sha256Fingerprint[start..<server.identity.sha256Fingerprint.index(start, offsetBy: 2)])
        }.joined(separator: ":")
        #expect(details.output.uppercased().contains("FINGERPRINT=\(colonHex.uppercased())"))
    }

    @Test("the chain file holds the leaf then the CA")
    func chainFile() throws {
        let listing = try OpenSSL.run(["storeutl", "-noout", "-certs", "-text", "server-chain.pem"], in: directory)
        #expect(listing.status == 0, "\(listing.output)")
        #expect(listing.output.contains("Total found: 2"))
        let leaf = try #require(listing.output.range(of: "Subject: CN=localhost"))
        let root = try #require(listing.output.range(of: "Subject: CN=Credence Development CA"))
        #expect(leaf.lowerBound < root.lowerBound)
    }

    @Test("a CA made by openssl req -x509 loads (PKCS#8 and SEC1 keys) and issues verifiable certificates")
    func operatorMadeCA() throws {
        let made = try OpenSSL.run(
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "op-ca.key", "-out", "op-ca.pem", "-subj", "/O=Operator/CN=Operator Test CA", "-days", "30",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ], in: directory)
        try #require(made.status == 0, "\(made.output)")
        let sec1 = try OpenSSL.run(["ec", "-in", "op-ca.key", "-out", "op-ca-sec1.key"], in: directory)
        try #require(sec1.status == 0, "\(sec1.output)")
        #expect(try directory.read("op-ca-sec1.key").hasPrefix("-----BEGIN EC PRIVATE KEY-----"))

        for keyFile in ["op-ca.key", "op-ca-sec1.key"] {
            let operatorCA = try DevelopmentCA(
                certificatePEM: directory.read("op-ca.pem"), privateKeyPEM: directory.read(keyFile))
            #expect(operatorCA.commonName == "Operator Test CA")
            let issued = try operatorCA.issueServerCertificate(hosts: ["127.0.0.1"], validFor: .seconds(86_400))
            try directory.write(issued.certificatePEM, to: "op-server.pem")
            let result = try OpenSSL.run(
                ["verify", "-x509_strict", "-CAfile", "op-ca.pem", "-verify_ip", "127.0.0.1", "op-server.pem"],
                in: directory)
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test("certificates made by openssl that cannot serve as the development CA are refused")
    func operatorMadeNonCA() throws {
        let leaf = try OpenSSL.run(
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "leaf.key", "-out", "leaf.pem", "-subj", "/CN=leaf", "-days", "1", "-addext",
                "basicConstraints=critical,CA:FALSE",
            ], in: directory)
        try #require(leaf.status == 0, "\(leaf.output)")
        #expect(throws: DevelopmentPKIError(.notCertificateAuthority, "")) {
            try DevelopmentCA(certificatePEM: directory.read("leaf.pem"), privateKeyPEM: directory.read("leaf.key"))
        }
        let rsa = try OpenSSL.run(
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key", "-out", "rsa.pem", "-subj",
                "/CN=RSA CA", "-days", "1",
            ], in: directory)
        try #require(rsa.status == 0, "\(rsa.output)")
        #expect(throws: DevelopmentPKIError(.unsupportedKey, "")) {
            try DevelopmentCA(certificatePEM: directory.read("rsa.pem"), privateKeyPEM: directory.read("rsa.key"))
        }
        let encrypted = try OpenSSL.run(
            ["pkcs8", "-topk8", "-in", "ca.key", "-out", "ca-encrypted.key", "-passout", "pass:secret"], in: directory)
        try #require(encrypted.status == 0, "\(encrypted.output)")
        #expect(throws: DevelopmentPKIError(.malformedPrivateKey, "")) {
            try DevelopmentCA(certificatePEM: ca.certificatePEM, privateKeyPEM: directory.read("ca-encrypted.key"))
        }
    }

    @Test("a mutual-TLS handshake between openssl s_server and s_client succeeds with the issued certificates")
    func mutualTLSHandshake() throws {
        let log = try handshake(clientCertificate: "client.pem", clientKey: "client.key")
        #expect(log.client.contains("Verification: OK"), "\(log.client)")
        #expect(log.client.contains("Peer certificate: CN = localhost"))
        #expect(log.server.contains("subject=CN = acme-lending"), "\(log.server)")
        #expect(log.server.contains("1 server accepts that finished"))
    }

    @Test("the s_server refuses a client certificate from another CA")
    func mutualTLSRefusesForeignClient() throws {
        let other = try DevelopmentCA.create(commonName: "Credence Development CA")
        let foreign = try other.issueClientCertificate(commonName: "acme-lending")
        try directory.write(foreign.certificatePEM, to: "foreign-client.pem")
        try directory.write(foreign.privateKeyPEM, to: "foreign-client.key")
        let log = try handshake(clientCertificate: "foreign-client.pem", clientKey: "foreign-client.key")
        #expect(log.server.contains("certificate verify failed"), "\(log.server)")
        #expect(log.server.contains("0 server accepts that finished"))
    }

    /// Runs one TLS connection on loopback: `openssl s_server` with the server chain, requiring a client
    /// certificate from the CA, and `openssl s_client` trusting the CA, checking the address, presenting the
    /// given client certificate.
    private func handshake(clientCertificate: String, clientKey: String) throws -> (server: String, client: String) {
        let server = try OpenSSL.start(
            [
                "s_server", "-accept", "127.0.0.1:0", "-naccept", "1", "-cert", "server.pem", "-key", "server.key",
                "-CAfile", "ca.pem", "-Verify", "1", "-verify_return_error",
            ], in: directory)
        var serverOutput = Data()
        var port: String?
        while port == nil {
            let chunk = server.output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            serverOutput.append(chunk)
            let text = String(decoding: serverOutput, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT 127.0.0.1:") }) {
                port = String(line.dropFirst("ACCEPT 127.0.0.1:".count))
            }
        }
        guard let port else {
            server.process.terminate()
            throw OpenSSLFailure(output: String(decoding: serverOutput, as: UTF8.self))
        }
        let client = try OpenSSL.run(
            [
                "s_client", "-connect", "127.0.0.1:\(port)", "-CAfile", "ca.pem", "-verify_return_error",
                "-verify_ip", "127.0.0.1", "-cert", clientCertificate, "-key", clientKey, "-brief",
            ], in: directory)
        // -naccept 1: the server ends after this connection; stop it if it has not within ten seconds.
        let deadline = Date.now.addingTimeInterval(10)
        while server.process.isRunning && Date.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if server.process.isRunning { server.process.terminate() }
        try server.input.fileHandleForWriting.close()
        serverOutput.append(PipeIO.readAll(server.output.fileHandleForReading))
        server.process.waitUntilExit()
        return (String(decoding: serverOutput, as: UTF8.self), client.output)
    }
}

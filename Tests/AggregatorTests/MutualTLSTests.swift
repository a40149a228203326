import CredenceClient
import CredenceProtocol
import CredenceTesting
import Foundation
import Testing

/// With `--require-client-certificate`, a partner must present a certificate issued for its partner id.
struct MutualTLSTests {
    @Test func partnersAuthenticateWithClientCertificates() async throws {
        let directory = try TemporaryDirectory(prefix: "mtls")
        let aggregator = try AggregatorProcess.initialize(in: directory.path("agg"))
        defer { aggregator.stop() }
        var partner = SyntheticPartner(id: "lender-mtls", kind: .lending, audience: aggregator.id)
        let other = SyntheticPartner(id: "lender-other", kind: .lending, audience: aggregator.id)
        for registered in [partner, other] {
            let keyFile = directory.path("\(registered.id).pub")
            try Data(registered.publicKeyPEM.utf8).write(to: URL(fileURLWithPath: keyFile))
            let added = try CommandRunner.run(
                "credence-aggregator",
                [
                    "partner", "add", "--dir", aggregator.directory, "--id", registered.id, "--kind", "lending",
                    "--key", keyFile,
                ])
            #expect(added.status == 0, "\(added.stderr)")
            let issued = try CommandRunner.run(
                "credence-aggregator",
                [
                    "partner", "cert", "--dir", aggregator.directory, "--id", registered.id, "--out",
                    directory.path(registered.id),
                ])
            #expect(issued.status == 0, "\(issued.stderr)")
        }
        try aggregator.start(arguments: ["--require-client-certificate"])

        func client(certificateOf id: String?) throws -> AggregatorClient {
            try AggregatorClient(
                baseURL: aggregator.baseURL, trustedCAPEM: aggregator.caPEM,
                clientCertificateChainPEM: try id.map {
                    try String(contentsOfFile: directory.path("\($0).pem"), encoding: .utf8)
                },
                clientPrivateKeyPEM: try id.map {
                    try String(contentsOfFile: directory.path("\($0).key"), encoding: .utf8)
                })
        }

        let first = partner.nextEnvelope()
        let anonymous = try client(certificateOf: nil)
        let refused = try? await anonymous.pushEnvelope(first)
        #expect(refused == nil || refused?.status == 401, "a client without a certificate must not get through")
        try await anonymous.shutdown()

        let authenticated = try client(certificateOf: partner.id)
        let accepted = try await authenticated.pushEnvelope(first)
        #expect(accepted.status == 201, "\(String(decoding: accepted.body, as: UTF8.self))")
        try await authenticated.shutdown()

        // Another partner's certificate cannot carry this partner's batches.
        let impostor = try client(certificateOf: other.id)
        let mismatched = try await impostor.pushEnvelope(partner.nextEnvelope())
        #expect(mismatched.status == 403)
        #expect(mismatched.problem?.type.hasSuffix("/partner-mismatch") == true)
        try await impostor.shutdown()
    }
}

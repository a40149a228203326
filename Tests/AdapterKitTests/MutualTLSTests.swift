import AdapterKit
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// An aggregator that requires partner client certificates gets one from the adapter's configuration.
struct MutualTLSTests {
    @Test(.timeLimit(.minutes(2))) func theClientCertificateOpensTheAggregator() async throws {
        let harness = try await KitHarness(aggregatorArguments: ["--require-client-certificate"])
        let issued = try CommandRunner.run(
            "credence-aggregator",
            [
                "partner", "cert", "--dir", harness.aggregator.directory, "--id", KitHarness.partnerID, "--out",
                harness.path("client"),
            ])
        #expect(issued.status == 0, "\(issued.stderr)")
        let export = try LineExport.write(harness.url("orders.txt"), orders: 0..<4)

        let anonymous = await harness.run([
            "backfill", "--dir", harness.directory, "--progress", "none", "--give-up-after", "1", export.path,
        ])
        #expect(anonymous.status == 1)
        #expect(anonymous.errorLines.first?.hasPrefix("error: reading the sequence of partner market-test") == true)
        #expect(try await harness.statistics().batches == 0)

        let authenticated = await harness.run([
            "backfill", "--dir", harness.directory, "--progress", "none", "--client-cert", harness.path("client.pem"),
            "--client-key", harness.path("client.key"), export.path,
        ])
        #expect(authenticated.status == 0, "\(authenticated.standardError)")
        #expect(try await harness.statistics().records == 8)
    }
}

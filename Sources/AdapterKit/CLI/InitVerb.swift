import AdapterCore
import ArgumentParser
import CredenceIdentity
import CredenceProtocol
import Foundation

struct InitVerb: AdapterVerb {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an adapter directory: adapter.json and the partner's Ed25519 key pair.",
        discussion: """
            Writes DIR/adapter.json, DIR/partner.key (PEM PKCS#8, mode 0600) and DIR/partner.pub. Refuses a \
            directory that is already initialized. Register partner.pub with the aggregator's operator \
            (credence-aggregator partner add) before the first run.
            """)

    @OptionGroup var directory: DirectoryOption

    @Option(help: "The partner's id in the aggregator's registry.")
    var partnerId: String

    @Option(help: "The aggregator's base URL, e.g. https://aggregator.example:8443.")
    var aggregator: String

    @Option(help: "The aggregator's id: the audience every batch names.")
    var audience: String

    @Option(help: "The aggregator's CA certificate (its ca.pem).")
    var ca: String

    @Option(help: "The aggregator's log public key (its log.pub); receipts are verified with it.")
    var logKey: String

    @Option(help: "The federation linkage key file.")
    var linkageKey: String

    @Option(help: "Phone region of numbers written without a country code: US, CN or CA.")
    var region: String?

    @Option(help: "The key epoch the new key pair will be registered under (1 for a new partner).")
    var keyEpoch: Int = 1

    @Option(help: "mTLS client certificate chain (PEM), for aggregators that require one.")
    var clientCert: String?

    @Option(help: "mTLS client private key (PEM).")
    var clientKey: String?

    @OptionGroup var limits: LimitOptions

    func execute(_ context: ProgramContext) async throws {
        var phoneRegion: PhoneRegion?
        if let region {
            guard let parsed = PhoneRegion(isoCode: region) else {
                let known = PhoneRegion.allCases.map(\.rawValue).joined(separator: ", ")
                throw AdapterError(.usage, "--region '\(region)' is none of \(known)")
            }
            phoneRegion = parsed
        }
        let kind = context.reader.partnerKind
        let configuration = AdapterConfiguration(
            partnerID: partnerId, partnerKind: kind, aggregatorURL: aggregator, audience: audience,
            keyEpoch: keyEpoch, region: phoneRegion, caCertificate: ca, logPublicKey: logKey, linkageKey: linkageKey,
            clientCertificate: clientCert, clientPrivateKey: clientKey
        ).applying(limits.overrides)
        let created = try AdapterDirectory.create(at: directory.dir, configuration: configuration)
        let publicKey = created.path(AdapterDirectory.publicKeyFile)
        let keyID = (try? PublicKey(text: String(contentsOfFile: publicKey, encoding: .utf8)))?.keyID ?? "?"
        context.console.print(
            "initialized \(directory.dir): partner \(partnerId) (\(kind.rawValue)), key epoch \(keyEpoch)")
        context.console.print("partner public key: \(publicKey) (keyid \(keyID))")
        context.console.print(
            "register it with the aggregator: credence-aggregator partner add --dir AGGREGATOR_DIR --id \(partnerId) --kind \(kind.rawValue) --key \(publicKey)"
        )
    }
}

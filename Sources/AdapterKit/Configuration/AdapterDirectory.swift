public import CredenceIdentity
public import CredenceLog
public import CredenceProtocol
public import Foundation

/// An adapter's working directory: `adapter.json`, the partner's key pair, the outbox database and the
/// reject files.
///
/// ```sh
/// credence-lending-adapter init --dir acme --partner-id lender-acme --aggregator https://agg:8443 \
///     --audience agg-1 --ca agg/ca.pem --log-key agg/log.pub --linkage-key federation.key
/// credence-lending-adapter backfill --dir acme exports/2026-11-*.dat
/// ```
public struct AdapterDirectory: Sendable {
    public static let configurationFile = "adapter.json"
    public static let signingKeyFile = "partner.key"
    public static let publicKeyFile = "partner.pub"
    public static let outboxFile = "outbox.sqlite"
    public static let rejectsFolder = "rejects"
    public static let lockFile = "adapter.lock"

    public let url: URL
    /// The file's configuration with the environment's and the flags' overrides applied.
    public let configuration: AdapterConfiguration

    /// Creates a new directory (or fills an existing one) with `adapter.json` and a new Ed25519 key pair
    /// (`partner.key`, mode 0600, and `partner.pub`). Refuses a directory that already has a configuration,
    /// so a partner's key is never overwritten. Paths in `configuration` are made absolute first.
    @discardableResult
    public static func create(at path: String, configuration: AdapterConfiguration) throws(AdapterError)
        -> AdapterDirectory
    {
        let url = URL(fileURLWithPath: path)
        var configuration = configuration
        for keyPath in [\AdapterConfiguration.caCertificate, \.logPublicKey, \.linkageKey] {
            configuration[keyPath: keyPath] = absolutePath(configuration[keyPath: keyPath])
        }
        configuration.clientCertificate = configuration.clientCertificate.map(absolutePath)
        configuration.clientPrivateKey = configuration.clientPrivateKey.map(absolutePath)
        try configuration.validate()
        let configurationPath = url.appendingPathComponent(configurationFile).path
        guard !FileManager.default.fileExists(atPath: configurationPath) else {
            throw AdapterError(
                .directory, "'\(path)' is already initialized (\(configurationFile) exists); refusing to overwrite it")
        }
        let directory = AdapterDirectory(url: url, configuration: configuration)
        _ = try directory.credentials(checkingSigningKey: false)
        try DurableFile.createDirectory(url)
        let key = SigningKey()
        try DurableFile.createNew(
            directory.path(configuration.signingKey), Array(key.pemRepresentation.utf8), mode: 0o600)
        try DurableFile.createNew(
            directory.path(publicKeyFile), Array(key.publicKey.pemRepresentation.utf8), mode: 0o644)
        try DurableFile.createNew(configurationPath, configuration.encoded(), mode: 0o644)
        return directory
    }

    /// Opens an initialized directory: the file's settings, then `environment`'s `CREDENCE_ADAPTER_*`
    /// variables, then `flags`. Refuses a directory initialized for another partner kind.
    public static func open(
        at path: String, kind: PartnerKind, environment: [String: String] = [:], flags: AdapterOverrides = .init()
    ) throws(AdapterError) -> AdapterDirectory {
        let url = URL(fileURLWithPath: path)
        let file = url.appendingPathComponent(configurationFile)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw AdapterError(
                .directory, "'\(path)' is not an adapter directory (no \(configurationFile)); run init first")
        }
        var configuration: AdapterConfiguration
        do {
            configuration = try AdapterConfiguration.decode(Array(data))
        } catch {
            throw AdapterError(.configuration, "\(file.path) is not a valid adapter configuration: \(error.message)")
        }
        configuration = configuration.applying(try AdapterOverrides(environment: environment).resolvingPaths())
            .applying(flags.resolvingPaths())
        try configuration.validate()
        guard configuration.partnerKind == kind else {
            throw AdapterError(
                .configuration,
                "'\(path)' was initialized for a \(configuration.partnerKind.rawValue) partner; this is the \(kind.rawValue) adapter"
            )
        }
        return AdapterDirectory(url: url, configuration: configuration)
    }

    init(url: URL, configuration: AdapterConfiguration) {
        self.url = url
        self.configuration = configuration
    }

    /// A path from the configuration, resolved against the directory.
    public func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : url.appendingPathComponent(relative).path
    }

    public var outboxPath: String { path(Self.outboxFile) }
    public var rejectsURL: URL { url.appendingPathComponent(Self.rejectsFolder) }

    /// Reads and checks every key and certificate the configuration names.
    public func credentials() throws(AdapterError) -> AdapterCredentials {
        try credentials(checkingSigningKey: true)
    }

    private func credentials(checkingSigningKey: Bool) throws(AdapterError) -> AdapterCredentials {
        let settings = configuration
        let signingKey =
            checkingSigningKey
            ? try read("signing_key", settings.signingKey) { try SigningKey(text: $0) } : SigningKey()
        let logKey = try read("log_public_key", settings.logPublicKey) { try PublicKey(text: $0) }
        let caPEM = try read("ca_certificate", settings.caCertificate) { text in
            guard text.contains("-----BEGIN CERTIFICATE-----") else {
                throw CredentialError("holds no PEM certificate")
            }
            return text
        }
        return AdapterCredentials(
            signingKey: signingKey,
            linkageKey: try read("linkage_key", settings.linkageKey) { try LinkageKey(fileContents: $0) },
            trustedCAPEM: caPEM, log: LogIdentity(aggregatorID: settings.audience, publicKey: logKey),
            clientCertificateChainPEM: try settings.clientCertificate.map { file throws(AdapterError) in
                try read("client_certificate", file) { $0 }
            },
            clientPrivateKeyPEM: try settings.clientPrivateKey.map { file throws(AdapterError) in
                try read("client_private_key", file) { $0 }
            })
    }

    /// Reads the file a setting names and parses it, naming the setting and the file in any error.
    private func read<Value>(_ setting: String, _ file: String, _ parse: (String) throws -> Value)
        throws(AdapterError) -> Value
    {
        let resolved = path(file)
        guard let data = FileManager.default.contents(atPath: resolved), let text = String(data: data, encoding: .utf8)
        else {
            throw AdapterError(.configuration, "\(setting): cannot read '\(resolved)'")
        }
        do {
            return try parse(text)
        } catch {
            throw AdapterError(.configuration, "\(setting) '\(resolved)': \(error)")
        }
    }

    /// `path` made absolute against the working directory.
    static func absolutePath(_ path: String) -> String {
        path.hasPrefix("/")
            ? path : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path).path
    }
}

/// The keys and certificates of an adapter directory, read and checked.
public struct AdapterCredentials: Sendable {
    public let signingKey: SigningKey
    public let linkageKey: LinkageKey
    public let trustedCAPEM: String
    /// The aggregator's log: receipts are verified under it.
    public let log: LogIdentity
    public let clientCertificateChainPEM: String?
    public let clientPrivateKeyPEM: String?
}

/// Why a credential file's content is unusable.
private struct CredentialError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

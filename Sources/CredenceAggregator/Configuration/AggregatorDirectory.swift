import CredenceCertificates
public import CredenceProtocol
public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An aggregator's working directory: configuration, development CA and server certificate, the log
/// signing key, the admin token and the SQLite database.
///
/// ```sh
/// credence-aggregator init --dir agg --listen 127.0.0.1:8443 --id agg-1
/// credence-aggregator serve --dir agg
/// ```
public struct AggregatorDirectory: Sendable {
    public static let configurationFile = "aggregator.json"
    public static let caCertificateFile = "ca.pem"
    public static let caPrivateKeyFile = "ca.key"
    public static let logPublicKeyFile = "log.pub"

    public let url: URL
    public let configuration: AggregatorConfiguration

    /// Creates a new working directory; refuses an existing non-empty one, so nothing is overwritten.
    @discardableResult
    public static func create(at path: String, id: String, listen: String) throws(AggregatorError)
        -> AggregatorDirectory
    {
        guard PartnerID.isValid(id) else {
            throw AggregatorError(.usage, "aggregator id '\(id)' must be 2-64 characters of a-z, 0-9, '.', '_', '-'")
        }
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        if manager.fileExists(atPath: path),
            !((try? manager.contentsOfDirectory(atPath: path))?.isEmpty ?? false)
        {
            throw AggregatorError(.directory, "'\(path)' already exists and is not empty; refusing to overwrite it")
        }
        var configuration = AggregatorConfiguration(id: id, listen: listen)
        try configuration.validate()
        let (host, _) = try configuration.listenAddress()
        do {
            try manager.createDirectory(at: url.appendingPathComponent("tls"), withIntermediateDirectories: true)
            let ca = try DevelopmentCA.create(commonName: "Credence \(id) development CA")
            let hosts = Array(Set([host, "localhost", "127.0.0.1", "::1"].filter { !$0.isEmpty && $0 != "0.0.0.0" }))
                .sorted()
            let server = try ca.issueServerCertificate(hosts: hosts)
            let logKey = SigningKey()
            let token = SecureRandom.bytes(32)
            try write(ca.certificatePEM, to: url.appendingPathComponent(caCertificateFile), mode: 0o644)
            try write(ca.privateKeyPEM, to: url.appendingPathComponent(caPrivateKeyFile), mode: 0o600)
            try write(server.chainPEM, to: url.appendingPathComponent(configuration.tlsCertificate), mode: 0o644)
            try write(server.privateKeyPEM, to: url.appendingPathComponent(configuration.tlsPrivateKey), mode: 0o600)
            try write(
                logKey.pemRepresentation, to: url.appendingPathComponent(configuration.logSigningKey), mode: 0o600)
            try write(logKey.publicKey.pemRepresentation, to: url.appendingPathComponent(logPublicKeyFile), mode: 0o644)
            try write(
                Hex.encode(token) + "\n", to: url.appendingPathComponent(configuration.adminTokenFile), mode: 0o600)
            configuration.clientCA = caCertificateFile
            let data = try AggregatorConfiguration.encoder.encode(configuration)
            try write(
                String(decoding: data, as: UTF8.self) + "\n", to: url.appendingPathComponent(configurationFile),
                mode: 0o644)
        } catch let error as AggregatorError {
            throw error
        } catch {
            throw AggregatorError(.directory, "cannot initialize '\(path)': \(error)")
        }
        return AggregatorDirectory(url: url, configuration: configuration)
    }

    /// Opens an existing working directory and applies environment overrides.
    public init(path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(AggregatorError)
    {
        url = URL(fileURLWithPath: path)
        let file = url.appendingPathComponent(Self.configurationFile)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw AggregatorError(
                .directory, "'\(path)' is not an aggregator directory (no \(Self.configurationFile)); run init first")
        }
        var configuration: AggregatorConfiguration
        do {
            configuration = try AggregatorConfiguration.decode(Array(data))
        } catch {
            throw AggregatorError.configuration("\(file.path) is not a valid configuration: \(error.message)")
        }
        try configuration.apply(environment: environment)
        try configuration.validate()
        self.configuration = configuration
    }

    private init(url: URL, configuration: AggregatorConfiguration) {
        self.url = url
        self.configuration = configuration
    }

    /// The same directory with another configuration (for command-line overrides).
    public func with(_ configuration: AggregatorConfiguration) throws(AggregatorError) -> AggregatorDirectory {
        try configuration.validate()
        return AggregatorDirectory(url: url, configuration: configuration)
    }

    /// A path from the configuration, resolved against the directory.
    public func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : url.appendingPathComponent(relative).path
    }

    public func read(_ relative: String) throws(AggregatorError) -> String {
        guard let data = FileManager.default.contents(atPath: path(relative)),
            let text = String(data: data, encoding: .utf8)
        else {
            throw AggregatorError(.directory, "cannot read \(path(relative))")
        }
        return text
    }

    public func logSigningKey() throws(AggregatorError) -> SigningKey {
        do {
            return try SigningKey(text: try read(configuration.logSigningKey))
        } catch let error as ProtocolError {
            throw AggregatorError(.directory, "\(configuration.logSigningKey): \(error.message)")
        } catch {
            throw AggregatorError(.directory, "\(error)")
        }
    }

    public func adminToken() throws(AggregatorError) -> String {
        let token = try read(configuration.adminTokenFile).trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= 32 else { throw AggregatorError(.directory, "the admin token file is too short") }
        return token
    }

    /// A client certificate for a partner (mTLS), issued by this directory's development CA.
    public func issueClientCertificate(partnerID: String) throws(AggregatorError) -> (
        chainPEM: String, privateKeyPEM: String
    ) {
        do {
            let ca = try DevelopmentCA(
                certificatePEM: try read(Self.caCertificateFile), privateKeyPEM: try read(Self.caPrivateKeyFile))
            let issued = try ca.issueClientCertificate(commonName: partnerID)
            return (issued.chainPEM, issued.privateKeyPEM)
        } catch let error as AggregatorError {
            throw error
        } catch {
            throw AggregatorError(.certificate, "cannot issue a client certificate for '\(partnerID)': \(error)")
        }
    }

    /// Creates a file that must not exist yet, with `mode` from the start, flushed to disk.
    public static func writeNewFile(_ path: String, _ text: String, mode: UInt32) throws(AggregatorError) {
        do {
            try write(text, to: URL(fileURLWithPath: path), mode: mode_t(mode))
        } catch let error as AggregatorError {
            throw error
        } catch {
            throw AggregatorError(.directory, "cannot write \(path): \(error)")
        }
    }

    private static func write(_ text: String, to url: URL, mode: mode_t) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            throw AggregatorError(.directory, "cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw AggregatorError(.directory, "cannot write \(url.path)")
        }
    }
}

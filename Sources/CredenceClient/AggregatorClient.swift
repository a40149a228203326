public import AsyncHTTPClient
public import CredenceProtocol
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// An HTTPS client of the aggregator API that trusts a private CA (and can present a partner client
/// certificate): what the CLI and the adapters use to push batches and fetch log proofs.
///
/// ```swift
/// let client = try AggregatorClient(baseURL: "https://127.0.0.1:8443", trustedCAPEM: caPEM)
/// defer { Task { try await client.shutdown() } }
/// let response = try await client.pushEnvelope(bytes)
/// ```
public final class AggregatorClient: Sendable {
    /// An HTTP response: status, body, and the headers a client acts on.
    public struct Reply: Sendable {
        public let status: Int
        public let body: [UInt8]
        public let contentType: String?
        public let retryAfter: Int?

        /// The RFC 9457 document of an error response, when it is one.
        public var problem: Problem? {
            guard status >= 400 else { return nil }
            return try? JSONDecoder().decode(Problem.self, from: Data(body))
        }
    }

    /// The members of a problem document that clients use.
    public struct Problem: Sendable, Decodable {
        public let type: String
        public let title: String
        public let status: Int
        public let detail: String?
        public let expectedSeq: Int64?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail
            case expectedSeq = "expected_seq"
        }
    }

    public let baseURL: String
    private let client: HTTPClient
    private let timeout: TimeAmount

    /// - Parameters:
    ///   - trustedCAPEM: the trust anchor (the aggregator's `ca.pem`); nil trusts the system roots.
    ///   - clientCertificateChainPEM / clientPrivateKeyPEM: a partner certificate for mTLS.
    public init(
        baseURL: String, trustedCAPEM: String?, clientCertificateChainPEM: String? = nil,
        clientPrivateKeyPEM: String? = nil, timeoutSeconds: Int64 = 30
    ) throws(ClientError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        do {
            if let trustedCAPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(trustedCAPEM.utf8)))
            }
            if let clientCertificateChainPEM, let clientPrivateKeyPEM {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(clientCertificateChainPEM.utf8))
                    .map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(clientPrivateKeyPEM.utf8), format: .pem))
            }
        } catch {
            throw ClientError("cannot load the TLS trust anchor or client certificate: \(error)")
        }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(timeoutSeconds))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.timeout = .seconds(timeoutSeconds)
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// `POST /v1/batches` with one DSSE envelope.
    public func pushEnvelope(_ envelope: [UInt8]) async throws(ClientError) -> Reply {
        var request = HTTPClientRequest(url: baseURL + "/v1/batches")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(envelope)
        return try await execute(request)
    }

    /// A GET on the API; `path` starts with `/`.
    public func get(_ path: String, headers: [(String, String)] = []) async throws(ClientError) -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return try await execute(request)
    }

    /// A request with a JSON body (the admin API).
    public func send(_ method: String, _ path: String, json: [UInt8]?, headers: [(String, String)] = [])
        async throws(ClientError) -> Reply
    {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(json)
        }
        return try await execute(request)
    }

    private func execute(_ request: HTTPClientRequest) async throws(ClientError) -> Reply {
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 256 * 1024 * 1024)
            return Reply(
                status: Int(response.status.code), body: Array(buffer: body),
                contentType: response.headers.first(name: "Content-Type"),
                retryAfter: response.headers.first(name: "Retry-After").flatMap(Int.init))
        } catch {
            throw ClientError("\(request.method) \(request.url) failed: \(error)")
        }
    }
}

/// A transport failure: the request did not get an HTTP response.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

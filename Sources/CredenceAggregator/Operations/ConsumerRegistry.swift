import CredenceProtocol
public import CredenceStore
import Crypto
import Foundation

/// Consumers of scores (lenders, landlords, employers) and their API keys, shared by the admin API and
/// `credence-aggregator consumer ...`. A key is shown once, when issued; the store keeps only its SHA-256, so a
/// leaked database does not leak working keys.
public struct ConsumerRegistry: Sendable {
    public struct Entry: Sendable, Encodable {
        public let consumerID: String
        public let name: String
        public let purposes: [String]
        public let createdAt: String
        public let revokedAt: String?
    }

    /// A newly registered consumer and its API key (never retrievable again).
    public struct Issued: Sendable, Encodable {
        public let consumer: Entry
        public let apiKey: String
    }

    /// Every API key starts with this, so a leaked one is recognizable (secret scanners, logs).
    public static let keyPrefix = "credence_ck_"

    public let store: any ScoreStore
    private let now: @Sendable () -> Int64

    public init(store: any ScoreStore, now: @escaping @Sendable () -> Int64) {
        self.store = store
        self.now = now
    }

    /// Registers a consumer whose key may be used for `purposes` (comma-separated permissible purposes).
    public func add(id: String, name: String, purposes text: String) async throws(RegistryError) -> Issued {
        guard PartnerID.isValid(id) else {
            throw RegistryError(
                .malformedRequest, "consumer id '\(id)' must be 2-64 characters of a-z, 0-9, '.', '_', '-'")
        }
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(trimmedName.count) else {
            throw RegistryError(.malformedRequest, "the consumer's name must be 1-200 characters")
        }
        let purposes: [PermissiblePurpose]
        switch PermissiblePurpose.parseList(text) {
        case .success(let parsed): purposes = parsed
        case .failure(let unknown): throw RegistryError(.malformedRequest, unknown.message)
        }
        guard !purposes.isEmpty else {
            throw RegistryError(
                .malformedRequest, "give at least one permissible purpose (\(PermissiblePurpose.listed))")
        }
        let apiKey = Self.keyPrefix + Base64.encodeURLSafe(SecureRandom.bytes(32))
        let record = ConsumerRecord(
            id: id, name: trimmedName, purposes: purposes.map(\.rawValue), keyDigest: Self.digest(apiKey),
            createdAt: now(), revokedAt: nil)
        do {
            try await store.addConsumer(record)
        } catch {
            if error.code == .duplicate {
                throw RegistryError(.alreadyExists, "consumer '\(id)' is already registered")
            }
            throw RegistryError(.internalError, "consumer '\(id)' could not be registered: \(error)")
        }
        return Issued(consumer: Self.entry(record), apiKey: apiKey)
    }

    public func list() async throws(RegistryError) -> [Entry] {
        do {
            return try await store.consumers().map(Self.entry)
        } catch {
            throw RegistryError(.internalError, "\(error)")
        }
    }

    /// Revokes the consumer's key at once: its next query is refused.
    public func revoke(id: String) async throws(RegistryError) -> Entry {
        do {
            try await store.revokeConsumer(id: id, at: now())
            guard let record = try await store.consumer(id: id) else {
                throw RegistryError(.notFound, "no consumer '\(id)'")
            }
            return Self.entry(record)
        } catch let error as RegistryError {
            throw error
        } catch let error as StoreError {
            throw RegistryError(error.code == .notFound ? .notFound : .internalError, error.message)
        } catch {
            throw RegistryError(.internalError, "\(error)")
        }
    }

    /// The consumer an API key belongs to; refuses an unknown key and a revoked one.
    public func authenticate(apiKey: String) async throws(RegistryError) -> ConsumerRecord {
        let record: ConsumerRecord?
        do {
            record = try await store.consumer(keyDigest: Self.digest(apiKey))
        } catch {
            throw RegistryError(.internalError, "\(error)")
        }
        guard let record else {
            throw RegistryError(.unauthenticated, "the API key is not one this aggregator issued")
        }
        guard record.revokedAt == nil else {
            throw RegistryError(.revokedAPIKey, "the API key of consumer '\(record.id)' was revoked")
        }
        return record
    }

    static func digest(_ apiKey: String) -> [UInt8] { Array(SHA256.hash(data: Array(apiKey.utf8))) }

    private static func entry(_ record: ConsumerRecord) -> Entry {
        Entry(
            consumerID: record.id, name: record.name, purposes: record.purposes,
            createdAt: Timestamp(secondsSinceEpoch: record.createdAt).rawValue,
            revokedAt: record.revokedAt.map { Timestamp(secondsSinceEpoch: $0).rawValue })
    }
}

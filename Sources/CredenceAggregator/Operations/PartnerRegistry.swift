public import CredenceProtocol
public import CredenceStore

/// Partner and key management, shared by the admin API and `credence-aggregator partner ...`.
/// Keys are checked (small-order, non-canonical) before they are stored.
public struct PartnerRegistry: Sendable {
    public struct Entry: Sendable, Encodable {
        public struct Key: Sendable, Encodable {
            public let epoch: Int
            public let keyID: String
            public let publicKey: String
            public let addedAt: String
            public let revokedAt: String?
        }

        public let partnerID: String
        public let kind: String
        public let keys: [Key]
    }

    public let store: any Store
    private let now: @Sendable () -> Int64

    public init(store: any Store, now: @escaping @Sendable () -> Int64) {
        self.store = store
        self.now = now
    }

    /// Registers a partner with its first key (epoch 1).
    public func add(id: String, kind: String, publicKey text: String) async throws(RegistryError) -> Entry {
        guard PartnerID.isValid(id) else {
            throw RegistryError(
                .malformedRequest, "partner id '\(id)' must be 2-64 characters of a-z, 0-9, '.', '_', '-'")
        }
        guard let partnerKind = PartnerKind(rawValue: kind) else {
            throw RegistryError(.malformedRequest, "kind must be lending, commerce or social, not '\(kind)'")
        }
        let key = try Self.publicKey(text)
        do {
            try await store.addPartner(PartnerRecord(id: id, kind: partnerKind, createdAt: now()))
            try await store.addKey(PartnerKeyRecord(partnerID: id, epoch: 1, publicKey: key, addedAt: now()))
        } catch {
            if error.code == .duplicate {
                throw RegistryError(.alreadyExists, "partner '\(id)' is already registered")
            }
            throw RegistryError(.internalError, "partner '\(id)' could not be registered: \(error)")
        }
        return try await entry(id)
    }

    /// Adds the partner's next key epoch. The previous keys stay valid until revoked, so batches signed
    /// before the rotation still verify.
    public func rotate(id: String, publicKey text: String) async throws(RegistryError) -> Entry {
        let existing = try await keys(id)
        let key = try Self.publicKey(text)
        if existing.contains(where: { $0.publicKey == key }) {
            throw RegistryError(.malformedRequest, "partner '\(id)' already has this key")
        }
        let epoch = (existing.map(\.epoch).max() ?? 0) + 1
        do {
            try await store.addKey(PartnerKeyRecord(partnerID: id, epoch: epoch, publicKey: key, addedAt: now()))
        } catch {
            throw RegistryError(.internalError, "\(error)")
        }
        return try await entry(id)
    }

    public func revoke(id: String, epoch: Int) async throws(RegistryError) -> Entry {
        _ = try await keys(id)
        do {
            try await store.revokeKey(partnerID: id, epoch: epoch, at: now())
        } catch {
            throw RegistryError(error.code == .notFound ? .notFound : .internalError, error.message)
        }
        return try await entry(id)
    }

    public func list() async throws(RegistryError) -> [Entry] {
        let partners: [PartnerRecord]
        do {
            partners = try await store.partners()
        } catch {
            throw RegistryError(.internalError, "\(error)")
        }
        var entries: [Entry] = []
        for partner in partners { entries.append(try await entry(partner.id)) }
        return entries
    }

    public func entry(_ id: String) async throws(RegistryError) -> Entry {
        let partner: PartnerRecord?
        do {
            partner = try await store.partner(id)
        } catch {
            throw RegistryError(.internalError, "\(error)")
        }
        guard let partner else { throw RegistryError(.notFound, "no registered partner '\(id)'") }
        let keys = try await keys(id).map { key in
            Entry.Key(
                epoch: key.epoch, keyID: key.publicKey.keyID, publicKey: Hex.encode(key.publicKey.rawRepresentation),
                addedAt: Timestamp(secondsSinceEpoch: key.addedAt).rawValue,
                revokedAt: key.revokedAt.map { Timestamp(secondsSinceEpoch: $0).rawValue })
        }
        return Entry(partnerID: partner.id, kind: partner.kind.rawValue, keys: keys)
    }

    private func keys(_ id: String) async throws(RegistryError) -> [PartnerKeyRecord] {
        let keys: [PartnerKeyRecord]
        do {
            guard try await store.partner(id) != nil else {
                throw RegistryError(.notFound, "no registered partner '\(id)'")
            }
            keys = try await store.keys(ofPartner: id)
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError(.internalError, "\(error)")
        }
        return keys
    }

    private static func publicKey(_ text: String) throws(RegistryError) -> PublicKey {
        do {
            return try PublicKey(text: text)
        } catch {
            throw RegistryError(.weakKey, error.message)
        }
    }
}

/// A registry operation that failed, with the problem type the admin API answers.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    public let problem: ProblemType
    public let message: String

    public init(_ problem: ProblemType, _ message: String) {
        self.problem = problem
        self.message = message
    }

    public var description: String { message }
}

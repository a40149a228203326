import CredenceIdentity
public import CredenceProtocol
import Crypto
public import Foundation

/// A partner that signs well-formed batches in sequence (tracking `batch_seq` and `prev_batch_sha256`),
/// for tests and benchmarks of the ingest path. Its records are commerce events or tradeline snapshots
/// with deterministic tokens, no real identities.
public struct SyntheticPartner: Sendable {
    public let id: String
    public let kind: PartnerKind
    public let audience: String
    public let key: SigningKey
    public var keyEpoch: Int
    public private(set) var nextSequence: Int64 = 1
    public private(set) var previousBatchID: String?

    public init(
        id: String, kind: PartnerKind = .commerce, audience: String, key: SigningKey = SigningKey(), keyEpoch: Int = 1
    ) {
        self.id = id
        self.kind = kind
        self.audience = audience
        self.key = key
        self.keyEpoch = keyEpoch
    }

    public var publicKeyPEM: String { key.publicKey.pemRepresentation }

    /// The next batch in the chain, signed; advances the chain.
    public mutating func nextEnvelope(records: Int = 3, createdAt: Int64 = Int64(Date().timeIntervalSince1970))
        -> [UInt8]
    {
        let batch = makeBatch(sequence: nextSequence, previous: previousBatchID, records: records, createdAt: createdAt)
        let payload = batch.serialized()
        previousBatchID = Envelope.digest(of: payload)
        nextSequence += 1
        return sign(payload)
    }

    /// The next batch in the chain with the given records, signed; advances the chain.
    public mutating func nextEnvelope(
        records: [Record], createdAt: Int64 = Int64(Date().timeIntervalSince1970)
    ) -> [UInt8] {
        let batch = Batch(
            partnerID: try! PartnerID(id), partnerKind: kind, audience: try! PartnerID(audience), keyEpoch: keyEpoch,
            batchSeq: nextSequence, prevBatchSha256: previousBatchID.map { try! SHA256Digest($0) },
            createdAt: Timestamp(secondsSinceEpoch: createdAt), sourceFormat: Self.sourceFormat(kind), records: records)
        let payload = batch.serialized()
        previousBatchID = Envelope.digest(of: payload)
        nextSequence += 1
        return sign(payload)
    }

    /// A commerce event about `subject`, for tests that need real subjects on otherwise plain records.
    public func commerceRecord(_ id: String, about subject: SubjectReference, createdAt: Int64) -> Record {
        Record(
            recordID: try! RawCode(id), subjects: [subject],
            fact: .commerceEvent(
                try! CommerceEvent(
                    event: .paymentCaptured, occurredAt: Timestamp(secondsSinceEpoch: createdAt - 60),
                    orderKey: token("order-\(id)"), amount: 1_000, currency: CurrencyCode("USD"), paymentMethod: .card))
        )
    }

    /// Signs any payload bytes as a batch envelope with this partner's key.
    public func sign(_ payload: [UInt8]) -> [UInt8] {
        EnvelopeSigner.sign(payload: payload, payloadType: PayloadType.batchV1, with: [key]).serialized()
    }

    /// A batch at an arbitrary place in the chain (for gap, conflict and replay tests); does not advance.
    public func makeBatch(
        sequence: Int64, previous: String?, records: Int, createdAt: Int64, salt: String = ""
    ) -> Batch {
        let base = Int(sequence) * 1_000_000
        let records = (0..<max(records, 1)).map { index in record(base + index, salt: salt, createdAt: createdAt) }
        return Batch(
            partnerID: try! PartnerID(id), partnerKind: kind, audience: try! PartnerID(audience), keyEpoch: keyEpoch,
            batchSeq: sequence, prevBatchSha256: previous.map { try! SHA256Digest($0) },
            createdAt: Timestamp(secondsSinceEpoch: createdAt), sourceFormat: Self.sourceFormat(kind), records: records)
    }

    private func token(_ label: String) -> Token {
        try! Token(Base64.encodeURLSafe(Array(SHA256.hash(data: Array("\(id)/\(label)".utf8)))))
    }

    private func record(_ number: Int, salt: String, createdAt: Int64) -> Record {
        let subject = SubjectReference(
            subjectKey: token("subject-\(number % 9973)"),
            identifiers: [IdentifierToken(type: .phoneE164, token: token("phone-\(number % 9973)"))])
        let fact: Record.Fact
        switch kind {
        case .lending:
            fact = .tradelineSnapshot(
                try! TradelineSnapshot(
                    furnisherID: RawCode("FURN-\(id.prefix(20))"), accountKey: token("account-\(number)\(salt)"),
                    portfolio: .revolving, portfolioRaw: RawCode("R"), accountTypeRaw: RawCode("18"),
                    asOf: CalendarDate(daysSinceEpoch: Int(createdAt / 86_400) - 1),
                    openedOn: CalendarDate("2019-05-01"), currency: CurrencyCode("USD"),
                    balance: Int64(number % 500_000), pastDue: 0, status: .current, statusRaw: RawCode("11")))
        case .commerce, .social:
            fact = .commerceEvent(
                try! CommerceEvent(
                    event: .paymentCaptured, occurredAt: Timestamp(secondsSinceEpoch: createdAt - 60),
                    orderKey: token("order-\(number)\(salt)"), amount: Int64(100 + number % 99_900),
                    currency: CurrencyCode("CNY"), paymentMethod: .card))
        }
        return Record(recordID: try! RawCode("r\(number)\(salt)"), subjects: [subject], fact: fact)
    }

    private static func sourceFormat(_ kind: PartnerKind) -> SourceFormat {
        switch kind {
        case .lending: .metro2Character
        case .commerce: .shopifyAdminREST
        case .social: .xArchive
        }
    }
}

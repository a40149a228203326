import CredenceIdentity
import Crypto
import Foundation

@testable import CredenceProtocol

/// The sample batches behind `protocol/vectors/`: one per partner kind, built from made-up raw identities
/// through the real normalizers, tokenizer and Bloom encoder with the published TEST linkage key, and
/// signed with published TEST signing keys. Nothing here is secret; never trust these keys anywhere.
enum SampleBatches {
    static let linkageKey = try! LinkageKey(
        bytes: Array(SHA256.hash(data: Array("credence/vectors/v1/linkage-key".utf8))))

    static func signingKey(for kind: PartnerKind) -> SigningKey {
        try! SigningKey(seed: Array(SHA256.hash(data: Array("credence/vectors/v1/\(kind.rawValue)-partner".utf8))))
    }

    static let tokenizer = IdentifierTokenizer(key: linkageKey)
    static let encoder = BloomEncoder(key: linkageKey)
    static let audience = try! PartnerID("credence-aggregator-dev")

    static func token(_ type: TokenType, _ raw: String, region: PhoneRegion? = nil) -> Token {
        let normalized = try! IdentifierNormalizer.normalize(raw, as: type, defaultRegion: region)
        return try! Token(tokenizer.token(type, normalized: normalized))
    }

    static func encoding(_ filter: BloomFilter) -> BloomEncoding { try! BloomEncoding(filter.base64url) }

    static func code(_ text: String) -> RawCode { try! RawCode(text) }

    static func batch(for kind: PartnerKind) -> Batch {
        switch kind {
        case .lending: lending
        case .commerce: commerce
        case .social: social
        }
    }

    static func envelope(for kind: PartnerKind) -> Envelope {
        EnvelopeSigner.sign(
            payload: batch(for: kind).serialized(), payloadType: PayloadType.batchV1, with: [signingKey(for: kind)])
    }

    // MARK: Lending: a Metro 2 credit card with a primary holder and an authorized user, and a deletion.

    static let lending: Batch = {
        let primary = SubjectReference(
            subjectKey: token(.partnerSubject, "lender-acme:cust-000184"), role: .primary, roleRaw: code("1"),
            identifiers: [
                IdentifierToken(type: .usSSN, token: token(.usSSN, "123-45-6789")),
                IdentifierToken(type: .phoneE164, token: token(.phoneE164, "(212) 555-0100", region: .us)),
            ],
            encodings: SubjectEncodings(
                name: encoding(try! encoder.encodeName(given: "John", middle: "Q", family: "Public")),
                birthDate: encoding(encoder.encodeBirthDate(try! BirthDate(parsing: "1985-03-14"))),
                address: encoding(
                    try! encoder.encodeAddress(
                        PostalAddress(
                            line1: "123 Main Street", line2: "Apt 4", city: "Springfield", region: "IL",
                            postalCode: "62701", country: "US")))))
        let authorizedUser = SubjectReference(
            subjectKey: token(.partnerSubject, "lender-acme:cust-000185"), role: .authorizedUser, roleRaw: code("3"),
            encodings: SubjectEncodings(
                name: encoding(try! encoder.encodeName(given: "Jane", family: "Public")),
                birthDate: encoding(encoder.encodeBirthDate(try! BirthDate(parsing: "1987-11-02")))))
        let history: [TradelineSnapshot.PaymentHistoryMonth] = [
            .init(month: try! YearMonth("2026-09"), status: .dpd30, statusRaw: code("1")),
            .init(month: try! YearMonth("2026-08"), status: .current, statusRaw: code("0")),
            .init(month: try! YearMonth("2026-07"), status: .current, statusRaw: code("0")),
        ]
        let snapshot = TradelineSnapshot(
            furnisherID: code("ACMEBANK01"), accountKey: token(.accountKey, "ACMEBANK01:4111000012345678"),
            portfolio: .revolving, portfolioRaw: code("R"), accountTypeRaw: code("18"),
            asOf: try! CalendarDate("2026-10-31"), openedOn: try! CalendarDate("2019-05-01"), closedOn: nil,
            lastPaymentOn: try! CalendarDate("2026-10-12"), firstDelinquencyOn: try! CalendarDate("2026-09-30"),
            currency: try! CurrencyCode("USD"), creditLimit: 500_000, originalAmount: 500_000,
            scheduledPayment: 4_500, actualPayment: 4_500, balance: 231_700, pastDue: 4_500, chargeOffAmount: nil,
            termsDurationRaw: code("REV"), termsFrequencyRaw: code("M"), status: .dpd30, statusRaw: code("71"),
            paymentRatingRaw: nil, paymentHistory: history, specialCommentRaw: nil, complianceConditionRaw: nil,
            consumerInformationRaw: nil, disputed: false, correction: false, interestType: .variable)
        let deletion = Deletion(
            furnisherID: code("ACMEBANK01"), accountKey: token(.accountKey, "ACMEBANK01:4111000099990000"),
            scope: .account, reason: .fraud, reasonRaw: code("DF"))
        let event = TradelineEvent(
            furnisherID: code("ACMEBANK01"), accountKey: token(.accountKey, "ACMEBANK01:4111000055554444"),
            event: .becameDelinquent, month: try! YearMonth("2026-10"), daysPastDue: 30, statusRaw: code("71"))
        return Batch(
            partnerID: try! PartnerID("lender-acme"), partnerKind: .lending, audience: audience, keyEpoch: 1,
            batchSeq: 1, prevBatchSha256: nil, createdAt: try! Timestamp("2026-11-01T02:00:00Z"),
            sourceFormat: .metro2Character,
            records: [
                Record(
                    recordID: code("acme-2026-10-000001"), subjects: [primary, authorizedUser],
                    fact: .tradelineSnapshot(snapshot),
                    provenance: .init(file: code("ACME_2026-10.m2"), line: 2, offset: nil)),
                Record(
                    recordID: code("acme-2026-10-000002"), subjects: [primary], fact: .deletion(deletion),
                    provenance: .init(file: code("ACME_2026-10.m2"), line: 3, offset: nil)),
                Record(
                    recordID: code("acme-2026-10-000003-event-1"), subjects: [primary], fact: .tradelineEvent(event),
                    provenance: .init(file: code("ACME_2026-10.m2"), line: 4, offset: nil)),
            ])
    }()

    // MARK: Commerce: a pay-later order with an instalment paid late, and a chargeback the buyer lost.

    static let commerce: Batch = {
        let buyer = SubjectReference(
            subjectKey: token(.partnerSubject, "market-shopco:customer-207119443"),
            identifiers: [
                IdentifierToken(type: .email, token: token(.email, "Wei.Zhang+shop@Gmail.com"), verified: true),
                IdentifierToken(
                    type: .emailMatch, token: token(.emailMatch, "Wei.Zhang+shop@Gmail.com"), verified: true),
                IdentifierToken(type: .phoneE164, token: token(.phoneE164, "139 1234 5678", region: .cn)),
            ],
            encodings: SubjectEncodings(
                name: encoding(try! encoder.encodeName(full: "张伟")),
                address: encoding(
                    try! encoder.encodeAddress(
                        PostalAddress(
                            line1: "88 Century Avenue", line2: "", city: "Shanghai", region: "SH", postalCode: "200120",
                            country: "CN")))))
        let order = token(.orderKey, "market-shopco:450789469")
        let placed = CommerceEvent(
            event: .orderPlaced, occurredAt: try! Timestamp("2026-10-02T08:15:00Z"), orderKey: order, amount: 59_800,
            currency: try! CurrencyCode("CNY"), paymentMethod: .bnpl, bnplProvider: code("klarna"),
            financialStatusRaw: code("partially_paid"), chargeback: nil, installment: nil)
        let installmentPaid = CommerceEvent(
            event: .installmentPaid, occurredAt: try! Timestamp("2026-10-20T09:00:00Z"), orderKey: order,
            amount: 14_950, currency: try! CurrencyCode("CNY"), paymentMethod: .bnpl, bnplProvider: code("klarna"),
            financialStatusRaw: nil, chargeback: nil,
            installment: .init(
                scheduleKey: token(.orderKey, "market-shopco:450789469/schedule-1"), sequence: 1,
                dueAt: try! Timestamp("2026-10-16T00:00:00Z"), paidAt: try! Timestamp("2026-10-20T09:00:00Z")))
        let chargeback = CommerceEvent(
            event: .chargebackClosed, occurredAt: try! Timestamp("2026-10-28T11:30:00Z"),
            orderKey: token(.orderKey, "market-shopco:450789470"), amount: 12_000, currency: try! CurrencyCode("CNY"),
            paymentMethod: .card, bnplProvider: nil, financialStatusRaw: nil,
            chargeback: .init(
                reason: .notReceived, reasonRaw: code("product_not_received"), networkReasonCode: code("4855"),
                statusRaw: code("lost"), outcome: .lost),
            installment: nil)
        let records = [placed, installmentPaid, chargeback].enumerated().map { index, event in
            Record(
                recordID: code("shopco-evt-\(index + 1)"), subjects: [buyer], fact: .commerceEvent(event),
                provenance: .init(file: code("orders-2026-10.jsonl"), line: index + 1, offset: nil))
        }
        return Batch(
            partnerID: try! PartnerID("market-shopco"), partnerKind: .commerce, audience: audience, keyEpoch: 1,
            batchSeq: 7, prevBatchSha256: try! SHA256Digest(Hex.encode(SHA256.hash(data: Array("batch 6".utf8)))),
            createdAt: try! Timestamp("2026-11-01T03:00:00Z"), sourceFormat: .shopifyAdminREST, records: records)
    }()

    // MARK: Social: an X account with an email change, no content of any kind.

    static let social: Batch = {
        let member = SubjectReference(
            subjectKey: token(.partnerSubject, "platform-chirp:x-1453402940"),
            identifiers: [
                IdentifierToken(type: .platformAccount, token: token(.platformAccount, "x:1453402940")),
                IdentifierToken(type: .email, token: token(.email, "jq.public@example.com"), verified: nil),
                IdentifierToken(type: .phoneE164, token: token(.phoneE164, "+1 212 555 0100"), verified: nil),
            ],
            encodings: SubjectEncodings(name: encoding(try! encoder.encodeName(full: "John Public"))))
        let fact = SocialAccountFact(
            platform: code("x"), platformAccountKey: token(.platformAccount, "x:1453402940"),
            observedAt: try! Timestamp("2026-10-30T17:04:11Z"),
            accountCreatedAt: try! Timestamp("2012-04-27T17:35:40Z"),
            accountState: .active, emailVerified: nil, phoneVerified: nil, identityVerification: nil,
            badgePaidOrLegacy: false,
            identifierChanges: [.init(type: .email, changedAt: try! Timestamp("2020-06-01T10:00:00Z"))])
        return Batch(
            partnerID: try! PartnerID("platform-chirp"), partnerKind: .social, audience: audience, keyEpoch: 2,
            batchSeq: 1, prevBatchSha256: nil, createdAt: try! Timestamp("2026-11-01T04:00:00Z"),
            sourceFormat: .xArchive,
            records: [
                Record(
                    recordID: code("chirp-2026-10-30-000001"), subjects: [member], fact: .socialAccountFact(fact),
                    provenance: .init(file: code("twitter-2026-10-30.zip"), line: nil, offset: nil))
            ])
    }()
}

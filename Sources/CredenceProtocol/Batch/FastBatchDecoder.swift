import CredenceIdentity

/// A direct decoder of batches as partners send them: commerce events and tradeline snapshots, read
/// straight from a parsed JSON value without `Decodable`'s containers, which cost most of an ingest's CPU
/// time (a box and a path per field, a metadata lookup per container). It reads a ``JSONValue`` tree (the
/// reference path, after ``StrictJSONParser``) or the payload bytes themselves through a ``JSONTape``
/// (``BatchPayloadReader``, the ingest path): one definition of the fields serves both.
///
/// It never decides anything on its own: it returns a batch only when every object it reads has exactly
/// the members its type declares, each of the right JSON type and format, which is when ``StrictDecoder``
/// returns the same batch. For anything else (another record kind, an unknown or missing member, a bad
/// value) it returns nil and the caller decodes with ``StrictDecoder``, whose result and error stand.
/// A member here is named as `Decodable` names it: the snake_case of the coding key.
enum FastBatchDecoder<Value: BatchJSONValue> {
    static func batch(_ value: Value) -> Batch? {
        guard var fields = Fields(value),
            let partnerID = fields.required("partner_id", validated(PartnerID.self)),
            let partnerKind = fields.required("partner_kind", enumeration(PartnerKind.self)),
            let audience = fields.required("audience", validated(PartnerID.self)),
            let keyEpoch = fields.required("key_epoch", integer(Int.self)),
            let batchSeq = fields.required("batch_seq", integer(Int64.self)),
            // Required even when null, as Batch.init(from:) decodes it (`decode(SHA256Digest?.self)`).
            let previous = fields.required("prev_batch_sha256", nullable(validated(SHA256Digest.self))),
            let createdAt = fields.required("created_at", validated(Timestamp.self)),
            let sourceFormat = fields.required("source_format", enumeration(SourceFormat.self)),
            let records = fields.required("records", array(Self.record)),
            fields.isComplete
        else { return nil }
        return Batch(
            partnerID: partnerID, partnerKind: partnerKind, audience: audience, keyEpoch: keyEpoch,
            batchSeq: batchSeq, prevBatchSha256: previous, createdAt: createdAt, sourceFormat: sourceFormat,
            records: records)
    }

    // MARK: Records

    static func record(_ value: Value) -> Record? {
        guard var fields = Fields(value),
            let recordID = fields.required("record_id", validated(RawCode.self)),
            let subjects = fields.required("subjects", array(Self.subject)),
            let provenance = fields.optional("provenance", Self.provenance),
            let kind = fields.required("kind", enumeration(RecordKind.self))
        else { return nil }
        let fact: Record.Fact
        switch kind {
        case .commerceEvent:
            guard let event = fields.required("fact", Self.commerceEvent) else { return nil }
            fact = .commerceEvent(event)
        case .tradelineSnapshot:
            guard let snapshot = fields.required("fact", Self.tradelineSnapshot) else { return nil }
            fact = .tradelineSnapshot(snapshot)
        case .tradelineEvent, .accountKeyChange, .deletion, .socialAccountFact:
            return nil
        }
        guard fields.isComplete else { return nil }
        return Record(recordID: recordID, subjects: subjects, fact: fact, provenance: provenance)
    }

    static func provenance(_ value: Value) -> Record.Provenance? {
        guard var fields = Fields(value),
            let file = fields.optional("file", validated(RawCode.self)),
            let line = fields.optional("line", integer(Int.self)),
            let offset = fields.optional("offset", integer(Int64.self)),
            fields.isComplete
        else { return nil }
        return Record.Provenance(file: file, line: line, offset: offset)
    }

    static func subject(_ value: Value) -> SubjectReference? {
        guard var fields = Fields(value),
            let subjectKey = fields.required("subject_key", validated(Token.self)),
            let role = fields.required("role", enumeration(SubjectRole.self)),
            let roleRaw = fields.optional("role_raw", validated(RawCode.self)),
            let identifiers = fields.required("identifiers", array(Self.identifier)),
            let encodings = fields.optional("encodings", Self.encodings),
            fields.isComplete
        else { return nil }
        return SubjectReference(
            subjectKey: subjectKey, role: role, roleRaw: roleRaw, identifiers: identifiers, encodings: encodings)
    }

    static func identifier(_ value: Value) -> IdentifierToken? {
        guard var fields = Fields(value),
            let type = fields.required("type", enumeration(TokenType.self)),
            let token = fields.required("token", validated(Token.self)),
            let verified = fields.optional("verified", boolean),
            let verifiedBy = fields.optional("verified_by", validated(RawCode.self)),
            let firstSeen = fields.optional("first_seen", validated(CalendarDate.self)),
            let lastSeen = fields.optional("last_seen", validated(CalendarDate.self)),
            let containsName = fields.optional("contains_name", boolean),
            fields.isComplete
        else { return nil }
        return IdentifierToken(
            type: type, token: token, verified: verified, verifiedBy: verifiedBy, firstSeen: firstSeen,
            lastSeen: lastSeen, containsName: containsName)
    }

    static func encodings(_ value: Value) -> SubjectEncodings? {
        guard var fields = Fields(value),
            let name = fields.optional("name", validated(BloomEncoding.self)),
            let birthDate = fields.optional("birth_date", validated(BloomEncoding.self)),
            let address = fields.optional("address", validated(BloomEncoding.self)),
            fields.isComplete
        else { return nil }
        return SubjectEncodings(name: name, birthDate: birthDate, address: address)
    }

    // MARK: Facts

    static func commerceEvent(_ value: Value) -> CommerceEvent? {
        guard var fields = Fields(value),
            let event = fields.required("event", enumeration(CommerceEvent.EventType.self)),
            let occurredAt = fields.required("occurred_at", validated(Timestamp.self)),
            let orderKey = fields.required("order_key", validated(Token.self)),
            let amount = fields.required("amount", integer(Int64.self)),
            let currency = fields.required("currency", validated(CurrencyCode.self)),
            let paymentMethod = fields.required("payment_method", enumeration(CommerceEvent.PaymentMethod.self)),
            let bnplProvider = fields.optional("bnpl_provider", validated(RawCode.self)),
            let financialStatusRaw = fields.optional("financial_status_raw", validated(RawCode.self)),
            let chargeback = fields.optional("chargeback", Self.chargeback),
            let installment = fields.optional("installment", Self.installment),
            fields.isComplete
        else { return nil }
        return CommerceEvent(
            event: event, occurredAt: occurredAt, orderKey: orderKey, amount: amount, currency: currency,
            paymentMethod: paymentMethod, bnplProvider: bnplProvider, financialStatusRaw: financialStatusRaw,
            chargeback: chargeback, installment: installment)
    }

    static func chargeback(_ value: Value) -> CommerceEvent.Chargeback? {
        guard var fields = Fields(value),
            let reason = fields.required("reason", enumeration(CommerceEvent.Chargeback.Reason.self)),
            let reasonRaw = fields.required("reason_raw", validated(RawCode.self)),
            let networkReasonCode = fields.optional("network_reason_code", validated(RawCode.self)),
            let statusRaw = fields.required("status_raw", validated(RawCode.self)),
            let outcome = fields.optional("outcome", enumeration(CommerceEvent.Chargeback.Outcome.self)),
            fields.isComplete
        else { return nil }
        return CommerceEvent.Chargeback(
            reason: reason, reasonRaw: reasonRaw, networkReasonCode: networkReasonCode, statusRaw: statusRaw,
            outcome: outcome)
    }

    static func installment(_ value: Value) -> CommerceEvent.Installment? {
        guard var fields = Fields(value),
            let scheduleKey = fields.required("schedule_key", validated(Token.self)),
            let sequence = fields.required("sequence", integer(Int.self)),
            let dueAt = fields.required("due_at", validated(Timestamp.self)),
            let paidAt = fields.optional("paid_at", validated(Timestamp.self)),
            fields.isComplete
        else { return nil }
        return CommerceEvent.Installment(scheduleKey: scheduleKey, sequence: sequence, dueAt: dueAt, paidAt: paidAt)
    }

    static func tradelineSnapshot(_ value: Value) -> TradelineSnapshot? {
        typealias Snapshot = TradelineSnapshot
        guard var fields = Fields(value),
            let furnisherID = fields.required("furnisher_id", validated(RawCode.self)),
            let accountKey = fields.required("account_key", validated(Token.self)),
            let portfolio = fields.required("portfolio", enumeration(Snapshot.Portfolio.self)),
            let portfolioRaw = fields.required("portfolio_raw", validated(RawCode.self)),
            let accountTypeRaw = fields.required("account_type_raw", validated(RawCode.self)),
            let asOf = fields.required("as_of", validated(CalendarDate.self)),
            let openedOn = fields.required("opened_on", validated(CalendarDate.self)),
            let closedOn = fields.optional("closed_on", validated(CalendarDate.self)),
            let lastPaymentOn = fields.optional("last_payment_on", validated(CalendarDate.self)),
            let firstDelinquencyOn = fields.optional("first_delinquency_on", validated(CalendarDate.self)),
            let currency = fields.required("currency", validated(CurrencyCode.self)),
            let creditLimit = fields.optional("credit_limit", integer(Int64.self)),
            let originalAmount = fields.optional("original_amount", integer(Int64.self)),
            let scheduledPayment = fields.optional("scheduled_payment", integer(Int64.self)),
            let actualPayment = fields.optional("actual_payment", integer(Int64.self)),
            let balance = fields.required("balance", integer(Int64.self)),
            let pastDue = fields.required("past_due", integer(Int64.self)),
            let chargeOffAmount = fields.optional("charge_off_amount", integer(Int64.self)),
            let termsDurationRaw = fields.optional("terms_duration_raw", validated(RawCode.self)),
            let termsFrequencyRaw = fields.optional("terms_frequency_raw", validated(RawCode.self)),
            let status = fields.required("status", enumeration(Snapshot.AccountStatus.self)),
            let statusRaw = fields.required("status_raw", validated(RawCode.self)),
            let paymentRatingRaw = fields.optional("payment_rating_raw", validated(RawCode.self)),
            let paymentHistory = fields.required("payment_history", array(Self.paymentHistoryMonth)),
            let specialCommentRaw = fields.optional("special_comment_raw", validated(RawCode.self)),
            let complianceConditionRaw = fields.optional("compliance_condition_raw", validated(RawCode.self)),
            let consumerInformationRaw = fields.optional("consumer_information_raw", validated(RawCode.self)),
            let disputed = fields.required("disputed", boolean),
            let correction = fields.required("correction", boolean),
            let interestType = fields.optional("interest_type", enumeration(Snapshot.InterestType.self)),
            fields.isComplete
        else { return nil }
        return TradelineSnapshot(
            furnisherID: furnisherID, accountKey: accountKey, portfolio: portfolio, portfolioRaw: portfolioRaw,
            accountTypeRaw: accountTypeRaw, asOf: asOf, openedOn: openedOn, closedOn: closedOn,
            lastPaymentOn: lastPaymentOn, firstDelinquencyOn: firstDelinquencyOn, currency: currency,
            creditLimit: creditLimit, originalAmount: originalAmount, scheduledPayment: scheduledPayment,
            actualPayment: actualPayment, balance: balance, pastDue: pastDue, chargeOffAmount: chargeOffAmount,
            termsDurationRaw: termsDurationRaw, termsFrequencyRaw: termsFrequencyRaw, status: status,
            statusRaw: statusRaw, paymentRatingRaw: paymentRatingRaw, paymentHistory: paymentHistory,
            specialCommentRaw: specialCommentRaw, complianceConditionRaw: complianceConditionRaw,
            consumerInformationRaw: consumerInformationRaw, disputed: disputed, correction: correction,
            interestType: interestType)
    }

    static func paymentHistoryMonth(_ value: Value) -> TradelineSnapshot.PaymentHistoryMonth? {
        guard var fields = Fields(value),
            let month = fields.required("month", validated(YearMonth.self)),
            let status = fields.required("status", enumeration(TradelineSnapshot.MonthStatus.self)),
            let statusRaw = fields.required("status_raw", validated(RawCode.self)),
            fields.isComplete
        else { return nil }
        return TradelineSnapshot.PaymentHistoryMonth(month: month, status: status, statusRaw: statusRaw)
    }

    // MARK: Values, each as StrictDecoder's single-value container reads it

    static func validated<T: ValidatedString>(_ type: T.Type) -> (Value) -> T? {
        { value in
            guard let text = value.string, T.isValid(text) else { return nil }
            return T(unchecked: text)
        }
    }

    /// `RawRepresentable`'s `init(from:)`: a string that is one of the raw values.
    static func enumeration<T: RawRepresentable>(_ type: T.Type) -> (Value) -> T? where T.RawValue == String {
        { value in
            value.string.flatMap(T.init(rawValue:))
        }
    }

    /// An integer literal that fits, read from its text as StrictDecoder reads it.
    static func integer<T: FixedWidthInteger>(_ type: T.Type) -> (Value) -> T? {
        { value in
            value.integer(T.self)
        }
    }

    static func boolean(_ value: Value) -> Bool? {
        value.bool
    }

    static func array<T>(_ element: @escaping (Value) -> T?) -> (Value) -> [T]? {
        { value in
            guard let elements = value.elements else { return nil }
            var result: [T] = []
            result.reserveCapacity(elements.underestimatedCount)
            for item in elements {
                guard let decoded = element(item) else { return nil }
                result.append(decoded)
            }
            return result
        }
    }

    /// `Optional`'s `init(from:)`: null, or the wrapped value (an outer nil is a failure).
    static func nullable<T>(_ wrapped: @escaping (Value) -> T?) -> (Value) -> T?? {
        { value in
            if value.isNull { return .some(nil) }
            return wrapped(value).map { .some($0) }
        }
    }

    /// The members of one object, counting those read: when the count reaches the number of members,
    /// no member is unknown or repeated (each read name is a different one, and a repeated name is read
    /// once but counted twice).
    struct Fields {
        private var object: Value.Object
        private var read = 0

        init?(_ value: Value) {
            guard let object = value.object else { return nil }
            self.object = object
        }

        var isComplete: Bool { read == object.count }

        private mutating func member(_ name: StaticString) -> Value? {
            guard let value = object.member(name) else { return nil }
            read += 1
            return value
        }

        /// `decode(_:forKey:)`: the member must be there and decode.
        mutating func required<T>(_ name: StaticString, _ decode: (Value) -> T?) -> T? {
            member(name).flatMap(decode)
        }

        /// `decodeIfPresent(_:forKey:)`: absent or null is nil; anything else must decode. The outer nil
        /// is a failure.
        mutating func optional<T>(_ name: StaticString, _ decode: (Value) -> T?) -> T?? {
            guard let value = member(name), !value.isNull else { return .some(nil) }
            return decode(value).map { .some($0) }
        }
    }
}

/// What ``FastBatchDecoder`` reads: a JSON value of a strictly parsed document, whatever its representation.
protocol BatchJSONValue: SendableMetatype {
    associatedtype Object: BatchJSONObject<Self>
    associatedtype Elements: Sequence<Self>

    var object: Object? { get }
    var elements: Elements? { get }
    /// The string's value (escapes resolved), if it is a string.
    var string: String? { get }
    /// The number if it is an integer literal that fits `T`, read as `T(text)` reads its text.
    func integer<T: FixedWidthInteger>(_ type: T.Type) -> T?
    var bool: Bool? { get }
    var isNull: Bool { get }
}

protocol BatchJSONObject<Value> {
    associatedtype Value
    var count: Int { get }
    /// The value of the member whose name has exactly these UTF-8 bytes (not merely a canonically equivalent
    /// spelling), as StrictDecoder looks members up; when several do (possible in a ``JSONTape``), one of them.
    /// Mutating: a reader may remember where it found the last one.
    mutating func member(_ name: StaticString) -> Value?
}

extension JSONValue: BatchJSONValue {
    var object: JSONObject? {
        guard case .object(let object) = self else { return nil }
        return object
    }

    var elements: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    var string: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        guard case .number(let text) = self else { return nil }
        return T(text)
    }

    var bool: Bool? {
        guard case .bool(let bool) = self else { return nil }
        return bool
    }

    var isNull: Bool { self == .null }
}

extension JSONObject: BatchJSONObject {
    var count: Int { members.count }

    func member(_ name: StaticString) -> JSONValue? {
        let bytes = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for member in members {
            var memberName = member.name
            if memberName.utf8.count == bytes.count, memberName.withUTF8({ $0.elementsEqual(bytes) }) {
                return member.value
            }
        }
        return nil
    }
}

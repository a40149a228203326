import CredencePrimitives
import CredenceProtocol
import CreditFeatures

/// Hand-built canonical records of every kind, made with the protocol's own types (so each is a record an
/// adapter could send), and batches to add them from.
enum Make {
    /// A deterministic, canonical token for a label (32 pseudo-random bytes in base64url).
    static func token(_ label: String) -> Token {
        try! Token(Base64.encodeURLSafe(bytes(label)))
    }

    /// 32 pseudo-random bytes named by `label` (FNV-1a of the label seeds SplitMix64).
    static func bytes(_ label: String) -> [UInt8] {
        var seed: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 { seed = (seed ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var generator = SplitMix64(seed: seed)
        var bytes: [UInt8] = []
        for _ in 0..<4 { withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    static let person = token("subject/person")
    static let otherPerson = token("subject/other")

    static func date(_ text: String) -> CalendarDate { try! CalendarDate(text) }
    static func time(_ text: String) -> Timestamp { try! Timestamp(text) }

    static func batch(
        _ label: String, partner: String = "sim-bank", kind: PartnerKind = .lending, seq: Int64 = 1,
        acceptedAt: String? = nil
    ) -> BatchSource {
        BatchSource(
            batchID: try! SHA256Digest(Hex.encode(bytes("batch/\(label)"))), partnerID: try! PartnerID(partner),
            partnerKind: kind, batchSeq: seq,
            acceptedAt: acceptedAt.map(time))
    }

    static func subject(_ key: Token = person, role: SubjectRole = .primary) -> SubjectReference {
        SubjectReference(subjectKey: key, role: role)
    }

    static func record(_ fact: Record.Fact, subjects: [SubjectReference] = [subject()], id: String = "r") -> Record {
        Record(recordID: try! RawCode(id), subjects: subjects, fact: fact)
    }

    /// A tradeline snapshot; `history` is the payment history, most recent first from the month before `asOf`.
    static func snapshot(
        account: String, asOf: String, opened: String = "2018-03-10",
        status: TradelineSnapshot.AccountStatus = .current,
        portfolio: TradelineSnapshot.Portfolio = .revolving, limit: Int64? = 100_000, balance: Int64 = 0,
        currency: String = "USD", history: [TradelineSnapshot.MonthStatus] = [], firstDelinquency: String? = nil,
        closed: String? = nil, consumerInformation: String? = nil
    ) -> Record.Fact {
        let asOfDate = date(asOf)
        let asOfParts = asOf.split(separator: "-").compactMap { Int($0) }
        let months = history.enumerated().map { index, status in
            let number = asOfParts[0] * 12 + asOfParts[1] - 2 - index
            let month = try! YearMonth("\(number / 12)-\(number % 12 + 1 < 10 ? "0" : "")\(number % 12 + 1)")
            return TradelineSnapshot.PaymentHistoryMonth(month: month, status: status, statusRaw: try! RawCode("0"))
        }
        return .tradelineSnapshot(
            TradelineSnapshot(
                furnisherID: try! RawCode("FURN1"), accountKey: token("account/\(account)"), portfolio: portfolio,
                portfolioRaw: try! RawCode("R"), accountTypeRaw: try! RawCode("18"), asOf: asOfDate,
                openedOn: date(opened), closedOn: closed.map(date), firstDelinquencyOn: firstDelinquency.map(date),
                currency: try! CurrencyCode(currency), creditLimit: limit, balance: balance, pastDue: 0, status: status,
                statusRaw: try! RawCode("11"), paymentHistory: months,
                consumerInformationRaw: consumerInformation.map { try! RawCode($0) }))
    }

    static func keyChange(from old: String, to new: String) -> Record.Fact {
        .accountKeyChange(
            AccountKeyChange(
                furnisherID: try! RawCode("FURN1"), oldAccountKey: token("account/\(old)"),
                newAccountKey: token("account/\(new)")))
    }

    static func deletion(account: String, scope: Deletion.Scope = .account, reason: Deletion.Reason = .error)
        -> Record.Fact
    {
        .deletion(
            Deletion(
                furnisherID: try! RawCode("FURN1"), accountKey: token("account/\(account)"), scope: scope,
                reason: reason, reasonRaw: try! RawCode(reason == .consumerRemoved ? "Z" : "DA")))
    }

    static func event(
        account: String, _ type: TradelineEventType, month: String, daysPastDue: Int? = nil
    ) -> Record.Fact {
        .tradelineEvent(
            TradelineEvent(
                furnisherID: try! RawCode("FURN1"), accountKey: token("account/\(account)"), event: type,
                month: try! YearMonth(month), daysPastDue: daysPastDue, statusRaw: try! RawCode("71")))
    }

    static func commerce(
        _ type: CommerceEvent.EventType, at time: String, order: String, amount: Int64 = 5_000,
        outcome: CommerceEvent.Chargeback.Outcome? = nil, due: String? = nil, paid: String? = nil, sequence: Int = 1
    ) -> Record.Fact {
        let chargeback =
            type == .chargebackOpened || type == .chargebackClosed
            ? CommerceEvent.Chargeback(
                reason: .notReceived, reasonRaw: try! RawCode("product_not_received"), statusRaw: try! RawCode("won"),
                outcome: outcome) : nil
        let installment = due.map { due in
            CommerceEvent.Installment(
                scheduleKey: token("schedule/\(order)"), sequence: sequence, dueAt: self.time(due),
                paidAt: paid.map(self.time))
        }
        return .commerceEvent(
            CommerceEvent(
                event: type, occurredAt: self.time(time), orderKey: token("order/\(order)"), amount: amount,
                currency: try! CurrencyCode("USD"), paymentMethod: installment == nil ? .card : .bnpl,
                chargeback: chargeback, installment: installment))
    }

    static func social(
        platform: String = "x", account: String = "acct", observed: String, created: String? = nil,
        verification: SocialAccountFact.IdentityVerification.Level? = nil, badge: Bool? = nil,
        changes: [(SocialAccountFact.IdentifierChange.ChangeType, String)] = []
    ) -> Record.Fact {
        .socialAccountFact(
            SocialAccountFact(
                platform: try! RawCode(platform), platformAccountKey: token("platform/\(account)"),
                observedAt: time(observed), accountCreatedAt: created.map(time),
                identityVerification: verification.map { SocialAccountFact.IdentityVerification(level: $0) },
                badgePaidOrLegacy: badge,
                identifierChanges: changes.map { SocialAccountFact.IdentifierChange(type: $0.0, changedAt: time($0.1)) }
            ))
    }
}

extension PersonFile {
    /// A file of the test person with `facts`, all from one batch unless given.
    static func of(_ facts: [Record.Fact], batch: BatchSource = Make.batch("b1")) -> PersonFile {
        var file = PersonFile(subjectKeys: [Make.person])
        for (index, fact) in facts.enumerated() { file.add(Make.record(fact, id: "r\(index)"), from: batch) }
        return file
    }
}

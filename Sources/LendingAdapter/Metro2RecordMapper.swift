import AdapterCore
import CredenceIdentity
import CredenceProtocol
import Metro2

/// Why a data record cannot become canonical records, in words for the furnisher's data team. Never holds
/// a personal identifier: fields that hold one are named, their values are not.
struct MappingError: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}

/// Turns one Metro 2 data record (a base segment and its appended segments) into canonical lending records:
/// a `tradeline_snapshot` and its derived `tradeline_event`s, or a `deletion` for statuses DA/DF; a
/// `deletion` of each consumer with ECOA `Z`; an `account_key_change` for an L1 segment.
///
/// K1 (original creditor) and K2 (purchased from / sold to) are not read: the v1 schema has no member for
/// them, and a creditor's name would travel as a raw code next to the consumer's account. K3, K4 and N1 are
/// not read either (mortgage ids and employers are not part of v1).
struct Metro2RecordMapper {
    let context: RecordContext

    /// The records of one data record; `ordinal` (the record's index in its file) makes the record ids,
    /// which carry nothing from the record itself.
    func records(for record: Metro2DataRecord, ordinal: Int, provenance: Record.Provenance)
        throws(MappingError) -> [Record]
    {
        let base = record.base
        let furnisherID = try rawCode(base.identificationNumber, "base segment identification number")
        guard !base.consumerAccountNumber.isEmpty else {
            throw MappingError("base segment consumer account number is blank")
        }
        let accountKey = try token("consumer account number") { () throws(IdentifierError) in
            try context.accountKey(furnisherID: furnisherID.rawValue, accountNumber: base.consumerAccountNumber)
        }
        let consumers = try self.consumers(of: record)
        func makeRecord(_ suffix: String, _ subjects: [SubjectReference], _ fact: Record.Fact) -> Record {
            Record(
                recordID: RawCode(unchecked: "\(ordinal)-\(suffix)"), subjects: subjects, fact: fact,
                provenance: provenance)
        }

        var records: [Record] = []
        let status = base.accountStatus
        guard let mapping = LendingCodes.accountStatuses[status] else {
            throw MappingError(
                "base segment account status '\(status)' has no v1 mapping; expected one of "
                    + LendingCodes.listed(LendingCodes.accountStatuses.keys))
        }
        let remaining = consumers.filter { $0.role != .remove }
        let active = remaining.isEmpty ? consumers : remaining
        switch mapping {
        case .deletion(let reason):
            let deletion = Deletion(
                furnisherID: furnisherID, accountKey: accountKey, scope: .account, reason: reason,
                reasonRaw: RawCode(unchecked: status))
            records.append(makeRecord("deletion", consumers, .deletion(deletion)))
        case .snapshot(let accountStatus):
            let snapshot = try self.snapshot(base, furnisherID, accountKey, accountStatus)
            // A snapshot needs a subject; when every consumer is removed, only the removals are sent.
            if !remaining.isEmpty { records.append(makeRecord("snapshot", remaining, .tradelineSnapshot(snapshot))) }
            for (index, removed) in consumers.enumerated() where removed.role == .remove {
                let deletion = Deletion(
                    furnisherID: furnisherID, accountKey: accountKey, scope: .subjectOnAccount,
                    reason: .consumerRemoved, reasonRaw: RawCode(unchecked: "Z"))
                records.append(makeRecord("remove-\(index)", [removed], .deletion(deletion)))
            }
            if !remaining.isEmpty {
                for (index, event) in TradelineEventDerivation.events(of: snapshot).enumerated() {
                    records.append(makeRecord("event-\(index)", remaining, .tradelineEvent(event)))
                }
            }
        }
        if let l1 = record.l1 {
            let change = try keyChange(
                l1, furnisherID: furnisherID, accountNumber: base.consumerAccountNumber, oldKey: accountKey)
            records.append(makeRecord("key-change", active, .accountKeyChange(change)))
        }
        return records
    }

    // MARK: Snapshot

    private func snapshot(
        _ base: Metro2BaseSegment, _ furnisherID: RawCode, _ accountKey: Token,
        _ status: TradelineSnapshot.AccountStatus
    ) throws(MappingError) -> TradelineSnapshot {
        guard let portfolio = LendingCodes.portfolios[base.portfolioType] else {
            throw MappingError(
                "base segment portfolio type '\(base.portfolioType)' has no v1 mapping; expected one of "
                    + LendingCodes.listed(LendingCodes.portfolios.keys))
        }
        guard let asOf = base.dateAccountInformation else {
            throw MappingError("base segment date of account information is 00000000; Metro 2 requires it")
        }
        guard let opened = base.dateOpened else {
            throw MappingError("base segment date opened is 00000000; Metro 2 requires it")
        }
        guard opened <= asOf else {
            throw MappingError(
                "base segment date opened \(opened) is after the date of account information \(asOf)")
        }
        if let closed = base.dateClosed, closed < opened {
            throw MappingError("base segment date closed \(closed) is before the date opened \(opened)")
        }
        let interestType: TradelineSnapshot.InterestType?
        if base.interestTypeIndicator.isEmpty {
            interestType = nil
        } else if let known = LendingCodes.interestTypes[base.interestTypeIndicator] {
            interestType = known
        } else {
            throw MappingError(
                "base segment interest type indicator '\(base.interestTypeIndicator)' is not F (fixed) or V "
                    + "(variable)")
        }
        return TradelineSnapshot(
            furnisherID: furnisherID, accountKey: accountKey, portfolio: portfolio,
            portfolioRaw: RawCode(unchecked: base.portfolioType),
            accountTypeRaw: try rawCode(base.accountType, "base segment account type"),
            asOf: calendarDate(asOf), openedOn: calendarDate(opened), closedOn: base.dateClosed.map(calendarDate),
            lastPaymentOn: base.dateLastPayment.map(calendarDate),
            firstDelinquencyOn: base.dateFirstDelinquency.map(calendarDate),
            currency: CurrencyCode(unchecked: "USD"), creditLimit: cents(base.creditLimit),
            originalAmount: cents(base.highestCredit), scheduledPayment: cents(base.scheduledMonthlyPaymentAmount),
            actualPayment: cents(base.actualPaymentAmount), balance: cents(base.currentBalance),
            pastDue: cents(base.amountPastDue), chargeOffAmount: cents(base.originalChargeOffAmount),
            termsDurationRaw: optionalRawCode(base.termsDuration),
            termsFrequencyRaw: optionalRawCode(base.termsFrequency), status: status,
            statusRaw: RawCode(unchecked: base.accountStatus), paymentRatingRaw: optionalRawCode(base.paymentRating),
            paymentHistory: try Self.paymentHistory(base.paymentHistoryProfile, asOf: asOf),
            specialCommentRaw: optionalRawCode(base.specialComment),
            complianceConditionRaw: optionalRawCode(base.complianceConditionCode),
            consumerInformationRaw: optionalRawCode(base.consumer.consumerInformationIndicator),
            disputed: LendingCodes.disputeConditions.contains(base.complianceConditionCode),
            correction: base.correctionIndicator == 1, interestType: interestType)
    }

    /// The payment history profile as months, most recent first: entry `k` is the month `k + 1` months
    /// before the date of account information. `B` (no history before) may only trail; `D` (no data) may
    /// stand anywhere.
    static func paymentHistory(_ profile: String, asOf: Metro2Date) throws(MappingError)
        -> [TradelineSnapshot.PaymentHistoryMonth]
    {
        var months: [TradelineSnapshot.PaymentHistoryMonth] = []
        var seenNoHistory = false
        for (index, code) in profile.enumerated() {
            let place = "base segment payment history profile position \(index + 1)"
            guard let status = LendingCodes.monthStatuses[code] else {
                throw MappingError(
                    "\(place) is '\(code)', expected one of 0-6, B, D, E, G, H, J, K, L")
            }
            if seenNoHistory && status != .noHistory {
                throw MappingError(
                    "\(place) is '\(code)' after a 'B' (no history before this month): B may only trail")
            }
            seenNoHistory = seenNoHistory || status == .noHistory
            let monthsBack = asOf.year * 12 + (asOf.month - 1) - 1 - index
            let month = YearMonth(unchecked: "\(padded(monthsBack / 12, 4))-\(padded(monthsBack % 12 + 1, 2))")
            months.append(.init(month: month, status: status, statusRaw: RawCode(unchecked: String(code))))
        }
        return months
    }

    // MARK: Key change

    private func keyChange(_ l1: Metro2L1Segment, furnisherID: RawCode, accountNumber: String, oldKey: Token)
        throws(MappingError) -> AccountKeyChange
    {
        let newAccount = l1.newConsumerAccountNumber
        let newFurnisher = l1.newIdentificationNumber
        let needs: (account: Bool, furnisher: Bool)
        switch l1.changeIndicator {
        case 1: needs = (true, false)
        case 2: needs = (false, true)
        case 3: needs = (true, true)
        default:
            throw MappingError(
                "L1 segment change indicator is '\(l1.changeIndicator)', expected 1 (account number), 2 "
                    + "(identification number) or 3 (both)")
        }
        if needs.account && newAccount.isEmpty {
            throw MappingError(
                "L1 segment change indicator \(l1.changeIndicator) needs a new consumer account number, which is blank")
        }
        if needs.furnisher && newFurnisher.isEmpty {
            throw MappingError(
                "L1 segment change indicator \(l1.changeIndicator) needs a new identification number, which is blank")
        }
        let newFurnisherID = needs.furnisher ? try rawCode(newFurnisher, "L1 segment new identification number") : nil
        // The account key is over furnisher id and account number, so either change gives a new key.
        let newKey = try token("new consumer account number") { () throws(IdentifierError) in
            try context.accountKey(
                furnisherID: (newFurnisherID ?? furnisherID).rawValue,
                accountNumber: needs.account ? newAccount : accountNumber)
        }
        return AccountKeyChange(
            furnisherID: furnisherID, oldAccountKey: oldKey, newAccountKey: newKey, newFurnisherID: newFurnisherID)
    }

    // MARK: Subjects

    /// The base consumer, then the J1 consumers (at the base consumer's address), then the J2 consumers.
    private func consumers(of record: Metro2DataRecord) throws(MappingError) -> [SubjectReference] {
        var subjects = [try subject(record.base.consumer, address: record.base.address, segment: "base segment")]
        for j1 in record.j1 {
            subjects.append(try subject(j1.consumer, address: record.base.address, segment: "J1 segment"))
        }
        for j2 in record.j2 {
            subjects.append(try subject(j2.consumer, address: j2.address, segment: "J2 segment"))
        }
        return subjects
    }

    /// A consumer as a subject. Its local key is the SSN when there is one, else surname, first name,
    /// generation code and birth date: Metro 2 requires one of SSN and birth date, and the two together
    /// name the same person in every file the furnisher sends, which the subject key must.
    private func subject(_ consumer: Metro2Consumer, address: Metro2Address, segment: String)
        throws(MappingError) -> SubjectReference
    {
        guard let role = LendingCodes.roles[consumer.ecoaCode] else {
            throw MappingError(
                "\(segment) ECOA code '\(consumer.ecoaCode)' has no v1 mapping; expected one of "
                    + LendingCodes.listed(LendingCodes.roles.keys))
        }
        var identifiers: [RawIdentifier] = []
        var ssn: String?
        if !consumer.socialSecurityNumber.isEmpty {
            do throws(IdentifierError) {
                let normalized = try USSocialSecurityNumber.normalize(consumer.socialSecurityNumber)
                identifiers.append(RawIdentifier(.usSSN, normalized, whenInvalid: .reject))
                ssn = normalized
            } catch  where error.code == .absentValue {
                // Zero- or nine-filled: the consumer has no SSN on file, and the birth date must do.
            } catch {
                throw MappingError("\(segment) social security number is not a valid SSN (\(error.code.rawValue))")
            }
        }
        if !consumer.telephoneNumber.isEmpty {
            // Metro 2 telephones are NANP numbers without the country code; a malformed one is left out
            // rather than costing the account its snapshot.
            identifiers.append(RawIdentifier(.phoneE164, "+1" + consumer.telephoneNumber, whenInvalid: .omit))
        }
        var birthDate: BirthDate?
        if let date = consumer.dateOfBirth {
            do throws(IdentifierError) {
                birthDate = try BirthDate(year: date.year, month: date.month, day: date.day)
            } catch {
                throw MappingError("\(segment) date of birth is not a plausible birth date (\(error.code.rawValue))")
            }
        }
        let localKey: String
        if let ssn {
            localKey = "ssn:" + ssn
        } else if let birthDate {
            localKey = [
                "name-dob", consumer.surname, consumer.firstName, consumer.generationCode, birthDate.normalized,
            ]
            .joined(separator: "|").uppercased()
        } else {
            throw MappingError(
                "\(segment) consumer has neither a social security number nor a date of birth; Metro 2 requires one")
        }
        let raw = RawSubject(
            localKey: localKey, role: role, roleRaw: consumer.ecoaCode, identifiers: identifiers,
            name: .parts(given: consumer.firstName, middle: consumer.middleName, family: consumer.surname),
            birthDate: birthDate,
            address: PostalAddress(
                line1: address.firstLine, line2: address.secondLine, city: address.city, region: address.state,
                postalCode: address.zipCode, country: address.countryCode.isEmpty ? "US" : address.countryCode))
        do throws(IdentifierError) {
            return try context.subject(raw)
        } catch {
            throw MappingError("\(segment) consumer identifiers cannot be used (\(error.code.rawValue))")
        }
    }

    // MARK: Values

    private func token(_ what: String, _ make: () throws(IdentifierError) -> Token) throws(MappingError) -> Token {
        do throws(IdentifierError) {
            return try make()
        } catch {
            throw MappingError("the \(what) cannot be tokenized (\(error.code.rawValue))")
        }
    }

    private func rawCode(_ text: String, _ field: String) throws(MappingError) -> RawCode {
        guard !text.isEmpty else { throw MappingError("\(field) is blank") }
        guard let code = try? RawCode(text) else {
            throw MappingError("\(field) holds characters a partner code cannot have")
        }
        return code
    }

    private func optionalRawCode(_ text: String) -> RawCode? {
        text.isEmpty ? nil : try? RawCode(text)
    }

    private func cents(_ dollars: Int64) -> Int64 { dollars * 100 }

    private func calendarDate(_ date: Metro2Date) -> CalendarDate { CalendarDate(unchecked: date.iso8601) }
}

private func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

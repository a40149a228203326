import Metro2

/// Writes an account's month as a Metro 2 data record, the way the furnisher's reporting system would: the
/// month's status, the 24-month payment history profile, amounts in whole dollars, and the consumer as the
/// lender has them on file (upper-case ASCII, truncated to the field widths of `Metro2Layout`).
struct Metro2Rendering: Sendable {
    /// The furnisher's identification number (constant month to month).
    let furnisherID: String

    /// The record of `account` as of the last day of `month`, or nil when the account is not reported that
    /// month (not yet opened, or closed earlier).
    func record(
        _ account: CreditAccount, month: SimulationMonth, owner: ConsumerOnFile, associated: ConsumerOnFile?
    ) -> Metro2DataRecord? {
        guard let state = account.month(month) else { return nil }
        let asOf = month.lastDay
        var base = Metro2BaseSegment()
        base.timeStamp = Metro2Timestamp(date: metro2Date(asOf.adding(days: 1)), hour: 2, minute: 15, second: 0)
        base.identificationNumber = furnisherID
        base.cycleIdentifier = "01"
        base.consumerAccountNumber = account.accountNumber
        base.portfolioType = account.product.portfolioType
        base.accountType = account.product.accountType
        base.dateOpened = metro2Date(account.opened)
        base.creditLimit = Int64(account.creditLimit)
        base.highestCredit = Int64(
            account.product.isRevolving ? max(account.creditLimit / 2, state.balance) : account.originalAmount)
        base.termsDuration = account.termMonths.map { SimulationDay.padded($0, 3) } ?? "REV"
        base.termsFrequency = "M"
        base.scheduledMonthlyPaymentAmount = Int64(state.scheduledPayment)
        base.actualPaymentAmount = Int64(state.actualPayment)
        base.accountStatus = Self.status(of: state.condition, product: account.product)
        if state.condition == .paidOff { base.paymentRating = "0" }
        base.paymentHistoryProfile = paymentHistoryProfile(account, before: month)
        if state.condition == .settledAfterChargeOff { base.specialComment = "AU" }
        base.currentBalance = Int64(max(state.balance, 0))
        base.amountPastDue = Int64(state.pastDue)
        base.originalChargeOffAmount = Int64(state.chargeOffAmount)
        base.dateAccountInformation = metro2Date(asOf)
        switch state.condition {
        case .open(let bucket) where bucket > 0:
            base.dateFirstDelinquency = state.firstDelinquency.map(metro2Date)
        case .chargedOff, .settledAfterChargeOff:
            base.dateFirstDelinquency = state.firstDelinquency.map(metro2Date)
            base.dateClosed = metro2Date(chargeOffDay(account) ?? asOf)
        case .paidOff:
            base.dateClosed = state.lastPaymentDay.map(metro2Date) ?? metro2Date(asOf)
        case .open:
            break
        }
        base.dateLastPayment = state.lastPaymentDay.map(metro2Date)
        base.interestTypeIndicator = account.product.isRevolving ? "V" : "F"
        base.consumer = owner.consumer(ecoaCode: "1")
        base.address = owner.address
        let j1 = associated.map { [Metro2J1Segment(consumer: $0.consumer(ecoaCode: account.associated!.ecoaCode))] }
        return Metro2DataRecord(base: base, j1: j1 ?? [])
    }

    /// Metro 2 account status (field 17A) of a month's condition.
    static func status(of condition: AccountCondition, product: CreditProduct) -> String {
        switch condition {
        case .open(let bucket): ["11", "71", "78", "80", "82", "83", "84"][min(bucket, 6)]
        case .chargedOff: product.chargeOffStatus
        case .paidOff: "13"
        case .settledAfterChargeOff: "64"
        }
    }

    /// The payment history profile code of one month (field 18).
    static func historyCode(of state: AccountMonth, product: CreditProduct) -> Character {
        if state.noData { return "D" }
        switch state.condition {
        case .open(let bucket):
            if bucket == 0 && product.isRevolving && state.balance == 0 { return "E" }
            return Character(String(min(bucket, 6)))
        case .chargedOff, .settledAfterChargeOff: return product.chargeOffHistoryCode
        case .paidOff: return "0"
        }
    }

    /// 24 codes, the first for the month before `month`, most recent first; `B` before the account opened,
    /// `0` for older months the simulation did not need (it starts accounts current).
    private func paymentHistoryProfile(_ account: CreditAccount, before month: SimulationMonth) -> String {
        var codes = ""
        let openedMonth = account.opened.simulationMonth
        for back in 1...24 {
            let earlier = month.adding(-back)
            if earlier < openedMonth {
                codes.append("B")
            } else if let state = account.month(earlier) {
                codes.append(Self.historyCode(of: state, product: account.product))
            } else {
                codes.append("0")
            }
        }
        return codes
    }

    private func chargeOffDay(_ account: CreditAccount) -> SimulationDay? {
        account.months.first { $0.condition == .chargedOff }?.month.lastDay
    }
}

/// A consumer as a lender has them on file, ready for a base segment or a J1 segment.
struct ConsumerOnFile: Sendable {
    let surname: String
    let firstName: String
    let middleName: String
    let socialSecurityNumber: String
    let dateOfBirth: Metro2Date?
    let telephoneNumber: String
    let address: Metro2Address

    /// Field widths from the Metro 2 layout table, looked up once.
    private static let surnameWidth = Metro2Layout.Base.field("surname")
    private static let firstNameWidth = Metro2Layout.Base.field("firstName")
    private static let middleNameWidth = Metro2Layout.Base.field("middleName")
    private static let firstLineWidth = Metro2Layout.Base.field("firstLineAddress")
    private static let secondLineWidth = Metro2Layout.Base.field("secondLineAddress")
    private static let cityWidth = Metro2Layout.Base.field("city")

    init(person: Person, view: PartnerView, residenceCode: String) {
        surname = Self.fitted(view.name.family, to: Self.surnameWidth)
        firstName = Self.fitted(view.name.given, to: Self.firstNameWidth)
        middleName = Self.fitted(view.name.middle ?? "", to: Self.middleNameWidth)
        socialSecurityNumber = person.nationality == .us ? person.nationalID : ""
        dateOfBirth = view.birthDate.map(metro2Date)
        telephoneNumber = view.phone.flatMap { $0.nationality == .us ? $0.national : nil } ?? ""
        var address = Metro2Address()
        if let home = view.address {
            address.countryCode = home.nationality.rawValue
            address.firstLine = Self.fitted(home.latinLine1, to: Self.firstLineWidth)
            address.secondLine = Self.fitted(home.latinLine2, to: Self.secondLineWidth)
            address.city = Self.fitted(home.latinCity, to: Self.cityWidth)
            address.state = home.regionCode
            address.zipCode = home.postalCode
            address.addressIndicator = "Y"
            address.residenceCode = residenceCode
        }
        self.address = address
    }

    func consumer(ecoaCode: String) -> Metro2Consumer {
        var consumer = Metro2Consumer()
        consumer.surname = surname
        consumer.firstName = firstName
        consumer.middleName = middleName
        consumer.socialSecurityNumber = socialSecurityNumber
        consumer.dateOfBirth = dateOfBirth
        consumer.telephoneNumber = telephoneNumber
        consumer.ecoaCode = ecoaCode
        return consumer
    }

    /// Upper-case ASCII cut to the field's width, as furnishers' systems store names and addresses.
    static func fitted(_ text: String, to width: Int) -> String {
        var fitted = LatinText.ascii(text).uppercased().prefix(width)
        while fitted.last == " " { fitted.removeLast() }
        return String(fitted)
    }
}

extension Metro2Layout.Base {
    /// The width of a base-segment field, looked up by its moov-io JSON name in the layout table.
    static func field(_ jsonName: String) -> Int {
        guard let field = all.first(where: { $0.jsonName == jsonName }) else {
            preconditionFailure("Metro 2 base segment has no field \(jsonName)")
        }
        return field.length
    }
}

func metro2Date(_ day: SimulationDay) -> Metro2Date {
    Metro2Date(year: day.year, month: day.month, day: day.day)!
}

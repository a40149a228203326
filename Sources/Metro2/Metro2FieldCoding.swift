/// A field of a record that could not be read or written, with what was found and what was expected.
/// The value is left out for fields that identify a person.
public struct Metro2FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: Metro2Field
    /// The value as found, or nil when the field is personal or the value is not the problem.
    public let found: String?
    public let expected: String

    init(_ field: Metro2Field, found: String?, expected: String) {
        self.field = field
        self.found = field.isPersonal ? nil : found
        self.expected = expected
    }

    /// `base segment date opened (positions 76-83) is '02302024', expected a date MMDDYYYY`.
    public var description: String {
        if let found { return "\(field) is '\(found)', expected \(expected)" }
        return "\(field) is not \(expected)"
    }
}

/// Reads fields into, or writes fields from, the typed records. Each record type lists its fields once, in
/// `code(with:)`; the character reader, the JSON reader and the character writer are coders, so the three
/// cannot disagree about which field goes where.
protocol Metro2FieldCoder {
    /// A `.text` or `.digits` field.
    mutating func code(_ value: inout String, _ field: Metro2Field) throws(Metro2FieldError)
    /// A `.number` field.
    mutating func code(_ value: inout Int64, _ field: Metro2Field) throws(Metro2FieldError)
    /// A `.date` field; nil is "not available".
    mutating func code(_ value: inout Metro2Date?, _ field: Metro2Field) throws(Metro2FieldError)
    /// A `.timestamp` field; nil is "not available".
    mutating func code(_ value: inout Metro2Timestamp?, _ field: Metro2Field) throws(Metro2FieldError)
}

/// A typed record or segment whose fields a ``Metro2FieldCoder`` reads or writes.
protocol Metro2FieldCodable {
    init()
    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError)
}

extension Metro2FieldCodable {
    /// Decodes a value through `coder`.
    static func decode(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) -> Self {
        var value = Self()
        try value.code(with: &coder)
        return value
    }

    /// Encodes this value through `coder`.
    func encode(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        var copy = self
        try copy.code(with: &coder)
    }
}

extension Metro2Header: Metro2FieldCodable {
    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        typealias Layout = Metro2Layout.Header
        try coder.code(&cycleIdentifier, Layout.cycleIdentifier)
        try coder.code(&innovisProgramIdentifier, Layout.innovisProgramIdentifier)
        try coder.code(&equifaxProgramIdentifier, Layout.equifaxProgramIdentifier)
        try coder.code(&experianProgramIdentifier, Layout.experianProgramIdentifier)
        try coder.code(&transUnionProgramIdentifier, Layout.transUnionProgramIdentifier)
        try coder.code(&activityDate, Layout.activityDate)
        try coder.code(&dateCreated, Layout.dateCreated)
        try coder.code(&programDate, Layout.programDate)
        try coder.code(&programRevisionDate, Layout.programRevisionDate)
        try coder.code(&reporterName, Layout.reporterName)
        try coder.code(&reporterAddress, Layout.reporterAddress)
        try coder.code(&reporterTelephoneNumber, Layout.reporterTelephoneNumber)
        try coder.code(&softwareVendorName, Layout.softwareVendorName)
        try coder.code(&softwareVersionNumber, Layout.softwareVersionNumber)
        try coder.code(&prbcProgramIdentifier, Layout.prbcProgramIdentifier)
    }
}

extension Metro2Consumer {
    mutating func code(with coder: inout some Metro2FieldCoder, layout: Metro2Layout.Consumer)
        throws(Metro2FieldError)
    {
        try coder.code(&surname, layout.surname)
        try coder.code(&firstName, layout.firstName)
        try coder.code(&middleName, layout.middleName)
        try coder.code(&generationCode, layout.generationCode)
        try coder.code(&socialSecurityNumber, layout.socialSecurityNumber)
        try coder.code(&dateOfBirth, layout.dateOfBirth)
        try coder.code(&telephoneNumber, layout.telephoneNumber)
        try coder.code(&ecoaCode, layout.ecoaCode)
        try coder.code(&consumerInformationIndicator, layout.consumerInformationIndicator)
    }
}

extension Metro2Address {
    mutating func code(with coder: inout some Metro2FieldCoder, layout: Metro2Layout.Address)
        throws(Metro2FieldError)
    {
        try coder.code(&countryCode, layout.countryCode)
        try coder.code(&firstLine, layout.firstLine)
        try coder.code(&secondLine, layout.secondLine)
        try coder.code(&city, layout.city)
        try coder.code(&state, layout.state)
        try coder.code(&zipCode, layout.zipCode)
        try coder.code(&addressIndicator, layout.addressIndicator)
        try coder.code(&residenceCode, layout.residenceCode)
    }
}

extension Metro2BaseSegment: Metro2FieldCodable {
    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        typealias Layout = Metro2Layout.Base
        try coder.code(&processingIndicator, Layout.processingIndicator)
        try coder.code(&timeStamp, Layout.timeStamp)
        try coder.code(&correctionIndicator, Layout.correctionIndicator)
        try coder.code(&identificationNumber, Layout.identificationNumber)
        try coder.code(&cycleIdentifier, Layout.cycleIdentifier)
        try coder.code(&consumerAccountNumber, Layout.consumerAccountNumber)
        try coder.code(&portfolioType, Layout.portfolioType)
        try coder.code(&accountType, Layout.accountType)
        try coder.code(&dateOpened, Layout.dateOpened)
        try coder.code(&creditLimit, Layout.creditLimit)
        try coder.code(&highestCredit, Layout.highestCredit)
        try coder.code(&termsDuration, Layout.termsDuration)
        try coder.code(&termsFrequency, Layout.termsFrequency)
        try coder.code(&scheduledMonthlyPaymentAmount, Layout.scheduledMonthlyPaymentAmount)
        try coder.code(&actualPaymentAmount, Layout.actualPaymentAmount)
        try coder.code(&accountStatus, Layout.accountStatus)
        try coder.code(&paymentRating, Layout.paymentRating)
        try coder.code(&paymentHistoryProfile, Layout.paymentHistoryProfile)
        try coder.code(&specialComment, Layout.specialComment)
        try coder.code(&complianceConditionCode, Layout.complianceConditionCode)
        try coder.code(&currentBalance, Layout.currentBalance)
        try coder.code(&amountPastDue, Layout.amountPastDue)
        try coder.code(&originalChargeOffAmount, Layout.originalChargeOffAmount)
        try coder.code(&dateAccountInformation, Layout.dateAccountInformation)
        try coder.code(&dateFirstDelinquency, Layout.dateFirstDelinquency)
        try coder.code(&dateClosed, Layout.dateClosed)
        try coder.code(&dateLastPayment, Layout.dateLastPayment)
        try coder.code(&interestTypeIndicator, Layout.interestTypeIndicator)
        try consumer.code(with: &coder, layout: Layout.consumer)
        try address.code(with: &coder, layout: Layout.address)
    }
}

extension Metro2J1Segment: Metro2FieldCodable {
    init() { self.init(consumer: Metro2Consumer()) }

    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        try consumer.code(with: &coder, layout: Metro2Layout.J1.consumer)
    }
}

extension Metro2J2Segment: Metro2FieldCodable {
    init() { self.init(consumer: Metro2Consumer(), address: Metro2Address()) }

    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        try consumer.code(with: &coder, layout: Metro2Layout.J2.consumer)
        try address.code(with: &coder, layout: Metro2Layout.J2.address)
    }
}

extension Metro2K1Segment: Metro2FieldCodable {
    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        try coder.code(&originalCreditorName, Metro2Layout.K1.originalCreditorName)
        try coder.code(&creditorClassification, Metro2Layout.K1.creditorClassification)
    }
}

extension Metro2K2Segment: Metro2FieldCodable {
    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        try coder.code(&purchasedIndicator, Metro2Layout.K2.purchasedIndicator)
        try coder.code(&purchasedName, Metro2Layout.K2.purchasedName)
    }
}

extension Metro2K3Segment: Metro2FieldCodable {
    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        try coder.code(&agencyIdentifier, Metro2Layout.K3.agencyIdentifier)
        try coder.code(&accountNumber, Metro2Layout.K3.accountNumber)
        try coder.code(&mortgageIdentificationNumber, Metro2Layout.K3.mortgageIdentificationNumber)
    }
}

extension Metro2K4Segment: Metro2FieldCodable {
    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        try coder.code(&specializedPaymentIndicator, Metro2Layout.K4.specializedPaymentIndicator)
        try coder.code(&deferredPaymentStartDate, Metro2Layout.K4.deferredPaymentStartDate)
        try coder.code(&balloonPaymentDueDate, Metro2Layout.K4.balloonPaymentDueDate)
        try coder.code(&balloonPaymentAmount, Metro2Layout.K4.balloonPaymentAmount)
    }
}

extension Metro2L1Segment: Metro2FieldCodable {
    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        try coder.code(&changeIndicator, Metro2Layout.L1.changeIndicator)
        try coder.code(&newConsumerAccountNumber, Metro2Layout.L1.newConsumerAccountNumber)
        try coder.code(&newIdentificationNumber, Metro2Layout.L1.newIdentificationNumber)
    }
}

extension Metro2N1Segment: Metro2FieldCodable {
    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        try coder.code(&employerName, Metro2Layout.N1.employerName)
        try coder.code(&firstLineEmployerAddress, Metro2Layout.N1.firstLineEmployerAddress)
        try coder.code(&secondLineEmployerAddress, Metro2Layout.N1.secondLineEmployerAddress)
        try coder.code(&employerCity, Metro2Layout.N1.employerCity)
        try coder.code(&employerState, Metro2Layout.N1.employerState)
        try coder.code(&zipCode, Metro2Layout.N1.zipCode)
        try coder.code(&occupation, Metro2Layout.N1.occupation)
    }
}

extension Metro2Trailer: Metro2FieldCodable {
    init() { self.init(counts: [:]) }

    mutating func code(with coder: inout some Metro2FieldCoder) throws(Metro2FieldError) {
        for (counter, field) in zip(Metro2TrailerCounter.allCases, Metro2Layout.Trailer.counterFields) {
            var value = self[counter]
            try coder.code(&value, field)
            self[counter] = value
        }
    }
}

/// The header record: who reports, for which bureaus, as of which activity date.
public struct Metro2Header: Sendable, Equatable {
    public var cycleIdentifier = ""
    public var innovisProgramIdentifier = ""
    public var equifaxProgramIdentifier = ""
    public var experianProgramIdentifier = ""
    public var transUnionProgramIdentifier = ""
    public var activityDate: Metro2Date?
    public var dateCreated: Metro2Date?
    public var programDate: Metro2Date?
    public var programRevisionDate: Metro2Date?
    public var reporterName = ""
    public var reporterAddress = ""
    public var reporterTelephoneNumber = ""
    public var softwareVendorName = ""
    public var softwareVersionNumber = ""
    public var prbcProgramIdentifier = ""

    public init() {}
}

/// A consumer on an account: the base segment's primary consumer or a J1/J2 associated consumer.
public struct Metro2Consumer: Sendable, Equatable {
    public var surname = ""
    public var firstName = ""
    public var middleName = ""
    public var generationCode = ""
    /// Nine digits as reported, or empty when the file zero-fills or blanks it ("not available"). A
    /// nine-filled number is kept: it is the consumer's choice not to give one, which the adapter decides on.
    public var socialSecurityNumber = ""
    public var dateOfBirth: Metro2Date?
    /// Area code and number (NANP, ten digits), or empty when zero-filled.
    public var telephoneNumber = ""
    public var ecoaCode = ""
    public var consumerInformationIndicator = ""

    public init() {}
}

/// A postal address of the base segment's consumer or of a J2 consumer.
public struct Metro2Address: Sendable, Equatable {
    public var countryCode = ""
    public var firstLine = ""
    public var secondLine = ""
    public var city = ""
    public var state = ""
    public var zipCode = ""
    public var addressIndicator = ""
    public var residenceCode = ""

    public init() {}
}

/// The base segment: one account as of the date of account information, and its primary consumer.
/// Money is whole US dollars as reported; codes are trimmed of padding blanks.
public struct Metro2BaseSegment: Sendable, Equatable {
    public var processingIndicator: Int64 = 1
    public var timeStamp: Metro2Timestamp?
    public var correctionIndicator: Int64 = 0
    public var identificationNumber = ""
    public var cycleIdentifier = ""
    public var consumerAccountNumber = ""
    public var portfolioType = ""
    public var accountType = ""
    public var dateOpened: Metro2Date?
    public var creditLimit: Int64 = 0
    public var highestCredit: Int64 = 0
    public var termsDuration = ""
    public var termsFrequency = ""
    public var scheduledMonthlyPaymentAmount: Int64 = 0
    public var actualPaymentAmount: Int64 = 0
    public var accountStatus = ""
    public var paymentRating = ""
    /// Up to 24 month codes, the first for the month before the date of account information.
    public var paymentHistoryProfile = ""
    public var specialComment = ""
    public var complianceConditionCode = ""
    public var currentBalance: Int64 = 0
    public var amountPastDue: Int64 = 0
    public var originalChargeOffAmount: Int64 = 0
    public var dateAccountInformation: Metro2Date?
    public var dateFirstDelinquency: Metro2Date?
    public var dateClosed: Metro2Date?
    public var dateLastPayment: Metro2Date?
    public var interestTypeIndicator = ""
    public var consumer = Metro2Consumer()
    public var address = Metro2Address()

    public init() {}
}

/// J1: an associated consumer at the primary consumer's address.
public struct Metro2J1Segment: Sendable, Equatable {
    public var consumer = Metro2Consumer()

    public init(consumer: Metro2Consumer = Metro2Consumer()) {
        self.consumer = consumer
    }
}

/// J2: an associated consumer at an address of their own.
public struct Metro2J2Segment: Sendable, Equatable {
    public var consumer = Metro2Consumer()
    public var address = Metro2Address()

    public init(consumer: Metro2Consumer = Metro2Consumer(), address: Metro2Address = Metro2Address()) {
        self.consumer = consumer
        self.address = address
    }
}

/// K1: the original creditor of a collection or purchased debt.
public struct Metro2K1Segment: Sendable, Equatable {
    public var originalCreditorName = ""
    public var creditorClassification: Int64 = 0

    public init() {}
}

/// K2: the account was purchased from (1) or sold to (2) another company, or the name is removed (9).
public struct Metro2K2Segment: Sendable, Equatable {
    public var purchasedIndicator: Int64 = 0
    public var purchasedName = ""

    public init() {}
}

/// K3: mortgage information (secondary-market agency and account, MERS mortgage identification number).
public struct Metro2K3Segment: Sendable, Equatable {
    public var agencyIdentifier: Int64 = 0
    public var accountNumber = ""
    public var mortgageIdentificationNumber = ""

    public init() {}
}

/// K4: a specialized payment arrangement (deferred start, balloon payment).
public struct Metro2K4Segment: Sendable, Equatable {
    public var specializedPaymentIndicator: Int64 = 0
    public var deferredPaymentStartDate: Metro2Date?
    public var balloonPaymentDueDate: Metro2Date?
    public var balloonPaymentAmount: Int64 = 0

    public init() {}
}

/// L1: the account number and/or the furnisher's identification number changed.
public struct Metro2L1Segment: Sendable, Equatable {
    /// 1 account number changed, 2 identification number changed, 3 both.
    public var changeIndicator: Int64 = 0
    public var newConsumerAccountNumber = ""
    public var newIdentificationNumber = ""

    public init() {}
}

/// N1: the primary consumer's employer.
public struct Metro2N1Segment: Sendable, Equatable {
    public var employerName = ""
    public var firstLineEmployerAddress = ""
    public var secondLineEmployerAddress = ""
    public var employerCity = ""
    public var employerState = ""
    public var zipCode = ""
    public var occupation = ""

    public init() {}
}

/// One data record: a base segment and the segments appended to it.
public struct Metro2DataRecord: Sendable, Equatable {
    public var base: Metro2BaseSegment
    public var j1: [Metro2J1Segment]
    public var j2: [Metro2J2Segment]
    public var k1: Metro2K1Segment?
    public var k2: Metro2K2Segment?
    public var k3: Metro2K3Segment?
    public var k4: Metro2K4Segment?
    public var l1: Metro2L1Segment?
    public var n1: Metro2N1Segment?

    public init(
        base: Metro2BaseSegment, j1: [Metro2J1Segment] = [], j2: [Metro2J2Segment] = [], k1: Metro2K1Segment? = nil,
        k2: Metro2K2Segment? = nil, k3: Metro2K3Segment? = nil, k4: Metro2K4Segment? = nil,
        l1: Metro2L1Segment? = nil, n1: Metro2N1Segment? = nil
    ) {
        self.base = base
        self.j1 = j1
        self.j2 = j2
        self.k1 = k1
        self.k2 = k2
        self.k3 = k3
        self.k4 = k4
        self.l1 = l1
        self.n1 = n1
    }

    /// Bytes of the record in the character format: 426 plus the appended segments' fixed lengths. The
    /// record descriptor word must say this.
    public var characterLength: Int {
        var length = Metro2Segment.base.length
        length += j1.count * Metro2Segment.j1.length + j2.count * Metro2Segment.j2.length
        if k1 != nil { length += Metro2Segment.k1.length }
        if k2 != nil { length += Metro2Segment.k2.length }
        if k3 != nil { length += Metro2Segment.k3.length }
        if k4 != nil { length += Metro2Segment.k4.length }
        if l1 != nil { length += Metro2Segment.l1.length }
        if n1 != nil { length += Metro2Segment.n1.length }
        return length
    }
}

/// The records and appended segments of a Metro 2 file, with their fixed lengths in the character format.
public enum Metro2Segment: String, Sendable, CaseIterable, CustomStringConvertible {
    case header, base, trailer
    case j1 = "J1", j2 = "J2", k1 = "K1", k2 = "K2", k3 = "K3", k4 = "K4", l1 = "L1", n1 = "N1"

    /// Bytes in the character format (the header, base and trailer include their 4-byte RDW).
    public var length: Int {
        switch self {
        case .header, .base, .trailer: 426
        case .j1: 100
        case .j2: 200
        case .k1, .k2: 34
        case .k3: 40
        case .k4: 30
        case .l1: 54
        case .n1: 146
        }
    }

    /// The segments that may follow a base segment, each starting with its 2-character id.
    public static let appended: [Metro2Segment] = [.j1, .j2, .k1, .k2, .k3, .k4, .l1, .n1]

    /// The appended segment whose id is these two bytes, if any.
    static func appended(first: UInt8, second: UInt8) -> Metro2Segment? {
        switch (first, second) {
        case (UInt8(ascii: "J"), UInt8(ascii: "1")): .j1
        case (UInt8(ascii: "J"), UInt8(ascii: "2")): .j2
        case (UInt8(ascii: "K"), UInt8(ascii: "1")): .k1
        case (UInt8(ascii: "K"), UInt8(ascii: "2")): .k2
        case (UInt8(ascii: "K"), UInt8(ascii: "3")): .k3
        case (UInt8(ascii: "K"), UInt8(ascii: "4")): .k4
        case (UInt8(ascii: "L"), UInt8(ascii: "1")): .l1
        case (UInt8(ascii: "N"), UInt8(ascii: "1")): .n1
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .header: "header record"
        case .base: "base segment"
        case .trailer: "trailer record"
        default: "\(rawValue) segment"
        }
    }

    /// Every field of the segment in position order, reserved fields included: the layout the reader and
    /// the writer share.
    public var fields: [Metro2Field] {
        switch self {
        case .header: Metro2Layout.Header.all
        case .base: Metro2Layout.Base.all
        case .trailer: Metro2Layout.Trailer.all
        case .j1: Metro2Layout.J1.all
        case .j2: Metro2Layout.J2.all
        case .k1: Metro2Layout.K1.all
        case .k2: Metro2Layout.K2.all
        case .k3: Metro2Layout.K3.all
        case .k4: Metro2Layout.K4.all
        case .l1: Metro2Layout.L1.all
        case .n1: Metro2Layout.N1.all
        }
    }
}

/// One fixed-width field of the character format, and its member name in moov-io/metro2's JSON form, so both
/// formats are read through one table.
public struct Metro2Field: Sendable, Hashable, CustomStringConvertible {
    /// How the field is written in the character format.
    public enum Kind: Sendable, Hashable {
        /// Left-justified, blank-filled text; read trimmed.
        case text
        /// Right-justified, zero-filled whole number (money in whole dollars, counters, numeric codes).
        case number
        /// A digit string whose leading zeros matter (SSN, telephone); all zeros means absent.
        case digits
        /// `MMDDYYYY`; all zeros means absent.
        case date
        /// `MMDDYYYYHHMMSS`; all zeros means absent.
        case timestamp
        /// Framing and reserved bytes that the typed records do not carry (RDW, segment id, reserved).
        case structural
    }

    public let segment: Metro2Segment
    /// The field's name in words, as a partner's data team knows it (`date opened`).
    public let name: String
    /// The member name in moov's JSON (`dateOpened`); empty for structural fields.
    public let jsonName: String
    /// 0-based offset within the segment.
    public let offset: Int
    public let length: Int
    public let kind: Kind
    /// Whether the value identifies a person (names, SSN, birth date, phone, address, account numbers):
    /// such values never appear in error messages.
    public let isPersonal: Bool

    init(
        _ segment: Metro2Segment, _ name: String, _ jsonName: String, _ offset: Int, _ length: Int, _ kind: Kind,
        personal: Bool = false
    ) {
        self.segment = segment
        self.name = name
        self.jsonName = jsonName
        self.offset = offset
        self.length = length
        self.kind = kind
        self.isPersonal = personal
    }

    public var range: Range<Int> { offset..<(offset + length) }

    /// `base segment date opened (positions 76-83)`: 1-based inclusive positions, as the CRRG numbers them.
    public var description: String {
        "\(segment) \(name) (positions \(offset + 1)-\(offset + length))"
    }
}

/// The field tables of every record and segment (positions from the CRRG as implemented by moov-io/metro2
/// `pkg/lib/specifications.go` and cfpb/Metro2 `django/parse_m2/fields.py`, which agree).
public enum Metro2Layout {
    /// The consumer fields shared by the base segment (from position 232) and the J1/J2 segments (from 4).
    public struct Consumer: Sendable {
        public let surname, firstName, middleName, generationCode, socialSecurityNumber, dateOfBirth: Metro2Field
        public let telephoneNumber, ecoaCode, consumerInformationIndicator: Metro2Field

        init(_ segment: Metro2Segment, at start: Int) {
            surname = Metro2Field(segment, "surname", "surname", start, 25, .text, personal: true)
            firstName = Metro2Field(segment, "first name", "firstName", start + 25, 20, .text, personal: true)
            middleName = Metro2Field(segment, "middle name", "middleName", start + 45, 20, .text, personal: true)
            generationCode = Metro2Field(segment, "generation code", "generationCode", start + 65, 1, .text)
            socialSecurityNumber = Metro2Field(
                segment, "social security number", "socialSecurityNumber", start + 66, 9, .digits, personal: true)
            dateOfBirth = Metro2Field(segment, "date of birth", "dateBirth", start + 75, 8, .date, personal: true)
            telephoneNumber = Metro2Field(
                segment, "telephone number", "telephoneNumber", start + 83, 10, .digits, personal: true)
            ecoaCode = Metro2Field(segment, "ECOA code", "ecoaCode", start + 93, 1, .text)
            consumerInformationIndicator = Metro2Field(
                segment, "consumer information indicator", "consumerInformationIndicator", start + 94, 2, .text)
        }

        var all: [Metro2Field] {
            [
                surname, firstName, middleName, generationCode, socialSecurityNumber, dateOfBirth, telephoneNumber,
                ecoaCode, consumerInformationIndicator,
            ]
        }
    }

    /// The address fields shared by the base segment (from position 328) and the J2 segment (from 100).
    public struct Address: Sendable {
        public let countryCode, firstLine, secondLine, city, state, zipCode, addressIndicator,
            residenceCode: Metro2Field

        init(_ segment: Metro2Segment, at start: Int) {
            countryCode = Metro2Field(segment, "country code", "countryCode", start, 2, .text)
            firstLine = Metro2Field(
                segment, "first line of address", "firstLineAddress", start + 2, 32, .text, personal: true)
            secondLine = Metro2Field(
                segment, "second line of address", "secondLineAddress", start + 34, 32, .text, personal: true)
            city = Metro2Field(segment, "city", "city", start + 66, 20, .text, personal: true)
            state = Metro2Field(segment, "state", "state", start + 86, 2, .text)
            zipCode = Metro2Field(segment, "postal/zip code", "zipCode", start + 88, 9, .text, personal: true)
            addressIndicator = Metro2Field(segment, "address indicator", "addressIndicator", start + 97, 1, .text)
            residenceCode = Metro2Field(segment, "residence code", "residenceCode", start + 98, 1, .text)
        }

        var all: [Metro2Field] {
            [countryCode, firstLine, secondLine, city, state, zipCode, addressIndicator, residenceCode]
        }
    }

    static func recordDescriptorWord(_ segment: Metro2Segment) -> Metro2Field {
        Metro2Field(segment, "record descriptor word", "", 0, 4, .structural)
    }

    static func segmentIdentifier(_ segment: Metro2Segment) -> Metro2Field {
        Metro2Field(segment, "segment identifier", "", 0, 2, .structural)
    }

    static func reserved(_ segment: Metro2Segment, _ offset: Int, _ length: Int) -> Metro2Field {
        Metro2Field(segment, "reserved", "", offset, length, .structural)
    }

    public enum Header {
        static let recordIdentifier = Metro2Field(.header, "record identifier", "", 4, 6, .structural)
        static let cycleIdentifier = Metro2Field(.header, "cycle identifier", "cycleIdentifier", 10, 2, .text)
        static let innovisProgramIdentifier = Metro2Field(
            .header, "Innovis program identifier", "innovisProgramIdentifier", 12, 10, .text)
        static let equifaxProgramIdentifier = Metro2Field(
            .header, "Equifax program identifier", "equifaxProgramIdentifier", 22, 10, .text)
        static let experianProgramIdentifier = Metro2Field(
            .header, "Experian program identifier", "experianProgramIdentifier", 32, 5, .text)
        static let transUnionProgramIdentifier = Metro2Field(
            .header, "TransUnion program identifier", "transUnionProgramIdentifier", 37, 10, .text)
        static let activityDate = Metro2Field(.header, "activity date", "activityDate", 47, 8, .date)
        static let dateCreated = Metro2Field(.header, "date created", "dateCreated", 55, 8, .date)
        static let programDate = Metro2Field(.header, "program date", "programDate", 63, 8, .date)
        static let programRevisionDate = Metro2Field(
            .header, "program revision date", "programRevisionDate", 71, 8, .date)
        static let reporterName = Metro2Field(.header, "reporter name", "reporterName", 79, 40, .text)
        static let reporterAddress = Metro2Field(.header, "reporter address", "reporterAddress", 119, 96, .text)
        static let reporterTelephoneNumber = Metro2Field(
            .header, "reporter telephone number", "reporterTelephoneNumber", 215, 10, .digits)
        static let softwareVendorName = Metro2Field(
            .header, "software vendor name", "softwareVendorName", 225, 40, .text)
        static let softwareVersionNumber = Metro2Field(
            .header, "software version number", "softwareVersionNumber", 265, 5, .text)
        static let prbcProgramIdentifier = Metro2Field(
            .header, "PRBC program identifier", "prbcProgramIdentifier", 270, 10, .text)

        public static let all: [Metro2Field] = [
            recordDescriptorWord(.header), recordIdentifier, cycleIdentifier, innovisProgramIdentifier,
            equifaxProgramIdentifier, experianProgramIdentifier, transUnionProgramIdentifier, activityDate,
            dateCreated, programDate, programRevisionDate, reporterName, reporterAddress, reporterTelephoneNumber,
            softwareVendorName, softwareVersionNumber, prbcProgramIdentifier, reserved(.header, 280, 146),
        ]
    }

    public enum Base {
        static let processingIndicator = Metro2Field(
            .base, "processing indicator", "processingIndicator", 4, 1, .number)
        static let timeStamp = Metro2Field(.base, "time stamp", "timeStamp", 5, 14, .timestamp)
        static let correctionIndicator = Metro2Field(
            .base, "correction indicator", "correctionIndicator", 19, 1, .number)
        static let identificationNumber = Metro2Field(
            .base, "identification number", "identificationNumber", 20, 20, .text)
        static let cycleIdentifier = Metro2Field(.base, "cycle identifier", "cycleIdentifier", 40, 2, .text)
        static let consumerAccountNumber = Metro2Field(
            .base, "consumer account number", "consumerAccountNumber", 42, 30, .text, personal: true)
        static let portfolioType = Metro2Field(.base, "portfolio type", "portfolioType", 72, 1, .text)
        static let accountType = Metro2Field(.base, "account type", "accountType", 73, 2, .text)
        static let dateOpened = Metro2Field(.base, "date opened", "dateOpened", 75, 8, .date)
        static let creditLimit = Metro2Field(.base, "credit limit", "creditLimit", 83, 9, .number)
        static let highestCredit = Metro2Field(
            .base, "highest credit or original loan amount", "highestCredit", 92, 9, .number)
        static let termsDuration = Metro2Field(.base, "terms duration", "termsDuration", 101, 3, .text)
        static let termsFrequency = Metro2Field(.base, "terms frequency", "termsFrequency", 104, 1, .text)
        static let scheduledMonthlyPaymentAmount = Metro2Field(
            .base, "scheduled monthly payment amount", "scheduledMonthlyPaymentAmount", 105, 9, .number)
        static let actualPaymentAmount = Metro2Field(
            .base, "actual payment amount", "actualPaymentAmount", 114, 9, .number)
        static let accountStatus = Metro2Field(.base, "account status", "accountStatus", 123, 2, .text)
        static let paymentRating = Metro2Field(.base, "payment rating", "paymentRating", 125, 1, .text)
        static let paymentHistoryProfile = Metro2Field(
            .base, "payment history profile", "paymentHistoryProfile", 126, 24, .text)
        static let specialComment = Metro2Field(.base, "special comment", "specialComment", 150, 2, .text)
        static let complianceConditionCode = Metro2Field(
            .base, "compliance condition code", "complianceConditionCode", 152, 2, .text)
        static let currentBalance = Metro2Field(.base, "current balance", "currentBalance", 154, 9, .number)
        static let amountPastDue = Metro2Field(.base, "amount past due", "amountPastDue", 163, 9, .number)
        static let originalChargeOffAmount = Metro2Field(
            .base, "original charge-off amount", "originalChargeOffAmount", 172, 9, .number)
        static let dateAccountInformation = Metro2Field(
            .base, "date of account information", "dateAccountInformation", 181, 8, .date)
        static let dateFirstDelinquency = Metro2Field(
            .base, "date of first delinquency", "dateFirstDelinquency", 189, 8, .date)
        static let dateClosed = Metro2Field(.base, "date closed", "dateClosed", 197, 8, .date)
        static let dateLastPayment = Metro2Field(.base, "date of last payment", "dateLastPayment", 205, 8, .date)
        static let interestTypeIndicator = Metro2Field(
            .base, "interest type indicator", "interestTypeIndicator", 213, 1, .text)
        static let consumer = Consumer(.base, at: 231)
        static let address = Address(.base, at: 327)

        public static let all: [Metro2Field] =
            [
                recordDescriptorWord(.base), processingIndicator, timeStamp, correctionIndicator, identificationNumber,
                cycleIdentifier, consumerAccountNumber, portfolioType, accountType, dateOpened, creditLimit,
                highestCredit, termsDuration, termsFrequency, scheduledMonthlyPaymentAmount, actualPaymentAmount,
                accountStatus, paymentRating, paymentHistoryProfile, specialComment, complianceConditionCode,
                currentBalance, amountPastDue, originalChargeOffAmount, dateAccountInformation, dateFirstDelinquency,
                dateClosed, dateLastPayment, interestTypeIndicator, reserved(.base, 214, 17),
            ] + consumer.all + address.all
    }

    public enum J1 {
        static let consumer = Consumer(.j1, at: 3)

        public static let all: [Metro2Field] =
            [segmentIdentifier(.j1), reserved(.j1, 2, 1)] + consumer.all + [reserved(.j1, 99, 1)]
    }

    public enum J2 {
        static let consumer = Consumer(.j2, at: 3)
        static let address = Address(.j2, at: 99)

        public static let all: [Metro2Field] =
            [segmentIdentifier(.j2), reserved(.j2, 2, 1)] + consumer.all + address.all + [reserved(.j2, 198, 2)]
    }

    public enum K1 {
        static let originalCreditorName = Metro2Field(
            .k1, "original creditor name", "originalCreditorName", 2, 30, .text)
        static let creditorClassification = Metro2Field(
            .k1, "creditor classification", "creditorClassification", 32, 2, .number)

        public static let all: [Metro2Field] = [segmentIdentifier(.k1), originalCreditorName, creditorClassification]
    }

    public enum K2 {
        static let purchasedIndicator = Metro2Field(
            .k2, "purchased from/sold to indicator", "purchasedIndicator", 2, 1, .number)
        static let purchasedName = Metro2Field(.k2, "purchased from/sold to name", "purchasedName", 3, 30, .text)

        public static let all: [Metro2Field] = [
            segmentIdentifier(.k2), purchasedIndicator, purchasedName, reserved(.k2, 33, 1),
        ]
    }

    public enum K3 {
        static let agencyIdentifier = Metro2Field(.k3, "agency identifier", "agencyIdentifier", 2, 2, .number)
        static let accountNumber = Metro2Field(
            .k3, "agency account number", "accountNumber", 4, 18, .text, personal: true)
        static let mortgageIdentificationNumber = Metro2Field(
            .k3, "mortgage identification number", "mortgageIdentificationNumber", 22, 18, .text, personal: true)

        public static let all: [Metro2Field] = [
            segmentIdentifier(.k3), agencyIdentifier, accountNumber, mortgageIdentificationNumber,
        ]
    }

    public enum K4 {
        static let specializedPaymentIndicator = Metro2Field(
            .k4, "specialized payment indicator", "specializedPaymentIndicator", 2, 2, .number)
        static let deferredPaymentStartDate = Metro2Field(
            .k4, "deferred payment start date", "deferredPaymentStartDate", 4, 8, .date)
        static let balloonPaymentDueDate = Metro2Field(
            .k4, "balloon payment due date", "balloonPaymentDueDate", 12, 8, .date)
        static let balloonPaymentAmount = Metro2Field(
            .k4, "balloon payment amount", "balloonPaymentAmount", 20, 9, .number)

        public static let all: [Metro2Field] = [
            segmentIdentifier(.k4), specializedPaymentIndicator, deferredPaymentStartDate, balloonPaymentDueDate,
            balloonPaymentAmount, reserved(.k4, 29, 1),
        ]
    }

    public enum L1 {
        static let changeIndicator = Metro2Field(.l1, "change indicator", "changeIndicator", 2, 1, .number)
        static let newConsumerAccountNumber = Metro2Field(
            .l1, "new consumer account number", "newConsumerAccountNumber", 3, 30, .text, personal: true)
        static let newIdentificationNumber = Metro2Field(
            .l1, "new identification number", "newIdentificationNumber", 33, 20, .text)

        public static let all: [Metro2Field] = [
            segmentIdentifier(.l1), changeIndicator, newConsumerAccountNumber, newIdentificationNumber,
            reserved(.l1, 53, 1),
        ]
    }

    public enum N1 {
        static let employerName = Metro2Field(.n1, "employer name", "employerName", 2, 30, .text, personal: true)
        static let firstLineEmployerAddress = Metro2Field(
            .n1, "first line of employer address", "firstLineEmployerAddress", 32, 32, .text, personal: true)
        static let secondLineEmployerAddress = Metro2Field(
            .n1, "second line of employer address", "secondLineEmployerAddress", 64, 32, .text, personal: true)
        static let employerCity = Metro2Field(.n1, "employer city", "employerCity", 96, 20, .text, personal: true)
        static let employerState = Metro2Field(.n1, "employer state", "employerState", 116, 2, .text)
        static let zipCode = Metro2Field(.n1, "employer postal/zip code", "zipCode", 118, 9, .text, personal: true)
        static let occupation = Metro2Field(.n1, "occupation", "occupation", 127, 18, .text, personal: true)

        public static let all: [Metro2Field] = [
            segmentIdentifier(.n1), employerName, firstLineEmployerAddress, secondLineEmployerAddress, employerCity,
            employerState, zipCode, occupation, reserved(.n1, 145, 1),
        ]
    }

    public enum Trailer {
        static let recordIdentifier = Metro2Field(.trailer, "record identifier", "", 4, 7, .structural)

        /// The counter's field: total base records at 12-20, then the others in 9-byte steps from 30.
        static func field(_ counter: Metro2TrailerCounter) -> Metro2Field {
            let index = Metro2TrailerCounter.allCases.firstIndex(of: counter)!
            let offset = index == 0 ? 11 : 29 + 9 * (index - 1)
            return Metro2Field(.trailer, counter.rawValue, counter.rawValue, offset, 9, .number)
        }

        static let counterFields: [Metro2Field] = Metro2TrailerCounter.allCases.map(field)

        public static let all: [Metro2Field] =
            [recordDescriptorWord(.trailer), recordIdentifier, counterFields[0], reserved(.trailer, 20, 9)]
            + counterFields.dropFirst() + [reserved(.trailer, 407, 19)]
    }
}

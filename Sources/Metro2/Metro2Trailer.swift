/// The trailer's counters, in layout order; raw values are moov-io/metro2's JSON member names.
public enum Metro2TrailerCounter: String, Sendable, CaseIterable {
    case totalBaseRecords
    case totalStatusCodeDF
    case totalConsumerSegmentsJ1
    case totalConsumerSegmentsJ2
    case blockCount
    case totalStatusCodeDA
    case totalStatusCode05, totalStatusCode11, totalStatusCode13
    case totalStatusCode61, totalStatusCode62, totalStatusCode63, totalStatusCode64, totalStatusCode65
    case totalStatusCode71, totalStatusCode78, totalStatusCode80, totalStatusCode82, totalStatusCode83
    case totalStatusCode84, totalStatusCode88, totalStatusCode89
    case totalStatusCode93, totalStatusCode94, totalStatusCode95, totalStatusCode96, totalStatusCode97
    case totalECOACodeZ
    case totalEmploymentSegments
    case totalOriginalCreditorSegments
    case totalPurchasedToSegments
    case totalMortgageInformationSegments
    case totalPaymentInformationSegments
    case totalChangeSegments
    case totalSocialNumbersAllSegments, totalSocialNumbersBaseSegments
    case totalSocialNumbersJ1Segments, totalSocialNumbersJ2Segments
    case totalDatesBirthAllSegments, totalDatesBirthBaseSegments
    case totalDatesBirthJ1Segments, totalDatesBirthJ2Segments
    case totalTelephoneNumbersAllSegments

    /// The counter of base segments reporting this account status, if the trailer has one.
    public static func status(_ code: String) -> Metro2TrailerCounter? {
        Metro2TrailerCounter(rawValue: "totalStatusCode" + code)
    }
}

/// The trailer record: totals the furnisher computed over the file, checked against what was read.
public struct Metro2Trailer: Sendable, Equatable {
    /// Every counter; a counter the file leaves blank is 0.
    public var counts: [Metro2TrailerCounter: Int64]

    public init(counts: [Metro2TrailerCounter: Int64] = [:]) {
        self.counts = counts
    }

    public subscript(counter: Metro2TrailerCounter) -> Int64 {
        get { counts[counter] ?? 0 }
        // Zero is stored as absence, so a trailer read with every counter equals one tallied from records.
        set { counts[counter] = newValue == 0 ? nil : newValue }
    }

    /// The trailer a writer puts after these records: base records, per-status and per-segment counts, and
    /// the SSN, birth date and telephone counts per consumer segment.
    public init(totalling records: some Sequence<Metro2DataRecord>) {
        var tally = Metro2TrailerTally()
        for record in records { tally.add(record) }
        self = tally.trailer
    }
}

/// Accumulates trailer counts record by record, so a writer can stream a file of any size.
public struct Metro2TrailerTally: Sendable {
    public private(set) var trailer = Metro2Trailer(counts: [.blockCount: 2])

    public init() {}

    public mutating func add(_ record: Metro2DataRecord) {
        let base = record.base
        trailer[.totalBaseRecords] += 1
        if base.accountStatus == "DF" {
            trailer[.totalStatusCodeDF] += 1
        } else if base.accountStatus == "DA" {
            trailer[.totalStatusCodeDA] += 1
        } else if let counter = Metro2TrailerCounter.status(base.accountStatus) {
            trailer[counter] += 1
        }
        count(base.consumer, ssn: .totalSocialNumbersBaseSegments, birth: .totalDatesBirthBaseSegments)
        for j1 in record.j1 {
            trailer[.totalConsumerSegmentsJ1] += 1
            count(j1.consumer, ssn: .totalSocialNumbersJ1Segments, birth: .totalDatesBirthJ1Segments)
        }
        for j2 in record.j2 {
            trailer[.totalConsumerSegmentsJ2] += 1
            count(j2.consumer, ssn: .totalSocialNumbersJ2Segments, birth: .totalDatesBirthJ2Segments)
        }
        if record.k1 != nil { trailer[.totalOriginalCreditorSegments] += 1 }
        if record.k2 != nil { trailer[.totalPurchasedToSegments] += 1 }
        if record.k3 != nil { trailer[.totalMortgageInformationSegments] += 1 }
        if record.k4 != nil { trailer[.totalPaymentInformationSegments] += 1 }
        if record.l1 != nil { trailer[.totalChangeSegments] += 1 }
        if record.n1 != nil { trailer[.totalEmploymentSegments] += 1 }
        // One block per record plus the header and trailer blocks, as moov-io/metro2 counts them.
        trailer[.blockCount] = trailer[.totalBaseRecords] + 2
    }

    private mutating func count(
        _ consumer: Metro2Consumer, ssn: Metro2TrailerCounter, birth: Metro2TrailerCounter
    ) {
        if consumer.ecoaCode == "Z" { trailer[.totalECOACodeZ] += 1 }
        if !consumer.socialSecurityNumber.isEmpty {
            trailer[ssn] += 1
            trailer[.totalSocialNumbersAllSegments] += 1
        }
        if consumer.dateOfBirth != nil {
            trailer[birth] += 1
            trailer[.totalDatesBirthAllSegments] += 1
        }
        if !consumer.telephoneNumber.isEmpty { trailer[.totalTelephoneNumbersAllSegments] += 1 }
    }
}

import AdapterCore
import CredenceIdentity
import CredenceProtocol
import Foundation
import LendingAdapter
import Metro2

/// The fixture folder beside this file.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// A directory under the system temporary directory, removed when the value is released.
final class ScratchDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("metro2-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The records of a test account, with every value valid and typical; tests change what they test.
enum Sample {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> Metro2Date {
        Metro2Date(year: year, month: month, day: day)!
    }

    static func consumer(
        surname: String = "QUINTERO", first: String = "AMELIA", ssn: String = "523456789",
        birth: Metro2Date? = date(1984, 7, 9), phone: String = "2125550147", ecoa: String = "1"
    ) -> Metro2Consumer {
        var consumer = Metro2Consumer()
        consumer.surname = surname
        consumer.firstName = first
        consumer.middleName = "ROSE"
        consumer.socialSecurityNumber = ssn
        consumer.dateOfBirth = birth
        consumer.telephoneNumber = phone
        consumer.ecoaCode = ecoa
        return consumer
    }

    static func address(line1: String = "418 WILLOW BEND RD", city: String = "SPRINGFIELD") -> Metro2Address {
        var address = Metro2Address()
        address.countryCode = "US"
        address.firstLine = line1
        address.secondLine = "APT 7"
        address.city = city
        address.state = "IL"
        address.zipCode = "627041234"
        address.addressIndicator = "Y"
        address.residenceCode = "R"
        return address
    }

    static func base(account: String = "ACCT-0001", status: String = "11", php: String = "000000000000BBBBBBBBBBBB")
        -> Metro2BaseSegment
    {
        var base = Metro2BaseSegment()
        base.timeStamp = Metro2Timestamp(date: date(2024, 3, 1), hour: 2, minute: 30, second: 0)
        base.identificationNumber = "FURN00042"
        base.cycleIdentifier = "01"
        base.consumerAccountNumber = account
        base.portfolioType = "R"
        base.accountType = "18"
        base.dateOpened = date(2021, 11, 15)
        base.creditLimit = 5000
        base.highestCredit = 4200
        base.termsDuration = "REV"
        base.termsFrequency = "M"
        base.scheduledMonthlyPaymentAmount = 35
        base.actualPaymentAmount = 120
        base.accountStatus = status
        base.paymentHistoryProfile = php
        base.currentBalance = 1234
        base.dateAccountInformation = date(2024, 2, 29)
        base.dateLastPayment = date(2024, 2, 14)
        base.interestTypeIndicator = "V"
        base.consumer = consumer()
        base.address = address()
        return base
    }

    /// A record with one of every appended segment.
    static func fullRecord() -> Metro2DataRecord {
        var k1 = Metro2K1Segment()
        k1.originalCreditorName = "FIRST REGIONAL BANK"
        k1.creditorClassification = 2
        var k2 = Metro2K2Segment()
        k2.purchasedIndicator = 1
        k2.purchasedName = "ACME DEBT HOLDINGS"
        var k3 = Metro2K3Segment()
        k3.agencyIdentifier = 1
        k3.accountNumber = "FN123456789"
        k3.mortgageIdentificationNumber = "100012345678901234"
        var k4 = Metro2K4Segment()
        k4.specializedPaymentIndicator = 1
        k4.balloonPaymentDueDate = date(2030, 6, 1)
        k4.balloonPaymentAmount = 25000
        var l1 = Metro2L1Segment()
        l1.changeIndicator = 1
        l1.newConsumerAccountNumber = "ACCT-0001-NEW"
        var n1 = Metro2N1Segment()
        n1.employerName = "PRAIRIE LOGISTICS"
        n1.employerState = "IL"
        n1.occupation = "DISPATCHER"
        return Metro2DataRecord(
            base: base(),
            j1: [Metro2J1Segment(consumer: consumer(surname: "QUINTERO", first: "MATEO", ssn: "523456790", ecoa: "2"))],
            j2: [
                Metro2J2Segment(
                    consumer: consumer(surname: "OKAFOR", first: "GRACE", ssn: "", birth: date(1999, 1, 30), ecoa: "3"),
                    address: address(line1: "77 HARBOR ST", city: "PEORIA"))
            ], k1: k1, k2: k2, k3: k3, k4: k4, l1: l1, n1: n1)
    }

    static func header() -> Metro2Header {
        var header = Metro2Header()
        header.equifaxProgramIdentifier = "EFX0000042"
        header.transUnionProgramIdentifier = "TU00000042"
        header.activityDate = date(2024, 3, 1)
        header.dateCreated = date(2024, 3, 1)
        header.reporterName = "PRAIRIE CREDIT UNION"
        header.reporterAddress = "100 MAIN ST SPRINGFIELD IL 62701"
        header.reporterTelephoneNumber = "2175550100"
        return header
    }

    /// A whole file in `framing`.
    static func file(_ records: [Metro2DataRecord], framing: Metro2Framing) throws -> [UInt8] {
        var encoder = Metro2CharacterEncoder(framing: framing)
        var bytes = try encoder.encode(header())
        for record in records { bytes += try encoder.encode(record) }
        return bytes + (try encoder.encodeTrailer())
    }

    static let linkageKey = try! LinkageKey(bytes: Array(0..<32))

    static func context(partner: String = "lender-prairie") -> RecordContext {
        RecordContext(partnerID: try! PartnerID(partner), linkageKey: linkageKey, defaultRegion: nil)
    }
}

/// Every item of a Metro 2 source, read to the end.
func readAll(_ source: inout some Metro2RecordSource) throws -> [Metro2Item] {
    var items: [Metro2Item] = []
    while let item = try source.next() { items.append(item) }
    return items
}

/// Every item of a file opened by the lending reader, and the document after its last item.
func lendingItems(_ url: URL, context: RecordContext = Sample.context()) throws -> (
    items: [SourceItem], document: LendingSourceDocument
) {
    var document = try LendingSourceDocument(url, context: context)
    var items: [SourceItem] = []
    while let item = try document.next() { items.append(item) }
    return (items, document)
}

extension Result {
    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }

    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

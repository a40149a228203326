import AdapterCore
import CredenceProtocol
import Foundation
import Testing

@testable import AdapterKit

/// The batching rules, without I/O.
struct BatchAssemblerTests {
    static let file = SourceFileIdentity(contentSHA256: String(repeating: "a", count: 64), name: "orders.txt")

    static func records(_ ids: [String]) -> [Record] {
        let token = try! Token(Base64.encodeURLSafe([UInt8](repeating: 7, count: 32)))
        return ids.map { id in
            Record(
                recordID: try! RawCode(id), subjects: [SubjectReference(subjectKey: token)],
                fact: .commerceEvent(
                    CommerceEvent(
                        event: .paymentCaptured, occurredAt: Timestamp(secondsSinceEpoch: 1_800_000_000),
                        orderKey: token,
                        amount: 100, currency: try! CurrencyCode("CNY"), paymentMethod: .card)))
        }
    }

    static func progress(_ ordinal: Int) -> FileProgress {
        FileProgress(file: file, nextOrdinal: ordinal + 1, units: ordinal + 1)
    }

    @Test func aUnitIsNeverSplitAndAFullBatchIsSealed() {
        var assembler = BatchAssembler(maxRecords: 4)
        #expect(
            assembler.add(Self.records(["a1", "a2"]), format: .shopifyAdminREST, progress: Self.progress(0), now: .now)
                .isEmpty)
        // Three more records do not fit with the two: the open batch is sealed first, with the cursor after unit 0.
        let sealed = assembler.add(
            Self.records(["b1", "b2", "b3"]), format: .shopifyAdminREST, progress: Self.progress(1), now: .now)
        #expect(sealed.map { $0.records.map(\.recordID.rawValue) } == [["a1", "a2"]])
        #expect(sealed.first?.progress[Self.file]?.nextOrdinal == 1)
        // One more fills the batch to the limit: it is sealed at once, with the cursor after unit 2.
        let full = assembler.add(Self.records(["c1"]), format: .shopifyAdminREST, progress: Self.progress(2), now: .now)
        #expect(full.map { $0.records.map(\.recordID.rawValue) } == [["b1", "b2", "b3", "c1"]])
        #expect(full.first?.progress[Self.file]?.nextOrdinal == 3)
        #expect(!assembler.hasRecords)
    }

    @Test func aNewFormatOrARepeatedRecordIDSealsTheOpenBatch() {
        var assembler = BatchAssembler(maxRecords: 100)
        _ = assembler.add(Self.records(["a"]), format: .shopifyAdminREST, progress: Self.progress(0), now: .now)
        let formatChange = assembler.add(Self.records(["b"]), format: .stripeAPI, progress: Self.progress(1), now: .now)
        #expect(formatChange.map(\.format) == [.shopifyAdminREST])
        let repeated = assembler.add(Self.records(["b"]), format: .stripeAPI, progress: Self.progress(2), now: .now)
        #expect(repeated.map { $0.records.map(\.recordID.rawValue) } == [["b"]])
        #expect(assembler.takeAll().records.map(\.recordID.rawValue) == ["b"])
    }

    @Test func rejectsRideWithTheNextBatchAndAreBounded() {
        var assembler = BatchAssembler(maxRecords: 10, maxPendingRejects: 3)
        let position = SourcePosition(file: "orders.txt", line: 2, ordinal: 0)
        let unit = RejectedUnit(file: Self.file, position: position, reason: "amount: expected an integer")
        #expect(assembler.reject(unit, progress: Self.progress(0)) == nil)
        #expect(assembler.reject(unit, progress: Self.progress(1)) == nil)
        let flushed = assembler.reject(unit, progress: Self.progress(2))
        #expect(flushed?.rejects.count == 3)
        #expect(flushed?.records.isEmpty == true)
        #expect(flushed?.progress[Self.file]?.nextOrdinal == 3)
    }

    @Test func theAgeCountsFromTheFirstRecord() {
        var assembler = BatchAssembler(maxRecords: 10)
        let start = ContinuousClock.now
        #expect(assembler.age(at: start) == nil)
        _ = assembler.add(Self.records(["a"]), format: .shopifyAdminREST, progress: Self.progress(0), now: start)
        _ = assembler.add(
            Self.records(["b"]), format: .shopifyAdminREST, progress: Self.progress(1), now: start + .seconds(5))
        #expect(assembler.age(at: start + .seconds(8)) == .seconds(8))
    }
}

import AdapterCore
import CommerceExports
import CredenceIdentity
import CredenceProtocol

/// Turns the objects of one export file into `commerce_event` records (`protocol/batch.md` 8.4, 10.5,
/// 10.6), keeping what the file's later objects need: the orders read so far (transactions, refunds and
/// disputes find their buyer through them) and the records already made (so an order exported twice is
/// reported once).
///
/// Record ids are `<event>-<22 characters>`, the characters being the start of the `order_key` token over
/// `<order id>/<what in the order>` (`450789469/transaction-179259969`): stable, unique per event, and
/// opaque. The raw order or transaction id is never sent, not even in a record id (section 12).
struct CommerceEventMapper {
    let context: RecordContext
    private(set) var statistics = CommerceReadStatistics()
    /// Orders by platform order id; Stripe charges by charge id and by payment intent id.
    var orders: BoundedIndex<String, IndexedOrder>
    /// The records made from this file, as far back as ``recordMemory`` records: duplicates further apart
    /// land in different batches, and a batch is what must not hold a record id twice.
    private var emitted = BoundedIndex<RecordFingerprint, Void>(capacity: Self.recordMemory)
    /// The records of the unit being mapped, committed to ``emitted`` only if the whole unit succeeds: a
    /// rejected unit's records were never sent, so a later export of the same object must still send them.
    private var unitFingerprints: [RecordFingerprint] = []
    private var unitDuplicates = 0

    /// How many of the most recent records duplicates are looked for among (about 60 MB at most).
    static let recordMemory = 1_000_000

    init(context: RecordContext, orderIndexCapacity: Int) {
        self.context = context
        orders = BoundedIndex(capacity: orderIndexCapacity)
    }

    /// The unit one export entry becomes: its records, or the reason it is quarantined.
    mutating func item(
        for object: Result<CommerceObject, CommerceFormatError>, at position: SourcePosition,
        platform: CommercePlatform
    ) -> SourceItem {
        statistics.objects += 1
        unitFingerprints.removeAll(keepingCapacity: true)
        unitDuplicates = 0
        do throws(CommerceMappingError) {
            let records: [Record]
            switch object {
            case .failure(let error):
                statistics.rejected += 1
                return SourceItem(rejection: SourceRejection(position: position, reason: error.message))
            case .success(let object) where object.platform != platform:
                throw CommerceMappingError(
                    .mixedPlatforms,
                    "a \(object.platform.rawValue) object in a \(platform.rawValue) export; "
                        + "write each platform's objects to a file of their own")
            case .success(.shopify(let object)):
                records = try shopifyRecords(for: object, at: position)
            case .success(.stripe(let object)):
                records = try stripeRecords(for: object, at: position, closedAt: nil)
            }
            for fingerprint in unitFingerprints { emitted.insert((), for: fingerprint) }
            statistics.duplicateRecordsSkipped += unitDuplicates
            statistics.records += records.count
            return SourceItem(position: position, records: records)
        } catch {
            statistics.rejected += 1
            return SourceItem(rejection: SourceRejection(position: position, reason: error.message))
        }
    }

    /// Appends the record of `fact` unless this file already produced it. `part` names the event's source
    /// within the order (empty for the order itself), so that equal parts give equal record ids.
    mutating func append(
        _ fact: CommerceEvent, of link: OrderLink, part: String, at position: SourcePosition,
        to records: inout [Record]
    ) throws(CommerceMappingError) {
        let token = try orderKey(part.isEmpty ? link.orderID : link.orderID + "/" + part)
        let suffix = token.rawValue.prefix(RecordFingerprint.characters)
        let fingerprint = RecordFingerprint(event: fact.event, token: suffix)
        guard !emitted.contains(fingerprint), !unitFingerprints.contains(fingerprint) else {
            unitDuplicates += 1
            return
        }
        unitFingerprints.append(fingerprint)
        records.append(
            Record(
                recordID: RawCode(unchecked: fact.event.rawValue + "-" + suffix), subjects: [link.subject],
                fact: .commerceEvent(fact), provenance: position.provenance))
    }

    /// The link of an order found in the index; nil, counted as dropped, for a test order's; and for one
    /// not found, an `unknownOrder` error with `message`.
    mutating func joined(_ entry: IndexedOrder?, orElse message: String) throws(CommerceMappingError) -> OrderLink? {
        switch entry {
        case .live(let link)?:
            return link
        case .test?:
            countDropped()
            return nil
        case nil:
            throw CommerceMappingError(.unknownOrder, message)
        }
    }

    /// The `order_key` token of a platform order id (or of a part of an order, for schedules and record ids).
    func orderKey(_ orderID: String) throws(CommerceMappingError) -> Token {
        do {
            return try context.orderKey(orderID: orderID)
        } catch {
            throw CommerceMappingError(.unusableValue, "the order id makes no order key: \(error.message)")
        }
    }

    /// The tokens and encodings of a buyer.
    func subject(_ raw: RawSubject) throws(CommerceMappingError) -> SubjectReference {
        do {
            return try context.subject(raw)
        } catch {
            throw CommerceMappingError(.unusableValue, "the buyer makes no subject: \(error.message)")
        }
    }

    /// A source code as a raw code of the batch (1-64 printable characters).
    func rawCode(_ text: String, field: String) throws(CommerceMappingError) -> RawCode {
        guard let code = try? RawCode(text) else {
            throw CommerceMappingError(
                .unusableValue, "\(field): '\(text.prefix(64))' is not a code of 1-64 printable characters")
        }
        return code
    }

    mutating func countDropped() { statistics.testObjectsDropped += 1 }
    mutating func countInquiry() { statistics.inquiriesSkipped += 1 }
    mutating func countWithoutEvents() { statistics.objectsWithoutEvents += 1 }
}

/// An order (or charge) as later objects of the file find it.
enum IndexedOrder {
    case live(OrderLink)
    /// A test order or test-mode charge: its transactions, refunds and disputes are dropped with it.
    case test
}

/// A record already made in this file, compactly: its event and the first 120 bits of its record id's
/// token part (uniformly random, being HMAC output, so distinct records never collide in practice).
struct RecordFingerprint: Hashable {
    /// Base64url characters of the token kept in record ids (132 bits).
    static let characters = 22

    let event: CommerceEvent.EventType
    let high: UInt64
    let low: UInt64

    init(event: CommerceEvent.EventType, token: Substring) {
        self.event = event
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in token.utf8.prefix(20).enumerated() {
            let value = UInt64(Self.sextet(byte))
            if index < 10 { high = high << 6 | value } else { low = low << 6 | value }
        }
        self.high = high
        self.low = low
    }

    private static func sextet(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        default: 63
        }
    }
}

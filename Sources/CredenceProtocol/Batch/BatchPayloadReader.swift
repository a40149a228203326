/// Reads a batch straight from its payload bytes: one strict pass lays out where each value lies
/// (``JSONTape``), then ``FastBatchDecoder`` makes the ``Batch`` and its ``Record``s from those bytes,
/// with no ``JSONValue`` tree in between. The ingest path's decoder.
///
/// It answers only when the reference path (``StrictJSONParser``, then ``FastBatchDecoder`` on the tree or
/// ``StrictDecoder``) would return the same batch; for anything else (invalid JSON, an unknown or repeated
/// member, an escaped member name, a record kind the direct decoder does not read) it answers nil, and the
/// reference path decides, with its errors and JSON Pointers.
enum BatchPayloadReader {
    /// The batch in `payload` and where each element of its `records` lies in `payload`, or nil.
    static func read(_ payload: [UInt8]) -> (batch: Batch, recordSpans: [Range<Int>])? {
        payload.withUnsafeBufferPointer { bytes in
            guard let tape = JSONTape(bytes) else { return nil }
            return tape.entries.withUnsafeBufferPointer { entries in
                let root = TapeValue(bytes: bytes, entries: entries, index: 0)
                guard let batch = FastBatchDecoder<TapeValue>.batch(root), var object = root.object,
                    let records = object.member("records")?.elements
                else { return nil }
                var spans: [Range<Int>] = []
                spans.reserveCapacity(batch.records.count)
                for record in records {
                    spans.append(Int(record.entry.start)..<Int(record.entry.end))
                }
                return (batch, spans)
            }
        }
    }
}

/// A value of a ``JSONTape``, read from the bytes on demand. Valid only while both buffers are.
struct TapeValue: BatchJSONValue {
    let bytes: UnsafeBufferPointer<UInt8>
    let entries: UnsafeBufferPointer<JSONTape.Entry>
    let index: Int

    var entry: JSONTape.Entry { entries[index] }

    private func value(at index: Int) -> TapeValue {
        TapeValue(bytes: bytes, entries: entries, index: index)
    }

    private var text: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)])
    }

    var object: Object? {
        entry.kind == .object ? Object(object: self) : nil
    }

    var elements: Elements? {
        entry.kind == .array ? Elements(array: self) : nil
    }

    var string: String? {
        let entry = self.entry
        guard entry.kind == .string else { return nil }
        guard entry.isEscaped else {
            // The tape checked the bytes: ASCII, or valid UTF-8 by the parser's rules.
            return String(decoding: text, as: UTF8.self)
        }
        // Escapes are rare in batches: the parser's own string rules resolve them.
        var lexer = StrictParser(bytes: bytes)
        lexer.position = Int(entry.start) - 1
        return try? lexer.parseString()
    }

    /// `T(text)` on a valid JSON number accepts exactly an optional '-' and digits whose value fits.
    func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        guard entry.kind == .number else { return nil }
        let digits = text
        let negative = digits[0] == UInt8(ascii: "-")
        // Not on a batch's path (its integers are signed): the text itself answers.
        guard !negative || T.isSigned else { return T(String(decoding: digits, as: UTF8.self)) }
        var value: T = 0
        for byte in digits[(negative ? 1 : 0)...] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let digit = T(byte - 0x30)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { return nil }
            value = next
        }
        return value
    }

    var bool: Bool? {
        switch entry.kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    var isNull: Bool { entry.kind == .null }

    struct Object: BatchJSONObject {
        let object: TapeValue
        /// Where the next search starts: the member after the last one found. Decoders ask in about the
        /// order members are written (or in the same order for every object of a type), so most searches end
        /// at their first name.
        private var cursor: Int

        init(object: TapeValue) {
            self.object = object
            self.cursor = object.index + 1
        }

        var count: Int { Int(object.entry.count) }

        /// A search of the names by bytes, from the cursor round to it: a batch's objects have at most a few
        /// dozen members.
        mutating func member(_ name: StaticString) -> TapeValue? {
            let first = object.index + 1
            let end = Int(object.entry.next)
            guard first < end else { return nil }
            var index = cursor
            repeat {
                let valueIndex = index + 1
                let next = Int(object.entries[valueIndex].next)
                if hasName(object.entries[index], name) {
                    cursor = next < end ? next : first
                    return object.value(at: valueIndex)
                }
                index = next < end ? next : first
            } while index != cursor
            return nil
        }

        private func hasName(_ entry: JSONTape.Entry, _ name: StaticString) -> Bool {
            let count = name.utf8CodeUnitCount
            guard !entry.isEscaped, Int(entry.end &- entry.start) == count else { return false }
            let wanted = name.utf8Start
            let start = Int(entry.start)
            for offset in 0..<count where object.bytes[start &+ offset] != wanted[offset] { return false }
            return true
        }
    }

    struct Elements: Sequence {
        let array: TapeValue

        var underestimatedCount: Int { Int(array.entry.count) }

        func makeIterator() -> Iterator {
            Iterator(array: array, index: array.index + 1, end: Int(array.entry.next))
        }

        struct Iterator: IteratorProtocol {
            let array: TapeValue
            var index: Int
            let end: Int

            mutating func next() -> TapeValue? {
                guard index < end else { return nil }
                let element = array.value(at: index)
                index = Int(array.entries[index].next)
                return element
            }
        }
    }
}

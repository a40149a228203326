import CommerceExports
import CredenceProtocol
import Foundation
import Testing

@Suite("Reading export layouts")
struct ExportReaderTests {
    static let orderLine =
        #"{"id":1001,"created_at":"2026-10-02T10:15:00-04:00","currency":"USD","total_price":"10.00","test":false}"#

    @Test("reads JSON Lines, one object per line, skipping blank lines and CRLF endings")
    func jsonLines() throws {
        let text =
            Self.orderLine + "\r\n\n"
            + #"{"id":7,"order_id":1001,"kind":"sale","status":"success","amount":"10.00","currency":"USD","created_at":"2026-10-02T10:16:00-04:00"}"#
            + "\n"
            + #"{"id":9,"order_id":1001,"type":"chargeback","amount":"10.00","currency":"USD","reason":"general","status":"won","initiated_at":"2026-10-09T10:00:00-04:00"}"#
        let entries = try readEntries(Array(text.utf8))
        #expect(entries.map(\.line) == [1, 3, 4])
        #expect(entries.map(\.ordinal) == [0, 1, 2])
        guard case .success(.shopify(.order(let order))) = entries[0].object,
            case .success(.shopify(.transaction(let transaction))) = entries[1].object,
            case .success(.shopify(.dispute(let dispute))) = entries[2].object
        else {
            Issue.record("expected an order, a transaction and a dispute: \(entries.map(\.object))")
            return
        }
        #expect(order.totalPrice == 1_000 && order.createdAt.rawValue == "2026-10-02T14:15:00Z")
        #expect(transaction.kind == "sale" && transaction.orderID == 1001)
        #expect(dispute.status == "won" && dispute.orderID == 1001)
    }

    @Test("reads the REST wrapper pretty-printed, each element with the line it starts on")
    func prettyWrapper() throws {
        let text = """
            {
              "orders": [
                {
                  "id": 1,
                  "created_at": "2026-10-02T10:15:00-04:00",
                  "currency": "JPY",
                  "total_price": "1500"
                },
                {"id": 2, "created_at": "2026-10-02T10:15:00-04:00", "currency": "KWD", "total_price": "12.345"}
              ]
            }
            """
        let entries = try readEntries(Array(text.utf8))
        #expect(entries.map(\.line) == [3, 9])
        let totals = entries.compactMap { entry -> Int64? in
            if case .success(.shopify(.order(let order))) = entry.object { return order.totalPrice }
            return nil
        }
        #expect(totals == [1_500, 12_345])
    }

    @Test("reads a wrapper on one line of JSON Lines as several objects of that line")
    func wrapperLine() throws {
        let text =
            #"{"transactions":[{"id":1,"order_id":5,"kind":"authorization","status":"success","amount":"1.00","currency":"USD","created_at":"2026-10-02T10:15:00Z"},"#
            + #"{"id":2,"order_id":5,"kind":"capture","status":"success","amount":"1.00","currency":"USD","created_at":"2026-10-02T10:20:00Z"}]}"#
            + "\n" + Self.orderLine + "\n"
        let entries = try readEntries(Array(text.utf8))
        #expect(entries.map(\.line) == [1, 1, 2])
        #expect(entries.map(\.ordinal) == [0, 1, 2])
        #expect(entries.allSatisfy { (try? $0.object.get()) != nil })
    }

    @Test("reads a single order envelope, a Stripe list, a bare array and concatenated pretty values")
    func otherLayouts() throws {
        let single = "{\n  \"order\": " + Self.orderLine + "\n}\n"
        let singleEntries = try readEntries(Array(single.utf8))
        #expect(singleEntries.map(\.line) == [2])

        let list = """
            {
              "object": "list",
              "data": [
                {"id": "re_1", "object": "refund", "amount": 100, "charge": "ch_1", "created": 1234567890,
                 "currency": "usd", "status": "succeeded"},
                {"id": "re_2", "object": "refund", "amount": 50, "charge": "ch_1", "created": 1234567990,
                 "currency": "jpy", "status": "pending"}
              ],
              "has_more": false,
              "url": "/v1/refunds"
            }
            """
        let listEntries = try readEntries(Array(list.utf8))
        #expect(listEntries.map(\.line) == [4, 6])
        guard case .success(.stripe(.refund(let second))) = listEntries[1].object else {
            Issue.record("expected a Stripe refund, got \(listEntries[1].object)")
            return
        }
        #expect(second.currency.rawValue == "JPY" && second.amount == 50)

        let array = "[\n" + Self.orderLine + ",\n" + Self.orderLine + "\n]"
        #expect(try readEntries(Array(array.utf8)).map(\.line) == [2, 3])

        // `jq .` output: several pretty-printed values one after another.
        let stream =
            "{\n  \"id\": 1,\n  \"currency\": \"USD\",\n  \"total_price\": \"1.00\",\n"
            + "  \"created_at\": \"2026-10-02T10:15:00Z\"\n}\n{\n  \"id\": 2,\n  \"currency\": \"USD\",\n"
            + "  \"total_price\": \"2.00\",\n  \"created_at\": \"2026-10-02T10:15:00Z\"\n}\n"
        let streamEntries = try readEntries(Array(stream.utf8))
        #expect(streamEntries.map(\.line) == [1, 7])
        #expect(streamEntries.allSatisfy { (try? $0.object.get()) != nil })
    }

    @Test("a bad line in the middle is one failed entry with its line; the rest is read")
    func badLineInTheMiddle() throws {
        let lines = [
            Self.orderLine,
            #"{"id":1002,"created_at":"2026-10-02T10:15:00-04:00","currency":"USD","total_price":"#,
            #"{"id":1003,"created_at":"2026-10-02T10:15:00-04:00","currency":"USD","total_price":"-5.00"}"#,
            #"{"id":1004,"created_at":"2026-10-02T10:15:00-04:00","currency":"XYZ","total_price":"5.00"}"#,
            #"{"id":1005,"created_at":"02/10/2026","currency":"USD","total_price":"5.00"}"#,
            #"{"id":1006,"created_at":"2026-10-02T10:15:00-04:00","currency":"USD","total_price":"5.001"}"#,
            #"{"name":"Widget","vendor":"Acme"}"#,
            Self.orderLine,
        ]
        let entries = try readEntries(Array(lines.joined(separator: "\n").utf8))
        #expect(entries.map(\.line) == Array(1...8))
        let errors = entries.map { entry -> CommerceFormatError? in
            if case .failure(let error) = entry.object { return error }
            return nil
        }
        #expect(errors[0] == nil && errors[7] == nil)
        #expect(errors[1]?.code == .malformedJSON)
        #expect(errors[2]?.code == .badAmount && errors[2]?.message.hasPrefix("total_price: ") == true)
        #expect(errors[3]?.code == .unknownCurrency && errors[3]?.message.hasPrefix("currency: ") == true)
        #expect(errors[4]?.code == .badTime && errors[4]?.message.hasPrefix("created_at: ") == true)
        #expect(errors[5]?.code == .precisionExceeded)
        #expect(errors[6]?.code == .unknownObject)
    }

    @Test("errors inside wrappers name the element's path")
    func wrapperPaths() throws {
        let text =
            #"{"orders":[{"id":1,"created_at":"2026-10-02T10:15:00Z","currency":"USD","total_price":"1.00"},"#
            + #"{"id":2,"created_at":"2026-10-02T10:15:00Z","currency":"USD","total_price":"1.00","#
            + #""refunds":[{"id":3,"created_at":"2026-10-03T10:15:00Z","transactions":[{"id":4,"kind":"refund","#
            + #""amount":"1.001","created_at":"2026-10-03T10:15:00Z"}]}]}]}"#
        let entries = try readEntries(Array(text.utf8))
        guard case .failure(let error) = entries[1].object else {
            Issue.record("expected the second order to fail")
            return
        }
        #expect(error.message.hasPrefix("orders[1].refunds[0].transactions[0].amount: "))
    }

    @Test("a UTF-8 byte order mark at the start is skipped")
    func byteOrderMark() throws {
        let entries = try readEntries([0xEF, 0xBB, 0xBF] + Array(Self.orderLine.utf8))
        #expect(entries.count == 1 && (try? entries[0].object.get()) != nil)
    }

    @Test("a pretty-printed value that never closes refuses the rest of the file")
    func unterminatedDocument() throws {
        var reader = CommerceExportReader(bytes: Array("{\n  \"orders\": [\n    {\"id\": 1}\n".utf8))
        #expect(throws: CommerceFormatError(.unreadableFile, "")) { try reader.next() }
    }

    @Test("an empty file has no entries")
    func emptyFile() throws {
        #expect(try readEntries(Array(" \n\n".utf8)).isEmpty)
    }

    @Test("an export without objects (a day without orders) is read as no units, not refused")
    func emptyExportIsNoUnits() throws {
        let scratch = try ScratchDirectory()
        let result = try readExport(try scratch.write("\n", to: "orders-quiet-day.jsonl"))
        #expect(result.items.isEmpty)
    }

    @Test("a file larger than one read chunk is read across chunk boundaries with exact lines")
    func acrossChunks() throws {
        let scratch = try ScratchDirectory()
        // Long notes make lines of about 10 KB, so lines straddle the 1 MiB chunks.
        let note = String(repeating: "n", count: 10_000)
        var text = ""
        for index in 1...400 {
            text +=
                #"{"id":\#(index),"created_at":"2026-10-02T10:15:00Z","currency":"USD","total_price":"1.00","note":"\#(note)"}"#
            text += index == 200 ? "\n{broken\n" : "\n"
        }
        var reader = try CommerceExportReader(contentsOf: try scratch.write(text, to: "big.jsonl"))
        var ids: [Int64] = []
        var failedLines: [Int] = []
        var lastLine = 0
        while let entry = try reader.next() {
            switch entry.object {
            case .success(.shopify(.order(let order))): ids.append(order.id)
            default: failedLines.append(entry.line)
            }
            lastLine = entry.line
        }
        #expect(ids == Array(1...400))
        #expect(failedLines == [201])
        #expect(lastLine == 401)
    }
}

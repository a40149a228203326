import AdapterCore
import ArgumentParser
import CredenceProtocol
import Foundation

struct StatusVerb: AdapterVerb {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the chain head, the outbox's batches, the rejects and every file's read cursor.")

    @OptionGroup var directory: DirectoryOption

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func execute(_ context: ProgramContext) async throws {
        let adapter = try AdapterDirectory.open(
            at: directory.dir, kind: context.reader.partnerKind, environment: context.environment)
        let status =
            FileManager.default.fileExists(atPath: adapter.outboxPath)
            ? try await Outbox(path: adapter.outboxPath).status()
            : OutboxStatus(
                chain: nil, sealed: 0, acknowledged: 0, pending: 0, firstPendingSeq: nil, records: 0, rejects: 0,
                files: [])
        let report = StatusReport(configuration: adapter.configuration, outbox: status)
        if json {
            context.console.print(report.json())
        } else {
            for line in report.lines(rejectsFolder: adapter.rejectsURL.path) { context.console.print(line) }
        }
    }
}

/// What `status` prints, as text or JSON.
struct StatusReport: Encodable {
    let partnerID: String
    let partnerKind: String
    let aggregatorURL: String
    let audience: String
    let keyEpoch: Int
    let outbox: OutboxStatus

    init(configuration: AdapterConfiguration, outbox: OutboxStatus) {
        partnerID = configuration.partnerID
        partnerKind = configuration.partnerKind.rawValue
        aggregatorURL = configuration.aggregatorURL
        audience = configuration.audience
        keyEpoch = configuration.keyEpoch
        self.outbox = outbox
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and optionals only: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    func lines(rejectsFolder: String) -> [String] {
        var lines = [
            "partner \(partnerID) (\(partnerKind)), key epoch \(keyEpoch), aggregator \(audience) at \(aggregatorURL)"
        ]
        if let chain = outbox.chain {
            lines.append(
                "chain: last batch_seq \(chain.lastSeq)" + (chain.lastBatchID.map { " (batch_id \($0))" } ?? ""))
        } else {
            lines.append("chain: not synchronized with the aggregator yet (no batch sealed)")
        }
        let pendingFrom = outbox.firstPendingSeq.map { " from batch_seq \($0)" } ?? ""
        lines.append(
            "batches: \(outbox.sealed) sealed (\(outbox.records) records), \(outbox.acknowledged) acknowledged, \(outbox.pending) pending\(pendingFrom)"
        )
        lines.append("rejects: \(outbox.rejects)" + (outbox.rejects > 0 ? " (in \(rejectsFolder))" : ""))
        lines.append("files: \(outbox.files.count)")
        for file in outbox.files {
            var line =
                "  \(file.state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(file.file.name) "
                + "sha256 \(file.file.contentSHA256.prefix(16)) units \(file.units) records \(file.records) rejects \(file.rejects)"
            if file.state == .reading { line += " next unit \(file.nextOrdinal)" }
            if let refusal = file.refusal { line += ": \(refusal)" }
            lines.append(line)
        }
        return lines
    }
}

public import AdapterCore
public import Foundation
public import Logging

extension AdapterRuntime {
    /// Reads `files` and writes each batch, signed, as `output/<seq>.dsse.json` (a chain of its own from
    /// 1) and the rejects under `output/rejects/`, without touching the outbox or the aggregator.
    /// `output` must be empty or not exist yet.
    public static func dryRun(
        directory: AdapterDirectory, reader: any SourceReader, files: [URL], output: URL,
        logger: Logger = Logger(label: "credence.adapter"), console: AdapterConsole? = nil,
        progress: ProgressStyle = .none
    ) async throws -> RunSummary {
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: output.path), !existing.isEmpty {
            throw AdapterError(.usage, "--out '\(output.path)' is not empty; a dry run writes into a new folder")
        }
        try DurableFile.createDirectory(output)
        let settings = directory.configuration
        let credentials = try directory.credentials()
        let counters = RunCounters()
        let signer = Self.signer(settings, credentials)
        var ingestion = SourceIngestion(
            reader: reader, context: Self.recordContext(settings, credentials), validator: signer.validator,
            sink: DryRunSink(folder: output, signer: signer, counters: counters, logger: logger),
            maxRecordsPerBatch: settings.maxRecordsPerBatch, maxBatchAge: nil, counters: counters, logger: logger)
        let reporter =
            console.map { ProgressReporter(counters: counters, console: $0, style: progress) }
            ?? .hidden(counters)
        let refusals = try await reporter.showing { try await ingestion.run(files) }
        return RunSummary(counters, refusals: refusals, pending: 0)
    }
}

import AdapterCore
import CredenceProtocol
import Foundation
import Logging
import ServiceLifecycle

/// Reads source files unit by unit into sealed batches: identifies each file by content, skips what an
/// earlier run sealed (resuming a file at its cursor), validates each unit, quarantines rejected units,
/// and hands full drafts to the sink.
struct SourceIngestion {
    /// What became of one file.
    enum Outcome: Sendable, Equatable {
        /// Read to the end (its last records may still wait in the open batch).
        case done
        /// Not read: already processed, or given twice.
        case skipped(String)
        /// Refused with a one-line reason; units before the failure were kept.
        case refused(String)
        /// Graceful shutdown stopped the reading after a unit; the next run resumes at the cursor.
        case interrupted
    }

    let reader: any SourceReader
    let context: RecordContext
    let validator: UnitValidator
    let sink: any BatchSink
    let counters: RunCounters
    let logger: Logger
    /// Watch mode: seal a partial batch once it is this old.
    let maxBatchAge: Duration?
    private var assembler: BatchAssembler
    private var seen: Set<SourceFileIdentity> = []

    init(
        reader: any SourceReader, context: RecordContext, validator: UnitValidator, sink: any BatchSink,
        maxRecordsPerBatch: Int, maxBatchAge: Duration?, counters: RunCounters, logger: Logger
    ) {
        self.reader = reader
        self.context = context
        self.validator = validator
        self.sink = sink
        self.counters = counters
        self.logger = logger
        self.maxBatchAge = maxBatchAge
        self.assembler = BatchAssembler(maxRecords: maxRecordsPerBatch)
    }

    /// Reads every file in order and seals what is left; returns the refusals, one line each.
    mutating func run(_ files: [URL]) async throws -> [String] {
        counters.update { $0.files += files.count }
        var refusals: [String] = []
        for file in files {
            switch try await ingest(file) {
            case .refused(let reason): refusals.append(reason)
            case .done, .skipped, .interrupted: break
            }
        }
        try await flush()
        return refusals
    }

    /// Reads one file (a file, or a directory for archive formats).
    mutating func ingest(_ url: URL) async throws -> Outcome {
        counters.update { $0.currentFile = url.lastPathComponent }
        let identity: SourceFileIdentity
        do {
            identity = try SourceFileIdentity.of(url)
        } catch {
            return refused(error.message)
        }
        guard seen.insert(identity).inserted else { return skipped(identity, "given twice in this run") }
        var progress = try await sink.progress(of: identity) ?? FileProgress(file: identity)
        guard progress.state != .done else { return skipped(identity, "already processed") }
        progress.state = .reading
        progress.refusal = nil
        var document: any SourceDocument
        do {
            document = try reader.open(url, context: context)
        } catch {
            return try await refuse(progress, "\(identity.name): \(error.message)")
        }
        guard document.format.partnerKind == reader.partnerKind else {
            return try await refuse(
                progress,
                "\(identity.name): \(document.format.rawValue) is a \(document.format.partnerKind.rawValue) format, not \(reader.partnerKind.rawValue)"
            )
        }
        if progress.nextOrdinal > 0 {
            logger.notice(
                "resuming", metadata: ["file": "\(identity.name)", "next_ordinal": "\(progress.nextOrdinal)"])
        }
        while true {
            try Task.checkCancellation()
            if Task.isShuttingDownGracefully {
                assembler.note(progress)
                return .interrupted
            }
            let next: SourceItem?
            do {
                next = try document.next()
            } catch {
                return try await refuse(progress, "\(identity.name): \(error.message)")
            }
            guard let item = next else { break }
            guard item.position.ordinal >= progress.nextOrdinal else { continue }
            progress = try await take(item, of: identity, format: document.format, after: progress)
            try await sealIfOld()
        }
        for warning in document.warnings {
            logger.warning("file warning", metadata: ["file": "\(identity.name)", "warning": "\(warning)"])
        }
        progress = progress.ended()
        counters.update { $0.filesDone += 1 }
        try await settle(progress)
        return .done
    }

    /// Seals the open batch if it is older than the maximum age (watch mode).
    mutating func sealIfOld() async throws {
        guard let maxBatchAge, let age = assembler.age(at: .now), age >= maxBatchAge else { return }
        try await sink.commit(assembler.takeAll())
    }

    /// How long until the open batch reaches its maximum age; nil when it holds no records.
    var timeUntilSeal: Duration? {
        guard let maxBatchAge, let age = assembler.age(at: .now) else { return nil }
        return max(.zero, maxBatchAge - age)
    }

    /// Seals everything pending.
    mutating func flush() async throws {
        try await sink.commit(assembler.takeAll())
    }

    // MARK: One unit

    private mutating func take(
        _ item: SourceItem, of file: SourceFileIdentity, format: SourceFormat, after progress: FileProgress
    ) async throws -> FileProgress {
        let rejection: String
        switch item.outcome {
        case .success(let records):
            if let problem = validator.problem(in: records, format: format) {
                rejection = problem
            } else {
                let next = progress.advanced(past: item.position.ordinal, records: records.count, rejected: false)
                counters.update { counters in
                    counters.units += 1
                    counters.records += records.count
                }
                for draft in assembler.add(records, format: format, progress: next, now: .now) {
                    try await sink.commit(draft)
                }
                return next
            }
        case .failure(let refused):
            rejection = refused.reason
        }
        let next = progress.advanced(past: item.position.ordinal, records: 0, rejected: true)
        counters.update { counters in
            counters.units += 1
            counters.rejects += 1
        }
        logger.info("rejected", metadata: ["position": "\(item.position)", "reason": "\(rejection)"])
        let unit = RejectedUnit(file: file, position: item.position, reason: rejection)
        if let draft = assembler.reject(unit, progress: next) { try await sink.commit(draft) }
        return next
    }

    // MARK: File outcomes

    /// Records a file's final progress: at once when no records are pending, else with the open batch that
    /// holds its last records.
    private mutating func settle(_ progress: FileProgress) async throws {
        assembler.note(progress)
        if !assembler.hasRecords { try await sink.commit(assembler.takeAll()) }
    }

    private mutating func refuse(_ progress: FileProgress, _ reason: String) async throws -> Outcome {
        try await settle(progress.ended(refusal: reason))
        return refused(reason)
    }

    private func refused(_ reason: String) -> Outcome {
        counters.update { $0.filesRefused += 1 }
        logger.notice("refused", metadata: ["reason": "\(reason)"])
        return .refused(reason)
    }

    private func skipped(_ file: SourceFileIdentity, _ reason: String) -> Outcome {
        counters.update { $0.filesSkipped += 1 }
        logger.notice("skipped", metadata: ["file": "\(file.name)", "reason": "\(reason)"])
        return .skipped(reason)
    }
}

import ArgumentParser
import Foundation

struct BackfillVerb: AdapterVerb {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Read export files, seal and push their batches, and wait for every receipt.",
        discussion: """
            Files already processed (same content and name) are skipped; a file an earlier run left half \
            read resumes at its cursor. Rejected units go to DIR/rejects/<file>.rejects.jsonl and the rest of \
            the file proceeds. Prints a summary; exits 1 if a file was refused or delivery failed (the outbox \
            is kept: run it again, or push). With --dry-run, writes OUT/<seq>.dsse.json instead and leaves the \
            outbox and the aggregator alone.
            """)

    @OptionGroup var options: RunOptions

    @Flag(help: "Write the signed envelopes to --out instead of pushing them.")
    var dryRun = false

    @Option(help: "Dry run: a new folder for <seq>.dsse.json and rejects/.")
    var out: String?

    @Option(help: "Progress on standard error: auto (a bar on a terminal, lines otherwise), bar, lines, none.")
    var progress = ProgressStyle.auto.rawValue

    @Argument(help: "Export files (or archive directories), read in this order.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file") }
        guard dryRun == (out != nil) else { throw ValidationError("--dry-run and --out go together") }
        guard ProgressStyle(rawValue: progress) != nil else {
            throw ValidationError(
                "--progress must be one of \(ProgressStyle.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Checked by validate().
    private var progressStyle: ProgressStyle { ProgressStyle(rawValue: progress) ?? .auto }

    func execute(_ context: ProgramContext) async throws {
        let (directory, logger) = try options.open(context)
        let urls = try ExportInputs.expanding(files.map { URL(fileURLWithPath: $0) }, reader: context.reader)
        let summary: RunSummary
        if let out {
            summary = try await AdapterRuntime.dryRun(
                directory: directory, reader: context.reader, files: urls, output: URL(fileURLWithPath: out),
                logger: logger, console: context.console, progress: progressStyle)
        } else {
            summary = try await AdapterRuntime.with(directory: directory, reader: context.reader, logger: logger) {
                try await $0.backfill(urls, console: context.console, progress: progressStyle)
            }
        }
        let verb = dryRun ? "dry run" : "backfill"
        context.console.print("\(verb): \(summary.filesLine), \(summary.recordsLine)")
        if summary.rejects > 0 {
            let folder = (out.map { URL(fileURLWithPath: $0) } ?? directory.url)
                .appendingPathComponent(AdapterDirectory.rejectsFolder)
            context.console.print("rejected units are listed in \(folder.path)")
        }
        for refusal in summary.refusals { context.console.printError("refused: \(refusal)") }
        if !summary.refusals.isEmpty { throw ExitCode(1) }
    }
}

extension RunSummary {
    /// `3 files (2 read, 1 already processed, 0 refused)`.
    var filesLine: String {
        "\(files) files (\(filesDone) read, \(filesSkipped) already processed, \(filesRefused) refused)"
    }

    /// `1000 units, 998 records, 1 batches, 2 rejects, 5120 records/s`.
    var recordsLine: String {
        "\(units) units, \(records) records, \(batchesSealed) batches, \(rejects) rejects, \(recordsPerSecond) records/s"
    }
}
